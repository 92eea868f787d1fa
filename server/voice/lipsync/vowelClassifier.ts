/**
 * Vowel shape of a frame from its formants. F1/F2 are compared with calibrated templates after
 * speaker normalisation: every formant is divided by the ratio of the utterance's median F3 to
 * the calibration voice's (a bigger vocal tract lowers all formants by about the same factor).
 */
import { VISEMES } from '@shared';
import { type FrameFeatures } from './frameAnalysis';
import { CALIBRATION_F3_HZ, VOWEL_TEMPLATES, type VowelTemplate } from './vowelTemplates';

export const VISEME_COUNT = VISEMES.length;
/** Extra spread (log units) for running speech, where coarticulation blurs every vowel. */
const SPREAD_FLOOR = 0.07;
/** Speakers further than this from the calibration voice are clamped (log units, ~±40 %). */
const MAX_SCALE = 0.35;

/** log(median F3 of the open frames / calibration F3): the speaker's vocal-tract scale. */
export function speakerScale(features: FrameFeatures, open: Uint8Array): number {
  const values: number[] = [];
  for (let i = 0; i < features.count; i++) {
    if (open[i] && Number.isFinite(features.f3[i]) && features.voicing[i] > 0.5) values.push(features.f3[i]);
  }
  if (values.length < 8) return 0;
  values.sort((a, b) => a - b);
  const median = values[Math.floor(values.length / 2)];
  return Math.max(-MAX_SCALE, Math.min(MAX_SCALE, Math.log(median / CALIBRATION_F3_HZ)));
}

/**
 * Log-likelihood of each viseme for frame `i` into `out` (length 5), or false when the frame
 * has no usable formants.
 */
export function frameVowelScores(features: FrameFeatures, i: number, scale: number, out: Float32Array | Float64Array, offset = 0): boolean {
  const f1 = features.f1[i];
  const f2 = features.f2[i];
  if (!Number.isFinite(f1) || !Number.isFinite(f2)) return false;
  const x1 = Math.log(f1) - scale;
  const x2 = Math.log(f2) - scale;
  for (let v = 0; v < VISEME_COUNT; v++) out[offset + v] = -Infinity;
  for (const template of VOWEL_TEMPLATES) {
    const score = componentScore(template, x1, x2);
    const v = VISEMES.indexOf(template.viseme);
    if (score > out[offset + v]) out[offset + v] = score;
  }
  return true;
}

function componentScore(t: VowelTemplate, x1: number, x2: number): number {
  const s1 = Math.hypot(t.spread[0], SPREAD_FLOOR);
  const s2 = Math.hypot(t.spread[1], SPREAD_FLOOR);
  const d1 = (x1 - t.mean[0]) / s1;
  const d2 = (x2 - t.mean[1]) / s2;
  return -0.5 * (d1 * d1 + d2 * d2) - Math.log(s1 * s2);
}
