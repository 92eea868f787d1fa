/**
 * What a client shows at time t for a keyframe track: openness interpolated linearly between
 * the keys around t; the visible shape is the one that dominates the cross-fade between them.
 */
import { type Viseme, type VisemeKeyframe } from '@shared';

/** The mouth at one instant: its dominant shape and openness (0 = closed). */
export interface MouthSample {
  viseme: Viseme;
  weight: number;
}

/** Sample `track` at `tMs` (before the first key: the first key; after the last: the last). */
export function sampleVisemeTrack(track: readonly VisemeKeyframe[], tMs: number): MouthSample {
  if (track.length === 0) return { viseme: 'A', weight: 0 };
  let hi = track.findIndex((key) => key[0] > tMs);
  if (hi === -1) hi = track.length;
  if (hi === 0) return { viseme: track[0][1], weight: track[0][2] };
  const before = track[hi - 1];
  const after = track[hi] ?? before;
  const span = after[0] - before[0];
  const along = span > 0 ? (tMs - before[0]) / span : 0;
  if (before[1] === after[1])
    return { viseme: before[1], weight: before[2] + (after[2] - before[2]) * along };
  const fromWeight = before[2] * (1 - along);
  const toWeight = after[2] * along;
  return fromWeight >= toWeight
    ? { viseme: before[1], weight: fromWeight }
    : { viseme: after[1], weight: toWeight };
}
