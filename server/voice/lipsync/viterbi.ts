/**
 * Viterbi smoothing for a free label sequence: every frame may take any label, changing label
 * costs `switchPenalty`. Removes the frame-to-frame flicker a per-frame classifier produces.
 */

/**
 * Best label path through `scores` (frames × labels, row-major; higher is better).
 * Returns one label index per frame.
 */
export function smoothLabels(scores: Float32Array, labels: number, switchPenalty: number): Int8Array {
  const frames = scores.length / labels;
  const path = new Int8Array(frames);
  if (frames === 0) return path;
  const back = new Int8Array(frames * labels);
  let previous = new Float64Array(labels);
  let current = new Float64Array(labels);
  for (let s = 0; s < labels; s++) previous[s] = scores[s];
  for (let t = 1; t < frames; t++) {
    let bestPrevious = 0;
    for (let s = 1; s < labels; s++) if (previous[s] > previous[bestPrevious]) bestPrevious = s;
    for (let s = 0; s < labels; s++) {
      const stay = previous[s];
      const move = previous[bestPrevious] - switchPenalty;
      const fromSelf = stay >= move;
      current[s] = (fromSelf ? stay : move) + scores[t * labels + s];
      back[t * labels + s] = fromSelf ? s : bestPrevious;
    }
    [previous, current] = [current, previous];
  }
  let state = 0;
  for (let s = 1; s < labels; s++) if (previous[s] > previous[state]) state = s;
  for (let t = frames - 1; t >= 0; t--) {
    path[t] = state;
    state = back[t * labels + state];
  }
  return path;
}
