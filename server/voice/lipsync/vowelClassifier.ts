/**
 * Vowel shape of a frame from its formants, compared with calibrated templates after speaker
 * normalisation: every formant is first divided by the ratio of the utterance's median F3 to
 * the calibration voice's (a longer vocal tract lowers all formants by about the same factor);
 * then a small per-utterance shift of ln F1 and ln F2 is fitted to the frames themselves
 * (speakers differ in jaw opening as much as in tract length).
 */
import { VISEMES } from '@shared';
import { type FrameFeatures } from './frameAnalysis';
import { CALIBRATION_F3_HZ, VOWEL_TEMPLATES, type VowelTemplate } from './vowelTemplates';

export const VISEME_COUNT = VISEMES.length;
/** Extra spread (log units) for running speech, where coarticulation blurs every vowel. */
const SPREAD_FLOOR = 0.1;
/** Speakers further than this from the calibration voice are clamped (log units, ~±40 %). */
const MAX_SCALE = 0.35;
/** The fitted shift stays within this (log units, ~±15 %). */
const MAX_SHIFT = 0.15;

/** Offsets subtracted from ln F1 and ln F2 before comparing with the templates. */
export interface SpeakerNormalisation { f1: number; f2: number }

/** Normalisation for an utterance: F3 scale, then a fitted shift. */
export function speakerNormalisation(features: FrameFeatures, open: Uint8Array, vowelnessOf?: Float32Array): SpeakerNormalisation {
  const scale = speakerScale(features, open);
  const normalisation = { f1: scale, f2: scale };
  if (!vowelnessOf) return normalisation;
  for (let iteration = 0; iteration < 3; iteration++) {
    const shift = fittedShift(features, open, vowelnessOf, normalisation);
    normalisation.f1 = clamp(normalisation.f1 + shift[0], scale - MAX_SHIFT, scale + MAX_SHIFT);
    normalisation.f2 = clamp(normalisation.f2 + shift[1], scale - MAX_SHIFT, scale + MAX_SHIFT);
  }
  return normalisation;
}

/** log(median F3 of the open, voiced frames / calibration F3): the speaker's vocal-tract scale. */
export function speakerScale(features: FrameFeatures, open: Uint8Array): number {
  const values: number[] = [];
  for (let i = 0; i < features.count; i++) {
    if (open[i] && Number.isFinite(features.f3[i]) && features.voicing[i] > 0.5) values.push(features.f3[i]);
  }
  if (values.length < 8) return 0;
  return clamp(Math.log(median(values) / CALIBRATION_F3_HZ), -MAX_SCALE, MAX_SCALE);
}

/** Median residual of vowel-like frames from their nearest template. */
function fittedShift(features: FrameFeatures, open: Uint8Array, vowelnessOf: Float32Array, n: SpeakerNormalisation): [number, number] {
  const r1: number[] = [];
  const r2: number[] = [];
  for (let i = 0; i < features.count; i++) {
    if (!open[i] || vowelnessOf[i] < 0.7 || !Number.isFinite(features.f2[i])) continue;
    const x1 = Math.log(features.f1[i]) - n.f1;
    const x2 = Math.log(features.f2[i]) - n.f2;
    let best: VowelTemplate | undefined;
    let bestScore = -Infinity;
    for (const t of VOWEL_TEMPLATES) {
      const score = componentScore(t, x1, x2);
      if (score > bestScore) { bestScore = score; best = t; }
    }
    r1.push(x1 - best!.mean[0]);
    r2.push(x2 - best!.mean[1]);
  }
  if (r1.length < 10) return [0, 0];
  return [median(r1), median(r2)];
}

/**
 * Log-likelihood of each viseme for frame `i` into `out[offset..offset+5)`, or false when the
 * frame has no usable formants.
 */
export function frameVowelScores(features: FrameFeatures, i: number, n: SpeakerNormalisation, out: Float32Array | Float64Array, offset = 0): boolean {
  const f1 = features.f1[i];
  const f2 = features.f2[i];
  if (!Number.isFinite(f1) || !Number.isFinite(f2)) return false;
  const x1 = Math.log(f1) - n.f1;
  const x2 = Math.log(f2) - n.f2;
  for (let v = 0; v < VISEME_COUNT; v++) out[offset + v] = -Infinity;
  for (const template of VOWEL_TEMPLATES) {
    const score = componentScore(template, x1, x2);
    const v = VISEMES.indexOf(template.viseme);
    if (score > out[offset + v]) out[offset + v] = score;
  }
  return true;
}

/** Per template: 1/σ for each dimension (spread widened by the floor) and ln(σ1·σ2), computed once. */
const SCALES = new Map<VowelTemplate, [number, number, number]>();

function componentScore(t: VowelTemplate, x1: number, x2: number): number {
  let scale = SCALES.get(t);
  if (!scale) {
    const s1 = Math.hypot(t.spread[0], SPREAD_FLOOR);
    const s2 = Math.hypot(t.spread[1], SPREAD_FLOOR);
    scale = [1 / s1, 1 / s2, Math.log(s1 * s2)];
    SCALES.set(t, scale);
  }
  const d1 = (x1 - t.mean[0]) * scale[0];
  const d2 = (x2 - t.mean[1]) * scale[1];
  return -0.5 * (d1 * d1 + d2 * d2) - scale[2];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, x));
}
