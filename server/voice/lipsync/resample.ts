/**
 * Band-limited resampling to the analysis rate. Formants live below ~5 kHz, so analysing at
 * ~11 kHz costs a quarter of 44.1 kHz and makes LPC behave the same whatever the provider's rate.
 */

const TAPS_PER_SIDE = 8;
const PHASES = 64;

/** Resample mono PCM from `fromRate` to `toRate` with a Hann-windowed sinc (8 taps a side). */
export function resample(pcm: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return pcm;
  const ratio = toRate / fromRate;
  const cutoff = Math.min(1, ratio) * 0.92;
  const table = kernelTable(cutoff);
  const outLength = Math.floor(pcm.length * ratio);
  const out = new Float32Array(outLength);
  const step = 1 / ratio;
  for (let n = 0; n < outLength; n++) {
    const position = n * step;
    const centre = Math.floor(position);
    const frac = position - centre;
    const phase = frac * PHASES;
    const p0 = Math.floor(phase);
    const mix = phase - p0;
    let acc = 0;
    for (let k = -TAPS_PER_SIDE + 1; k <= TAPS_PER_SIDE; k++) {
      const index = centre + k;
      if (index < 0 || index >= pcm.length) continue;
      const t0 = table[(k + TAPS_PER_SIDE - 1) * (PHASES + 1) + p0];
      const t1 = table[(k + TAPS_PER_SIDE - 1) * (PHASES + 1) + p0 + 1];
      acc += pcm[index] * (t0 + (t1 - t0) * mix);
    }
    out[n] = acc;
  }
  return out;
}

const tableCache = new Map<number, Float64Array>();

/** Kernel value for tap offset k (sample index − position) at each of PHASES+1 fractional offsets. */
function kernelTable(cutoff: number): Float64Array {
  const cached = tableCache.get(cutoff);
  if (cached) return cached;
  const table = new Float64Array(2 * TAPS_PER_SIDE * (PHASES + 1));
  for (let k = -TAPS_PER_SIDE + 1; k <= TAPS_PER_SIDE; k++) {
    for (let p = 0; p <= PHASES; p++) {
      const x = k - p / PHASES;
      const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / TAPS_PER_SIDE);
      const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
      table[(k + TAPS_PER_SIDE - 1) * (PHASES + 1) + p] = cutoff * sinc * (Math.abs(x) < TAPS_PER_SIDE ? window : 0);
    }
  }
  tableCache.set(cutoff, table);
  return table;
}
