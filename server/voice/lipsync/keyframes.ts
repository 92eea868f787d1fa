/**
 * Turns per-frame mouth shapes and openness (100 per second) into a sparse keyframe track the
 * client interpolates: every shape change and every closing/opening edge is kept, and the
 * openness curve in between is simplified (Ramer–Douglas–Peucker) until the track fits the
 * keyframe budget.
 */
import { type VisemeKeyframe, VISEMES } from '@shared';

/** Budget and tolerances for the simplified track. */
export interface KeyframeOptions {
  maxPerSecond: number;
  /** Openness error allowed before the budget forces more (0..1). */
  tolerance: number;
}

export const DEFAULT_KEYFRAMES: KeyframeOptions = { maxPerSecond: 30, tolerance: 0.05 };

/** Build the keyframe track from frame times (ms), shape indices and openness. */
export function toKeyframes(
  timesMs: Float64Array,
  shapes: Int8Array,
  weights: Float32Array,
  options = DEFAULT_KEYFRAMES,
): VisemeKeyframe[] {
  const n = timesMs.length;
  if (n === 0) return [];
  const durationS = Math.max(0.001, (timesMs[n - 1] - timesMs[0]) / 1000);
  const budget = Math.max(2, Math.floor(options.maxPerSecond * durationS));
  const fixed = anchorFrames(shapes, weights);
  let tolerance = options.tolerance;
  let keep = simplify(timesMs, weights, fixed, tolerance);
  while (count(keep) > budget && tolerance < 1) {
    tolerance *= 1.4;
    keep = simplify(timesMs, weights, fixed, tolerance);
  }
  const track: VisemeKeyframe[] = [];
  for (let i = 0; i < n; i++) {
    if (keep[i])
      track.push([Math.round(timesMs[i]), VISEMES[shapes[i]], Math.round(weights[i] * 1000) / 1000]);
  }
  return track;
}

/** Frames that must stay: the ends, shape changes, and the edges of closed stretches. */
function anchorFrames(shapes: Int8Array, weights: Float32Array): Uint8Array {
  const n = shapes.length;
  const fixed = new Uint8Array(n);
  fixed[0] = 1;
  fixed[n - 1] = 1;
  for (let i = 1; i < n; i++) {
    if (shapes[i] !== shapes[i - 1]) fixed[i] = 1;
    const closedNow = weights[i] === 0;
    const closedBefore = weights[i - 1] === 0;
    if (closedNow !== closedBefore) fixed[closedNow ? i : i - 1] = 1;
  }
  return fixed;
}

/** RDP between consecutive anchors on the openness curve. */
function simplify(
  timesMs: Float64Array,
  weights: Float32Array,
  fixed: Uint8Array,
  tolerance: number,
): Uint8Array {
  const keep = Uint8Array.from(fixed);
  let start = 0;
  for (let i = 1; i < fixed.length; i++) {
    if (!fixed[i]) continue;
    rdp(timesMs, weights, start, i, tolerance, keep);
    start = i;
  }
  return keep;
}

function rdp(
  t: Float64Array,
  w: Float32Array,
  first: number,
  last: number,
  tolerance: number,
  keep: Uint8Array,
): void {
  const stack: [number, number][] = [[first, last]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let worst = -1;
    let worstError = tolerance;
    for (let i = a + 1; i < b; i++) {
      const along = (t[i] - t[a]) / (t[b] - t[a]);
      const error = Math.abs(w[i] - (w[a] + (w[b] - w[a]) * along));
      if (error > worstError) {
        worstError = error;
        worst = i;
      }
    }
    if (worst < 0) continue;
    keep[worst] = 1;
    stack.push([a, worst], [worst, b]);
  }
}

function count(flags: Uint8Array): number {
  let total = 0;
  for (const f of flags) total += f;
  return total;
}
