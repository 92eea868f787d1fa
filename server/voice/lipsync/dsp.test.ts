import { describe, expect, it } from 'vitest';
import { fft, realPowerSpectrum } from './fft';
import { levinsonDurbin, lpcResonances, PolynomialRoots } from './lpc';
import { resample } from './resample';
import { smoothLabels } from './viterbi';

/** A buzz through two resonators: a vowel-like signal with known formants. */
function twoFormantSignal(f1: number, f2: number, rate: number, ms: number): Float32Array {
  const n = Math.round((ms / 1000) * rate);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i += Math.round(rate / 120)) x[i] = 1; // 120 Hz pulse train
  let y = x;
  for (const f of [f1, f2]) {
    const r = Math.exp((-Math.PI * 80) / rate);
    const c = 2 * r * Math.cos((2 * Math.PI * f) / rate);
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = y[i] + c * (out[i - 1] ?? 0) - r * r * (out[i - 2] ?? 0);
    y = out;
  }
  const peak = y.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  return Float32Array.from(y, (v) => v / peak / 2);
}

describe('signal processing', () => {
  it('FFT agrees with a direct DFT and inverts', () => {
    const n = 64;
    const re = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.7) + 0.3 * Math.cos(i * 2.1));
    const im = new Float64Array(n);
    const original = Float64Array.from(re);
    fft(re, im);
    const k = 5;
    let dr = 0,
      di = 0;
    for (let t = 0; t < n; t++) {
      dr += original[t] * Math.cos((2 * Math.PI * k * t) / n);
      di -= original[t] * Math.sin((2 * Math.PI * k * t) / n);
    }
    expect(re[k]).toBeCloseTo(dr, 8);
    expect(im[k]).toBeCloseTo(di, 8);
    fft(re, im, true);
    expect(re[17]).toBeCloseTo(original[17], 10);
  });

  it('the half-size real-signal power spectrum equals the full DFT power', () => {
    const n = 32;
    const x = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.9) + (i % 3) * 0.2);
    const power = new Float64Array(n / 2 + 1);
    realPowerSpectrum(x, power, new Float64Array(n / 2), new Float64Array(n / 2));
    for (const k of [0, 3, 7, 16]) {
      let dr = 0,
        di = 0;
      for (let t = 0; t < n; t++) {
        dr += x[t] * Math.cos((2 * Math.PI * k * t) / n);
        di -= x[t] * Math.sin((2 * Math.PI * k * t) / n);
      }
      expect(power[k]).toBeCloseTo(dr * dr + di * di, 8);
    }
  });

  it('LPC finds the resonances of a vowel-like signal', () => {
    const rate = 11025;
    const x = twoFormantSignal(700, 1200, rate, 60);
    const frame = x.subarray(200, 476);
    const r = Array.from({ length: 13 }, (_, lag) =>
      frame.reduce((s, v, i) => s + (i + lag < frame.length ? v * frame[i + lag] : 0), 0),
    );
    const a = levinsonDurbin(r, 12)!;
    const found = lpcResonances(a, rate, new PolynomialRoots(12))
      .filter((p) => p.bandwidth < 400)
      .map((p) => p.frequency);
    expect(found.some((f) => Math.abs(f - 700) < 60)).toBe(true);
    expect(found.some((f) => Math.abs(f - 1200) < 80)).toBe(true);
  });

  it('resampling keeps a tone and removes what the new rate cannot carry', () => {
    const rate = 44100;
    const n = 4410;
    const mixed = Float32Array.from(
      { length: n },
      (_, i) => Math.sin((2 * Math.PI * 500 * i) / rate) + Math.sin((2 * Math.PI * 9000 * i) / rate),
    );
    const out = resample(mixed, rate, 11025);
    expect(out.length).toBe(1102);
    // Correlate with a 500 Hz reference: the tone survives at full strength, the 9 kHz part is gone.
    let c = 0,
      e = 0;
    for (let i = 50; i < 1050; i++) {
      c += out[i] * Math.sin((2 * Math.PI * 500 * i) / 11025);
      e += out[i] * out[i];
    }
    expect((2 * c) / 1000).toBeCloseTo(1, 1);
    expect(e / 1000).toBeCloseTo(0.5, 1);
  });

  it('resamples at awkward ratios (16 kHz and 24 kHz providers) without shifting pitch', () => {
    for (const rate of [16000, 24000, 22050]) {
      const input = Float32Array.from({ length: rate / 2 }, (_, i) =>
        Math.sin((2 * Math.PI * 300 * i) / rate),
      );
      const out = resample(input, rate, 11025);
      let c = 0,
        e = 0;
      for (let i = 100; i < 5000; i++) {
        c += out[i] * Math.sin((2 * Math.PI * 300 * i) / 11025);
        e += out[i] * out[i];
      }
      expect((2 * c) / 4900).toBeCloseTo(1, 1);
      expect(e / 4900).toBeCloseTo(0.5, 1);
    }
  });

  it('Viterbi smoothing removes one-frame flicker but keeps a real change', () => {
    const labels = [0, 0, 0, 1, 0, 0, 2, 2, 2, 2, 2];
    const scores = new Float32Array(labels.length * 3).fill(-2);
    labels.forEach((l, t) => {
      scores[t * 3 + l] = 0;
    });
    expect(Array.from(smoothLabels(scores, 3, 3))).toEqual([0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2]);
  });
});
