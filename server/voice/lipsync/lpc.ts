/**
 * Linear prediction: the all-pole filter whose poles sit on the vocal-tract resonances
 * (formants). Autocorrelation method, Levinson–Durbin recursion.
 */

/**
 * LPC coefficients `a[0..order]` (a[0] = 1) from autocorrelation lags `r[0..order]`;
 * returns null for a silent frame. A touch of lag windowing keeps the recursion stable.
 */
export function levinsonDurbin(r: ArrayLike<number>, order: number): Float64Array | null {
  if (!(r[0] > 0)) return null;
  const a = new Float64Array(order + 1);
  const previous = new Float64Array(order + 1);
  a[0] = 1;
  let error = r[0] * 1.0001; // white-noise correction: avoids ill-conditioning on pure tones
  for (let i = 1; i <= order; i++) {
    let acc = r[i];
    for (let j = 1; j < i; j++) acc += a[j] * r[i - j];
    const k = -acc / error;
    previous.set(a);
    for (let j = 1; j < i; j++) a[j] = previous[j] + k * previous[i - j];
    a[i] = k;
    error *= 1 - k * k;
    if (error <= 0) return null;
  }
  return a;
}

/** A resonance found in an LPC polynomial: centre frequency and bandwidth in Hz. */
export interface Resonance {
  frequency: number;
  bandwidth: number;
}

/**
 * Resonances of the LPC filter from the roots of A(z), sorted by frequency. Only roots in the
 * upper half plane count (their conjugates are the same resonance).
 */
export function lpcResonances(a: Float64Array, sampleRate: number, roots: PolynomialRoots): Resonance[] {
  const found = roots.solve(a);
  const out: Resonance[] = [];
  for (let i = 0; i < found.count; i++) {
    const re = found.re[i];
    const im = found.im[i];
    if (im <= 1e-6) continue;
    const radius = Math.hypot(re, im);
    const frequency = (Math.atan2(im, re) * sampleRate) / (2 * Math.PI);
    const bandwidth = (-Math.log(radius) * sampleRate) / Math.PI;
    out.push({ frequency, bandwidth });
  }
  return out.sort((x, y) => x.frequency - y.frequency);
}

/**
 * Roots of a real polynomial `c[0]·z^n + c[1]·z^(n-1) + … + c[n]` (the LPC vector read as
 * coefficients of z^n A(1/z)), by the Aberth–Ehrlich iteration. Reuses its buffers: keep one
 * per analysis, not per frame.
 */
export class PolynomialRoots {
  readonly re: Float64Array;
  readonly im: Float64Array;
  count = 0;

  constructor(private readonly maxDegree: number) {
    this.re = new Float64Array(maxDegree);
    this.im = new Float64Array(maxDegree);
  }

  /**
   * Finds the roots; returns this object with `count` roots in `re`/`im`. Consecutive analysis
   * frames have nearly the same roots, so the previous answer (when it converged) is the
   * starting guess: a few iterations instead of dozens.
   */
  solve(c: ArrayLike<number>, maxIterations = 60): this {
    const n = c.length - 1;
    if (n > this.maxDegree) throw new RangeError(`degree ${n} exceeds ${this.maxDegree}`);
    if (n < 1) {
      this.count = n;
      this.converged = false;
      return this;
    }
    if (!this.converged || this.count !== n) seedOnCircle(c, n, this.re, this.im);
    this.count = n;
    this.converged = false;
    for (let iteration = 0; iteration < maxIterations; iteration++) {
      if (aberthStep(c, n, this.re, this.im) < 1e-10) {
        this.converged = true;
        break;
      }
    }
    if (!this.converged || !allFinite(this.re, this.im, n)) {
      seedOnCircle(c, n, this.re, this.im);
      for (let iteration = 0; iteration < maxIterations; iteration++) {
        if (aberthStep(c, n, this.re, this.im) < 1e-10) {
          this.converged = true;
          break;
        }
      }
    }
    return this;
  }

  private converged = false;
}

function allFinite(re: Float64Array, im: Float64Array, n: number): boolean {
  for (let k = 0; k < n; k++) if (!Number.isFinite(re[k]) || !Number.isFinite(im[k])) return false;
  return true;
}

/** Initial guesses spread on a circle whose radius bounds the roots (Cauchy-style). */
function seedOnCircle(c: ArrayLike<number>, n: number, re: Float64Array, im: Float64Array): void {
  let radius = 0;
  for (let k = 1; k <= n; k++) radius = Math.max(radius, Math.pow(Math.abs(c[k] / c[0]), 1 / k));
  radius = Math.min(Math.max(radius, 0.5), 2);
  for (let k = 0; k < n; k++) {
    const angle = (2 * Math.PI * k) / n + 0.4;
    re[k] = radius * Math.cos(angle);
    im[k] = radius * Math.sin(angle);
  }
}

/** One simultaneous Aberth update of every root; returns the largest correction. */
function aberthStep(c: ArrayLike<number>, n: number, re: Float64Array, im: Float64Array): number {
  let largest = 0;
  for (let k = 0; k < n; k++) {
    const zr = re[k];
    const zi = im[k];
    // Horner for p(z) and p'(z).
    let pr = c[0],
      pi = 0,
      dr = 0,
      di = 0;
    for (let j = 1; j <= n; j++) {
      const ndr = dr * zr - di * zi + pr;
      const ndi = dr * zi + di * zr + pi;
      dr = ndr;
      di = ndi;
      const npr = pr * zr - pi * zi + c[j];
      const npi = pr * zi + pi * zr;
      pr = npr;
      pi = npi;
    }
    // ratio = p/p'
    const dd = dr * dr + di * di;
    if (dd === 0) continue;
    const rr = (pr * dr + pi * di) / dd;
    const ri = (pi * dr - pr * di) / dd;
    // sum of 1/(z_k - z_j)
    let sr = 0,
      si = 0;
    for (let j = 0; j < n; j++) {
      if (j === k) continue;
      const xr = zr - re[j];
      const xi = zi - im[j];
      const xx = xr * xr + xi * xi;
      if (xx === 0) continue;
      sr += xr / xx;
      si -= xi / xx;
    }
    // w = ratio / (1 - ratio * sum)
    const denR = 1 - (rr * sr - ri * si);
    const denI = -(rr * si + ri * sr);
    const den = denR * denR + denI * denI;
    if (den === 0) continue;
    const wr = (rr * denR + ri * denI) / den;
    const wi = (ri * denR - rr * denI) / den;
    re[k] = zr - wr;
    im[k] = zi - wi;
    largest = Math.max(largest, Math.abs(wr) + Math.abs(wi));
  }
  return largest;
}
