/**
 * Band-limited resampling to the analysis rate. Formants live below ~5 kHz, so analysing at
 * ~11 kHz costs a quarter of 44.1 kHz and makes LPC behave the same whatever the provider's rate.
 */

const TAPS_PER_SIDE = 8;
const PHASES = 64;

/** Resample mono PCM from `fromRate` to `toRate` with a Hann-windowed sinc (8 taps a side). */
export function resample(pcm: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return pcm;
  const g = gcd(fromRate, toRate);
  if (Number.isInteger(fromRate) && Number.isInteger(toRate) && toRate / g <= MAX_EXACT_PHASES) {
    return resampleRational(pcm, fromRate / g, toRate / g);
  }
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

/** Common rate pairs (16 k, 22.05 k, 24 k, 44.1 k, 48 k → 11.025 k) repeat with a period of ≤ 441 outputs. */
const MAX_EXACT_PHASES = 1024;

/**
 * Rational ratio up/down (output step = `step`/`phases` input samples): the fractional position
 * takes only `phases` values, so each gets its own exact kernel row — one multiply per tap.
 */
function resampleRational(pcm: Float32Array, step: number, phases: number): Float32Array {
  const cutoff = Math.min(1, phases / step) * 0.92;
  const kernels = exactKernels(cutoff, step, phases);
  const out = new Float32Array(Math.floor((pcm.length * phases) / step));
  const taps = 2 * TAPS_PER_SIDE;
  for (let n = 0; n < out.length; n++) {
    const numerator = n * step;
    const centre = Math.floor(numerator / phases);
    const row = (numerator - centre * phases) * taps;
    let acc = 0;
    const first = centre - TAPS_PER_SIDE + 1;
    if (first >= 0 && first + taps <= pcm.length) {
      for (let k = 0; k < taps; k++) acc += pcm[first + k] * kernels[row + k];
    } else {
      for (let k = 0; k < taps; k++) {
        const index = first + k;
        if (index >= 0 && index < pcm.length) acc += pcm[index] * kernels[row + k];
      }
    }
    out[n] = acc;
  }
  return out;
}

const exactCache = new Map<string, Float64Array>();

function exactKernels(cutoff: number, step: number, phases: number): Float64Array {
  const key = `${cutoff}:${step}:${phases}`;
  const cached = exactCache.get(key);
  if (cached) return cached;
  const taps = 2 * TAPS_PER_SIDE;
  const table = new Float64Array(phases * taps);
  for (let p = 0; p < phases; p++) {
    for (let k = 0; k < taps; k++) table[p * taps + k] = kernel(k - TAPS_PER_SIDE + 1 - p / phases, cutoff);
  }
  exactCache.set(key, table);
  return table;
}

function kernel(x: number, cutoff: number): number {
  if (Math.abs(x) >= TAPS_PER_SIDE) return 0;
  const window = 0.5 + 0.5 * Math.cos((Math.PI * x) / TAPS_PER_SIDE);
  const sinc = x === 0 ? 1 : Math.sin(Math.PI * cutoff * x) / (Math.PI * cutoff * x);
  return cutoff * sinc * window;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
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
      table[(k + TAPS_PER_SIDE - 1) * (PHASES + 1) + p] =
        cutoff * sinc * (Math.abs(x) < TAPS_PER_SIDE ? window : 0);
    }
  }
  tableCache.set(cutoff, table);
  return table;
}
