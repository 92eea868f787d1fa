/**
 * How far the mouth opens, frame by frame: loudness between the gate's close level and the
 * clip's peak, shaped by an attack (~30 ms) and a release (~65 ms). Analysis is offline, so the
 * release runs *ahead* of the sound: the lips reach closed when the sound stops, and pause
 * frames are fully closed rather than still fading.
 */
import { type GateResult } from './silenceGate';

/** Timing and range of mouth movement. */
export interface MouthEnvelopeOptions {
  attackMs: number;
  releaseMs: number;
  /** Openness at the quietest audible frame and at the peak. */
  minOpen: number;
  maxOpen: number;
}

export const DEFAULT_ENVELOPE: MouthEnvelopeOptions = {
  attackMs: 30,
  releaseMs: 65,
  minOpen: 0.25,
  maxOpen: 1,
};

/** Openness 0..1 per frame; exactly 0 wherever the gate is closed. */
export function mouthOpenness(
  levelDb: Float32Array,
  gate: GateResult,
  hopMs: number,
  options = DEFAULT_ENVELOPE,
): Float32Array {
  const n = levelDb.length;
  const weights = new Float32Array(n);
  const range = Math.max(6, gate.peakDb - gate.closeDb);
  for (let i = 0; i < n; i++) {
    if (!gate.open[i]) continue;
    const loudness = Math.min(1, Math.max(0, (levelDb[i] - gate.closeDb) / range));
    weights[i] = options.minOpen + (options.maxOpen - options.minOpen) * Math.pow(loudness, 0.8);
  }
  // The last frame before a silence is already closed: the lips meet as the sound ends. The clip's
  // ends count as silence, so audio cut off mid-sound still starts and ends with a closed mouth.
  for (let i = 0; i + 1 < n; i++) if (gate.open[i] && !gate.open[i + 1]) weights[i] = 0;
  if (n > 0) {
    weights[0] = 0;
    weights[n - 1] = 0;
  }
  const rise = hopMs / options.attackMs;
  const fall = hopMs / options.releaseMs;
  for (let i = 1; i < n; i++) weights[i] = Math.min(weights[i], weights[i - 1] + rise);
  for (let i = n - 2; i >= 0; i--) weights[i] = Math.min(weights[i], weights[i + 1] + fall);
  return weights;
}
