/**
 * Matches text clauses to stretches of audio so that a vowel never jumps across a pause. The
 * audio's sound runs (between silences) are grouped, left to right, one group per clause —
 * long silences preferred as clause boundaries, group lengths close to what each clause's
 * syllable count predicts. Clauses the speaker ran together (a comma without a pause) share
 * one group.
 */
import { type VowelClause } from './vowelClause';

/** A stretch of frames [from, to) and the clause(s) spoken in it. */
export interface ClauseSpan { from: number; to: number; clauses: VowelClause[] }

/** Weight of the length mismatch (per squared log ratio). */
const LENGTH_WEIGHT = 4;
/** Reward for a boundary per 100 ms of silence, capped at 400 ms. */
const SILENCE_REWARD = 1;
/** Cost of letting two clauses share one stretch. */
const MERGE_COST = 2.5;

interface Run { from: number; to: number }

/** Group the gate's sound runs into clause spans. */
export function matchClausesToAudio(open: Uint8Array, clauses: readonly VowelClause[], hopMs: number): ClauseSpan[] {
  const runs = soundRuns(open);
  if (runs.length === 0 || clauses.length === 0) return [];
  const K = clauses.length;
  const R = runs.length;
  const prefixSound = [0];
  for (const run of runs) prefixSound.push(prefixSound[prefixSound.length - 1] + run.to - run.from);
  const prefixBeats = [0];
  for (const clause of clauses) prefixBeats.push(prefixBeats[prefixBeats.length - 1] + Math.max(0.5, clause.beats));
  const framesPerBeat = prefixSound[R] / prefixBeats[K];
  const framesPer100Ms = 100 / hopMs;

  // best[k][r]: cost of speaking clauses [0,k) in runs [0,r); from[k][r] remembers the split.
  const best = Array.from({ length: K + 1 }, () => new Float64Array(R + 1).fill(Infinity));
  const from = Array.from({ length: K + 1 }, () => new Int32Array(R + 1 + 1).fill(-1));
  const fromK = Array.from({ length: K + 1 }, () => new Int32Array(R + 1).fill(-1));
  best[0][0] = 0;
  for (let k = 1; k <= K; k++) {
    for (let r = 1; r <= R; r++) {
      const boundaryReward = r < R ? SILENCE_REWARD * Math.min(4, (runs[r].from - runs[r - 1].to) / framesPer100Ms) : 0;
      for (let k0 = k - 1; k0 >= 0; k0--) {
        const merged = k - k0 - 1;
        for (let r0 = r - 1; r0 >= 0; r0--) {
          if (!Number.isFinite(best[k0][r0])) continue;
          const sound = prefixSound[r] - prefixSound[r0];
          const expected = (prefixBeats[k] - prefixBeats[k0]) * framesPerBeat;
          const mismatch = Math.log((sound + 5) / (expected + 5));
          const cost = best[k0][r0] + LENGTH_WEIGHT * mismatch * mismatch + MERGE_COST * merged - boundaryReward;
          if (cost < best[k][r]) { best[k][r] = cost; from[k][r] = r0; fromK[k][r] = k0; }
        }
      }
    }
  }
  const spans: ClauseSpan[] = [];
  let k = K;
  let r = R;
  while (k > 0 && r > 0) {
    const r0 = from[k][r];
    const k0 = fromK[k][r];
    spans.unshift({ from: runs[r0].from, to: runs[r - 1].to, clauses: clauses.slice(k0, k) });
    k = k0;
    r = r0;
  }
  return spans;
}

/** Maximal runs of open frames. */
export function soundRuns(open: Uint8Array): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < open.length) {
    if (!open[i]) { i++; continue; }
    let j = i;
    while (j < open.length && open[j]) j++;
    runs.push({ from: i, to: j });
    i = j;
  }
  return runs;
}
