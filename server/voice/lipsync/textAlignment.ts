/**
 * Places a clause's known vowel sequence on its audio: a left-to-right hidden Markov alignment
 * whose states are [gap, V1, gap, V2, …, Vn, gap]. Vowel states like vowel-ish frames whose
 * formants fit their shape; gap states (consonants, closures) like the rest. The text decides
 * *which* shapes, the audio only *when*.
 */
import { VISEMES, type Viseme } from '@shared';
import { type FrameFeatures } from './frameAnalysis';
import { frameScores } from './audioOnlyShapes';
import { VISEME_COUNT } from './vowelClassifier';

/** How much the formant fit counts against vowelness when placing vowels. */
const FORMANT_WEIGHT = 0.35;
/** Frames a vowel occupies at least (when the clause is long enough for it). */
const MIN_VOWEL_FRAMES = 3;
const NEG = -1e9;

/** Label frames [from, to) of `out` with the shapes of `vowels`, aligned in order. */
export function alignVowels(
  features: FrameFeatures, vowelnessOf: Float32Array, scale: number,
  vowels: readonly Viseme[], from: number, to: number, out: Int8Array,
): void {
  const frames = to - from;
  const n = vowels.length;
  if (n === 0 || frames <= 0) return;
  const minFrames = Math.max(1, Math.min(MIN_VOWEL_FRAMES, Math.floor(frames / (2 * n))));
  const emissions = vowelEmissions(features, vowelnessOf, scale, from, frames);
  const stateOf = buildStates(vowels, minFrames);
  const path = viterbiLeftToRight(stateOf, emissions, vowelnessOf, from, frames);
  labelFromPath(path, stateOf, vowels, out, from);
}

interface State { kind: 'gap' | 'vowel'; vowel: number; shape: number; sub: number; last: boolean }

/** Gap, then for each vowel `minFrames` chained sub-states (the last may repeat), then a gap. */
function buildStates(vowels: readonly Viseme[], minFrames: number): State[] {
  const states: State[] = [{ kind: 'gap', vowel: -1, shape: -1, sub: 0, last: true }];
  vowels.forEach((viseme, j) => {
    const shape = VISEMES.indexOf(viseme);
    for (let s = 0; s < minFrames; s++) states.push({ kind: 'vowel', vowel: j, shape, sub: s, last: s === minFrames - 1 });
    states.push({ kind: 'gap', vowel: j, shape: -1, sub: 0, last: true });
  });
  return states;
}

/** Per frame, the relative formant score of each shape (0 = best, negative = worse). */
function vowelEmissions(features: FrameFeatures, _vowelness: Float32Array, scale: number, from: number, frames: number): Float32Array {
  const scores = new Float32Array(frames * VISEME_COUNT);
  for (let t = 0; t < frames; t++) frameScores(features, from + t, scale, scores, t * VISEME_COUNT);
  return scores;
}

function emission(state: State, formant: Float32Array, t: number, v: number): number {
  if (state.kind === 'gap') return Math.log(1 - v + 1e-3);
  return Math.log(v + 1e-3) + FORMANT_WEIGHT * formant[t * VISEME_COUNT + state.shape];
}

function viterbiLeftToRight(states: State[], formant: Float32Array, vowelnessOf: Float32Array, from: number, frames: number): Int32Array {
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
      if (s >= 1 && previous[s - 1] > best) { best = previous[s - 1]; arg = s - 1; }
      if (s >= 2 && states[s].kind === 'vowel' && states[s].sub === 0 && states[s - 1].kind === 'gap' && previous[s - 2] > best) { best = previous[s - 2]; arg = s - 2; }
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

/** Vowel frames take their vowel's shape; gap frames the nearer neighbouring vowel's. */
function labelFromPath(path: Int32Array, states: State[], vowels: readonly Viseme[], out: Int8Array, from: number): void {
  const vowelAt = Array.from(path, (s) => states[s].kind === 'vowel' ? states[s].vowel : -1);
  const frames = path.length;
  for (let t = 0; t < frames; t++) {
    let j = vowelAt[t];
    if (j < 0) j = nearestVowel(vowelAt, t, vowels.length);
    out[from + t] = VISEMES.indexOf(vowels[j]);
  }
}

function nearestVowel(vowelAt: number[], t: number, n: number): number {
  for (let d = 1; d < vowelAt.length; d++) {
    if (t - d >= 0 && vowelAt[t - d] >= 0) return vowelAt[t - d];
    if (t + d < vowelAt.length && vowelAt[t + d] >= 0) return vowelAt[t + d];
  }
  return Math.min(n - 1, 0);
}
