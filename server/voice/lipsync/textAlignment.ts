/**
 * Places a clause's known vowel sequence on its audio: a left-to-right hidden Markov alignment
 * whose states are [gap, V1, gap, V2, …, Vn, gap]. Vowel states like vowel-ish frames whose
 * formants fit their shape; gap states (consonants, closures) like the rest. The text decides
 * *which* shapes, the audio only *when*.
 */
import { VISEMES, type Viseme } from '@shared';
import { type FrameFeatures } from './frameAnalysis';
import { frameScores } from './audioOnlyShapes';
import { type SpeakerNormalisation, VISEME_COUNT } from './vowelClassifier';

/**
 * How much the formant fit counts against vowelness when placing vowels. The full-covariance
 * templates score more sharply than the old diagonal ones, so this is lower than it was (0.35);
 * the development sentences are flat between 0.1 and 0.25.
 */
const FORMANT_WEIGHT = 0.2;
/** Frames a vowel occupies at least (when the clause is long enough for it). */
const MIN_VOWEL_FRAMES = 3;
const NEG = -1e9;

/** Label frames [from, to) of `out` with the shapes of `vowels`, aligned in order. */
export function alignVowels(
  features: FrameFeatures,
  vowelnessOf: Float32Array,
  normalisation: SpeakerNormalisation,
  vowels: readonly Viseme[],
  from: number,
  to: number,
  out: Int8Array,
): void {
  const vowelAt = alignVowelFrames(features, vowelnessOf, normalisation, vowels, from, to);
  for (let t = 0; t < vowelAt.length; t++) {
    const j = vowelAt[t] >= 0 ? vowelAt[t] : nearestVowel(vowelAt, t);
    if (j >= 0) out[from + t] = VISEMES.indexOf(vowels[j]);
  }
}

/** For frames [from, to): index of the vowel each frame belongs to, or −1 between vowels. */
export function alignVowelFrames(
  features: FrameFeatures,
  vowelnessOf: Float32Array,
  normalisation: SpeakerNormalisation,
  vowels: readonly Viseme[],
  from: number,
  to: number,
): Int32Array {
  const frames = Math.max(0, to - from);
  const n = vowels.length;
  if (n === 0) return new Int32Array(frames).fill(-1);
  const minFrames = Math.max(1, Math.min(MIN_VOWEL_FRAMES, Math.floor(frames / (2 * n))));
  const emissions = vowelEmissions(features, normalisation, from, frames);
  const states = buildStates(vowels, minFrames);
  const path = viterbiLeftToRight(states, emissions, vowelnessOf, from, frames);
  return Int32Array.from(path, (s) => (states[s].kind === 'vowel' ? states[s].vowel : -1));
}

interface State {
  kind: 'gap' | 'vowel';
  vowel: number;
  shape: number;
  sub: number;
  last: boolean;
}

/** Gap, then for each vowel `minFrames` chained sub-states (the last may repeat), then a gap. */
function buildStates(vowels: readonly Viseme[], minFrames: number): State[] {
  const states: State[] = [{ kind: 'gap', vowel: -1, shape: -1, sub: 0, last: true }];
  vowels.forEach((viseme, j) => {
    const shape = VISEMES.indexOf(viseme);
    for (let s = 0; s < minFrames; s++)
      states.push({ kind: 'vowel', vowel: j, shape, sub: s, last: s === minFrames - 1 });
    states.push({ kind: 'gap', vowel: j, shape: -1, sub: 0, last: true });
  });
  return states;
}

/** Per frame, the relative formant score of each shape (0 = best, negative = worse). */
function vowelEmissions(
  features: FrameFeatures,
  normalisation: SpeakerNormalisation,
  from: number,
  frames: number,
): Float32Array {
  const scores = new Float32Array(frames * VISEME_COUNT);
  for (let t = 0; t < frames; t++) frameScores(features, from + t, normalisation, scores, t * VISEME_COUNT);
  return scores;
}

function emission(state: State, formant: Float32Array, t: number, v: number): number {
  if (state.kind === 'gap') return Math.log(1 - v + 1e-3);
  return Math.log(v + 1e-3) + FORMANT_WEIGHT * formant[t * VISEME_COUNT + state.shape];
}

function viterbiLeftToRight(
  states: State[],
  formant: Float32Array,
  vowelnessOf: Float32Array,
  from: number,
  frames: number,
): Int32Array {
  const S = states.length;
  const back = new Int32Array(frames * S);
  let previous = new Float64Array(S).fill(NEG);
  let current = new Float64Array(S);
  previous[0] = 0;
  if (S > 1) previous[1] = 0; // may start straight in the first vowel
  for (let t = 0; t < frames; t++) {
    const v = vowelnessOf[from + t];
    for (let s = 0; s < S; s++) {
      // Stay (allowed in gaps and in a vowel's last sub-state), or advance by one, or skip an empty gap.
      let best = states[s].last ? previous[s] : NEG;
      let arg = s;
      if (s >= 1 && previous[s - 1] > best) {
        best = previous[s - 1];
        arg = s - 1;
      }
      if (
        s >= 2 &&
        states[s].kind === 'vowel' &&
        states[s].sub === 0 &&
        states[s - 1].kind === 'gap' &&
        previous[s - 2] > best
      ) {
        best = previous[s - 2];
        arg = s - 2;
      }
      const e = emission(states[s], formant, t, v);
      current[s] = t === 0 ? (s <= 1 ? e : NEG) : best + e;
      back[t * S + s] = arg;
    }
    [previous, current] = [current, previous];
  }
  const path = new Int32Array(frames);
  let state = previous[S - 1] >= previous[S - 2] ? S - 1 : S - 2;
  for (let t = frames - 1; t >= 0; t--) {
    path[t] = state;
    state = back[t * S + state];
  }
  return path;
}

/** The vowel of the nearest frame that has one (gap frames borrow their neighbour's shape). */
function nearestVowel(vowelAt: Int32Array, t: number): number {
  for (let d = 1; d < vowelAt.length; d++) {
    if (t - d >= 0 && vowelAt[t - d] >= 0) return vowelAt[t - d];
    if (t + d < vowelAt.length && vowelAt[t + d] >= 0) return vowelAt[t + d];
  }
  return -1;
}
