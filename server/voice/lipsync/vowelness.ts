/**
 * How much a frame looks like the middle of a vowel (0..1): periodic, loud relative to its
 * neighbourhood, and with its energy low in the spectrum. Consonants, closures and pauses
 * score low. The text alignment uses it to place vowels; the classifier to trust formants.
 */
import { type FrameFeatures } from './frameAnalysis';

/** Frames either side used for the local loudness reference (±150 ms). */
const NEIGHBOURHOOD = 15;

/** Vowelness of every frame. */
export function vowelness(features: FrameFeatures, open: Uint8Array): Float32Array {
  const n = features.count;
  const out = new Float32Array(n);
  const localPeak = slidingMax(features.levelDb, NEIGHBOURHOOD);
  for (let i = 0; i < n; i++) {
    if (!open[i]) continue;
    const periodic = (features.voicing[i] - 0.6) / 0.15;
    const loud = (features.levelDb[i] - localPeak[i] + 6) / 3;
    const nasal = Math.max(0, features.tiltDb[i] - 18) / 6; // nasals put nearly all energy below 1 kHz
    out[i] = sigmoid(periodic + loud - nasal);
  }
  return out;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function slidingMax(values: Float32Array, radius: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    let best = -Infinity;
    const hi = Math.min(values.length - 1, i + radius);
    for (let j = Math.max(0, i - radius); j <= hi; j++) if (values[j] > best) best = values[j];
    out[i] = best;
  }
  return out;
}
