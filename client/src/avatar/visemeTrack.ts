import { VISEMES, type Viseme, type VisemeKeyframe } from '@shared';
import { smoothstep } from './pose';

/** Mouth weights per viseme (0..1). */
export type MouthWeights = Record<Viseme, number>;

/** A closed mouth. */
export const closedMouth = (): MouthWeights => ({ A: 0, I: 0, U: 0, E: 0, O: 0 });

/** Milliseconds over which the mouth opens before the first key and closes after the last one. */
export const EDGE_MS = 80;

/**
 * The mouth at `tMs` into a viseme track (keys sorted by time): between two keys the first
 * key's shape fades out while the second's fades in (smoothstep); before the first key the mouth
 * opens into it and after the last one it closes, each over EDGE_MS. Writes into `out`.
 */
export function sampleVisemes(
  track: readonly VisemeKeyframe[],
  tMs: number,
  out: MouthWeights = closedMouth(),
): MouthWeights {
  for (const v of VISEMES) out[v] = 0;
  if (track.length === 0) return out;
  const first = track[0];
  if (tMs < first[0]) {
    out[first[1]] = first[2] * smoothstep(first[0] - EDGE_MS, first[0], tMs);
    return out;
  }
  const k = lastKeyAtOrBefore(track, tMs);
  const [t0, v0, w0] = track[k];
  if (k === track.length - 1) {
    out[v0] = w0 * (1 - smoothstep(t0, t0 + EDGE_MS, tMs));
    return out;
  }
  const [t1, v1, w1] = track[k + 1];
  const s = t1 > t0 ? smoothstep(0, 1, (tMs - t0) / (t1 - t0)) : 1;
  out[v0] += w0 * (1 - s);
  out[v1] += w1 * s;
  return out;
}

/** Index of the last key with time ≤ t (binary search; the track starts at or before t). */
function lastKeyAtOrBefore(track: readonly VisemeKeyframe[], t: number): number {
  let lo = 0;
  let hi = track.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (track[mid][0] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
