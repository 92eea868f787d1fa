/**
 * Mouth shapes from the audio alone: per-frame formant scores, Viterbi-smoothed over each
 * stretch of sound. Used when the text cannot be read (kanji) or does not fit the audio.
 */
import { type FrameFeatures } from './frameAnalysis';
import { smoothLabels } from './viterbi';
import { frameVowelScores, type SpeakerNormalisation, VISEME_COUNT } from './vowelClassifier';

/** Cost of changing shape between frames, in log-likelihood units (tuned on the development sentences). */
const SWITCH_PENALTY = 4;
/** A frame may favour one shape by at most this much: limits the pull of outlier frames. */
const SCORE_FLOOR = -6;

/** Shape index per frame in [from, to) of `out` (from the formants), Viterbi-smoothed. */
export function labelFromAudio(
  features: FrameFeatures,
  normalisation: SpeakerNormalisation,
  from: number,
  to: number,
  out: Int8Array,
): void {
  const length = to - from;
  if (length <= 0) return;
  const scores = new Float32Array(length * VISEME_COUNT);
  for (let t = 0; t < length; t++) frameScores(features, from + t, normalisation, scores, t * VISEME_COUNT);
  const path = smoothLabels(scores, VISEME_COUNT, SWITCH_PENALTY);
  out.set(path, from);
}

/** Scores of one frame, relative to its best shape and weighted by how vowel-like it is. */
export function frameScores(
  features: FrameFeatures,
  i: number,
  normalisation: SpeakerNormalisation,
  scores: Float32Array,
  offset: number,
): void {
  if (!frameVowelScores(features, i, normalisation, scores, offset)) {
    scores.fill(0, offset, offset + VISEME_COUNT);
    return;
  }
  let best = -Infinity;
  for (let v = 0; v < VISEME_COUNT; v++) best = Math.max(best, scores[offset + v]);
  const vowelness = Math.min(1, Math.max(0.1, (features.voicing[i] - 0.3) / 0.5));
  for (let v = 0; v < VISEME_COUNT; v++) {
    scores[offset + v] = vowelness * Math.max(SCORE_FLOOR, scores[offset + v] - best);
  }
}
