/**
 * In-place radix-2 FFT on split real/imaginary arrays. Plain TS so the voice stage has no
 * native or npm dependency; sizes are powers of two.
 */

const twiddleCache = new Map<number, { cos: Float64Array; sin: Float64Array; bitReverse: Uint32Array }>();

function tablesFor(size: number): { cos: Float64Array; sin: Float64Array; bitReverse: Uint32Array } {
  let tables = twiddleCache.get(size);
  if (tables) return tables;
  const cos = new Float64Array(size / 2);
  const sin = new Float64Array(size / 2);
  for (let i = 0; i < size / 2; i++) {
    cos[i] = Math.cos((2 * Math.PI * i) / size);
    sin[i] = -Math.sin((2 * Math.PI * i) / size);
  }
  const bits = Math.log2(size);
  const bitReverse = new Uint32Array(size);
  for (let i = 0; i < size; i++) {
    let reversed = 0;
    for (let b = 0; b < bits; b++) reversed |= ((i >> b) & 1) << (bits - 1 - b);
    bitReverse[i] = reversed;
  }
  tables = { cos, sin, bitReverse };
  twiddleCache.set(size, tables);
  return tables;
}

/** Forward FFT of `re + i·im` in place (`inverse` flips the sign and scales by 1/N). */
export function fft(re: Float64Array, im: Float64Array, inverse = false): void {
  const size = re.length;
  if (size !== im.length || (size & (size - 1)) !== 0)
    throw new RangeError(`FFT size must be a power of two, got ${size}`);
  const { cos, sin, bitReverse } = tablesFor(size);
  for (let i = 0; i < size; i++) {
    const j = bitReverse[i];
    if (j > i) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sign = inverse ? -1 : 1;
  for (let half = 1; half < size; half *= 2) {
    const step = size / (2 * half);
    for (let start = 0; start < size; start += 2 * half) {
      for (let k = 0; k < half; k++) {
        const wr = cos[k * step];
        const wi = sign * sin[k * step];
        const a = start + k;
        const b = a + half;
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < size; i++) {
      re[i] /= size;
      im[i] /= size;
    }
  }
}

/** Smallest power of two that is at least `n`. */
export function nextPowerOfTwo(n: number): number {
  let size = 1;
  while (size < n) size *= 2;
  return size;
}

/**
 * Power spectrum |X[k]|², k = 0…N/2, of a real signal of even length N, computed with one
 * complex FFT of length N/2 (even samples as real parts, odd as imaginary): half the work of a
 * full complex transform. `re`/`im` are scratch buffers of length N/2.
 */
export function realPowerSpectrum(
  signal: Float64Array,
  power: Float64Array,
  re: Float64Array,
  im: Float64Array,
): void {
  const half = signal.length / 2;
  for (let n = 0; n < half; n++) {
    re[n] = signal[2 * n];
    im[n] = signal[2 * n + 1];
  }
  fft(re, im);
  const { cos, sin } = unpackTables(signal.length);
  for (let k = 0; k <= half; k++) {
    const a = k % half;
    const b = (half - k) % half;
    // Even part E = (Z[k] + conj Z[N/2−k]) / 2, odd part O = (Z[k] − conj Z[N/2−k]) / 2i.
    const er = (re[a] + re[b]) / 2;
    const ei = (im[a] - im[b]) / 2;
    const or = (im[a] + im[b]) / 2;
    const oi = -(re[a] - re[b]) / 2;
    const xr = er + cos[k] * or - sin[k] * oi;
    const xi = ei + cos[k] * oi + sin[k] * or;
    power[k] = xr * xr + xi * xi;
  }
}

const unpackCache = new Map<number, { cos: Float64Array; sin: Float64Array }>();

/** e^{−2πik/N} for k = 0…N/2. */
function unpackTables(size: number): { cos: Float64Array; sin: Float64Array } {
  let tables = unpackCache.get(size);
  if (!tables) {
    const cos = new Float64Array(size / 2 + 1);
    const sin = new Float64Array(size / 2 + 1);
    for (let k = 0; k <= size / 2; k++) {
      cos[k] = Math.cos((2 * Math.PI * k) / size);
      sin[k] = -Math.sin((2 * Math.PI * k) / size);
    }
    tables = { cos, sin };
    unpackCache.set(size, tables);
  }
  return tables;
}
