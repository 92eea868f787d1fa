/**
 * Matches text clauses to stretches of audio so that a vowel never jumps across a pause. The
 * audio's sound runs (between silences) are grouped, left to right, one group per clause —
 * long silences preferred as clause boundaries, group lengths close to what each clause's
 * syllable count predicts. Clauses the speaker ran together (a comma without a pause) share
 * one group.
 */
import { type VowelClause } from './vowelClause';

/** A stretch of frames [from, to) and the clause(s) spoken in it. */
export interface ClauseSpan {
  from: number;
  to: number;
  clauses: VowelClause[];
}

/** Weight of the length mismatch (per squared log ratio). */
const LENGTH_WEIGHT = 4;
/** Reward for a boundary per 100 ms of silence, capped at 400 ms. */
const SILENCE_REWARD = 1;
/** Cost of letting two clauses share one stretch. */
const MERGE_COST = 2.5;

interface Run {
  from: number;
  to: number;
}

/** At most this many clauses share one stretch (bounds the search). */
const MAX_MERGED = 4;

/** Group the gate's sound runs into clause spans. */
export function matchClausesToAudio(
  open: Uint8Array,
  clauses: readonly VowelClause[],
  hopMs: number,
): ClauseSpan[] {
  const runs = soundRuns(open);
  if (runs.length === 0 || clauses.length === 0) return [];
  const table = fillTable(runs, clauses, hopMs);
  if (!Number.isFinite(table.cost[clauses.length][runs.length])) {
    return [{ from: runs[0].from, to: runs[runs.length - 1].to, clauses: [...clauses] }];
  }
  const spans: ClauseSpan[] = [];
  for (let k = clauses.length, r = runs.length; k > 0 && r > 0;) {
    const k0 = table.fromK[k][r];
    const r0 = table.fromR[k][r];
    spans.unshift({ from: runs[r0].from, to: runs[r - 1].to, clauses: clauses.slice(k0, k) });
    k = k0;
    r = r0;
  }
  return spans;
}

interface Table {
  cost: Float64Array[];
  fromK: Int32Array[];
  fromR: Int32Array[];
}

/** cost[k][r]: best cost of speaking clauses [0,k) in runs [0,r); fromK/fromR[k][r]: where that group began (typed rows: no allocation in the inner loop). */
function fillTable(runs: Run[], clauses: readonly VowelClause[], hopMs: number): Table {
  const K = clauses.length;
  const R = runs.length;
  const sound = prefixSums(runs.map((run) => run.to - run.from));
  const beats = prefixSums(clauses.map((clause) => Math.max(0.5, clause.beats)));
  const framesPerBeat = sound[R] / beats[K];
  const cost = Array.from({ length: K + 1 }, () => new Float64Array(R + 1).fill(Infinity));
  const fromK = Array.from({ length: K + 1 }, () => new Int32Array(R + 1).fill(-1));
  const fromR = Array.from({ length: K + 1 }, () => new Int32Array(R + 1).fill(-1));
  cost[0][0] = 0;
  for (let k = 1; k <= K; k++) {
    for (let r = 1; r <= R; r++) {
      const silenceMs = r < R ? (runs[r].from - runs[r - 1].to) * hopMs : 0;
      const reward = SILENCE_REWARD * Math.min(4, silenceMs / 100);
      for (let k0 = k - 1; k0 >= Math.max(0, k - MAX_MERGED); k0--) {
        for (let r0 = r - 1; r0 >= 0; r0--) {
          if (!Number.isFinite(cost[k0][r0])) continue;
          const mismatch = Math.log(
            (sound[r] - sound[r0] + 5) / ((beats[k] - beats[k0]) * framesPerBeat + 5),
          );
          const total =
            cost[k0][r0] + LENGTH_WEIGHT * mismatch * mismatch + MERGE_COST * (k - k0 - 1) - reward;
          if (total < cost[k][r]) {
            cost[k][r] = total;
            fromK[k][r] = k0;
            fromR[k][r] = r0;
          }
        }
      }
    }
  }
  return { cost, fromK, fromR };
}

function prefixSums(values: number[]): number[] {
  const sums = [0];
  for (const v of values) sums.push(sums[sums.length - 1] + v);
  return sums;
}

/** Maximal runs of open frames. */
export function soundRuns(open: Uint8Array): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < open.length) {
    if (!open[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < open.length && open[j]) j++;
    runs.push({ from: i, to: j });
    i = j;
  }
  return runs;
}
