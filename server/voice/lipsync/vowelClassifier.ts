/**
 * Vowel shape of a frame from its formants, compared with calibrated templates after speaker
 * normalisation: ln F1 and ln F2 are first shifted by the ratio of the utterance's median F3 to
 * the calibration voice's (a longer vocal tract lowers all formants by about the same factor);
 * then a small per-utterance shift of ln F1 and ln F2 is fitted to the frames themselves
 * (speakers differ in jaw opening as much as in tract length). The third feature is ln F3
 * relative to the utterance's median F3: a dip marks r-coloured vowels (ER → U), which F1/F2
 * confuse with schwa.
 */
import { VISEMES } from '@shared';
import { type FrameFeatures } from './frameAnalysis';
import { CALIBRATION_F3_HZ, VOWEL_TEMPLATES, type VowelTemplate } from './vowelTemplates';

export const VISEME_COUNT = VISEMES.length;
/**
 * Extra spread (log units) added to every template: the sustained eSpeak vowels are nearly
 * points. The recorded-speech templates carry their own blur, so this stays small (0.1 cost
 * ~5 points of audio-only accuracy on the development sentences).
 */
const SPREAD_FLOOR = 0.05;
/** Speakers further than this from the calibration voice are clamped (log units, ~±40 %). */
const MAX_SCALE = 0.35;
/** The fitted shift stays within this (log units, ~±15 %). */
const MAX_SHIFT = 0.15;

/** Offsets subtracted from ln F1, ln F2 and ln F3 before comparing with the templates. */
export interface SpeakerNormalisation {
  f1: number;
  f2: number;
  f3: number;
}

/** Normalisation for an utterance: F3 scale, then a fitted shift. */
export function speakerNormalisation(
  features: FrameFeatures,
  open: Uint8Array,
  vowelnessOf?: Float32Array,
): SpeakerNormalisation {
  const f3 = medianF3(features, open);
  const scale = f3 === undefined ? 0 : clamp(Math.log(f3 / CALIBRATION_F3_HZ), -MAX_SCALE, MAX_SCALE);
  const normalisation = { f1: scale, f2: scale, f3: Math.log(f3 ?? CALIBRATION_F3_HZ) };
  if (!vowelnessOf) return normalisation;
  for (let iteration = 0; iteration < 3; iteration++) {
    const shift = fittedShift(features, open, vowelnessOf, normalisation);
    normalisation.f1 = clamp(normalisation.f1 + shift[0], scale - MAX_SHIFT, scale + MAX_SHIFT);
    normalisation.f2 = clamp(normalisation.f2 + shift[1], scale - MAX_SHIFT, scale + MAX_SHIFT);
  }
  return normalisation;
}

/** Median F3 (Hz) of the open, voiced frames: the speaker's vocal-tract scale; undefined when too few. */
function medianF3(features: FrameFeatures, open: Uint8Array): number | undefined {
  const values: number[] = [];
  for (let i = 0; i < features.count; i++) {
    if (open[i] && Number.isFinite(features.f3[i]) && features.voicing[i] > 0.5) values.push(features.f3[i]);
  }
  return values.length < 8 ? undefined : median(values);
}

/** Median residual of vowel-like frames from their nearest template (in ln F1, ln F2 only). */
function fittedShift(
  features: FrameFeatures,
  open: Uint8Array,
  vowelnessOf: Float32Array,
  n: SpeakerNormalisation,
): [number, number] {
  const r1: number[] = [];
  const r2: number[] = [];
  for (let i = 0; i < features.count; i++) {
    if (!open[i] || vowelnessOf[i] < 0.7 || !Number.isFinite(features.f2[i])) continue;
    const x1 = Math.log(features.f1[i]) - n.f1;
    const x2 = Math.log(features.f2[i]) - n.f2;
    let best = COMPONENTS[0];
    let bestScore = -Infinity;
    for (const c of COMPONENTS) {
      const score = c.score(x1, x2, NaN);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    r1.push(x1 - best.mean[0]);
    r2.push(x2 - best.mean[1]);
  }
  if (r1.length < 10) return [0, 0];
  return [median(r1), median(r2)];
}

/**
 * Log-likelihood of each viseme for frame `i` into `out[offset..offset+5)`, or false when the
 * frame has no usable formants. Frames without an F3 are scored on F1/F2 alone.
 */
export function frameVowelScores(
  features: FrameFeatures,
  i: number,
  n: SpeakerNormalisation,
  out: Float32Array | Float64Array,
  offset = 0,
): boolean {
  const f1 = features.f1[i];
  const f2 = features.f2[i];
  if (!Number.isFinite(f1) || !Number.isFinite(f2)) return false;
  const x1 = Math.log(f1) - n.f1;
  const x2 = Math.log(f2) - n.f2;
  const x3 = Math.log(features.f3[i]) - n.f3;
  for (let v = 0; v < VISEME_COUNT; v++) out[offset + v] = -Infinity;
  for (const c of COMPONENTS) {
    const score = c.score(x1, x2, x3);
    if (score > out[offset + c.visemeIndex]) out[offset + c.visemeIndex] = score;
  }
  return true;
}

/** A template ready to score: inverse covariances (3-D, and F1/F2 alone) and log-determinants. */
interface Component {
  visemeIndex: number;
  mean: readonly number[];
  score(x1: number, x2: number, x3: number): number;
}

const COMPONENTS: Component[] = VOWEL_TEMPLATES.map(component);

/** Gaussian log-density (up to a constant) of a template, its covariance widened by the floor. */
function component(t: VowelTemplate): Component {
  const floor = SPREAD_FLOOR * SPREAD_FLOOR;
  const [c11, c12, c13, c22, c23, c33] = t.covariance;
  const full = inverse3([c11 + floor, c12, c13, c22 + floor, c23, c33 + floor]);
  const det2 = (c11 + floor) * (c22 + floor) - c12 * c12;
  const i11 = (c22 + floor) / det2,
    i12 = -c12 / det2,
    i22 = (c11 + floor) / det2;
  const [m1, m2, m3] = t.mean;
  return {
    visemeIndex: VISEMES.indexOf(t.viseme),
    mean: t.mean,
    score(x1, x2, x3) {
      const d1 = x1 - m1,
        d2 = x2 - m2;
      if (!Number.isFinite(x3))
        return -0.5 * (i11 * d1 * d1 + 2 * i12 * d1 * d2 + i22 * d2 * d2) - 0.5 * Math.log(det2);
      const d3 = x3 - m3;
      const [a11, a12, a13, a22, a23, a33, logDet] = full;
      const q =
        a11 * d1 * d1 + a22 * d2 * d2 + a33 * d3 * d3 + 2 * (a12 * d1 * d2 + a13 * d1 * d3 + a23 * d2 * d3);
      return -0.5 * q - 0.5 * logDet;
    },
  };
}

/** Inverse of a symmetric 3×3 matrix (packed c11 c12 c13 c22 c23 c33), packed the same way, then ln det. */
function inverse3([a, b, c, d, e, f]: number[]): number[] {
  const A = d * f - e * e,
    B = c * e - b * f,
    C = b * e - c * d;
  const det = a * A + b * B + c * C;
  return [
    A / det,
    B / det,
    C / det,
    (a * f - c * c) / det,
    (b * c - a * e) / det,
    (a * d - b * b) / det,
    Math.log(det),
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}
