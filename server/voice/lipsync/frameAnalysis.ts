/**
 * Per-frame acoustic features on a 10 ms hop: loudness for the silence gate and mouth
 * openness, low-band periodicity for "is this a vowel", and formants F1–F3 from LPC roots.
 */
import { realPowerSpectrum } from './fft';
import { levinsonDurbin, lpcResonances, PolynomialRoots, type Resonance } from './lpc';
import { resample } from './resample';

/** Rate everything is analysed at: formants live below ~5 kHz. */
export const ANALYSIS_RATE = 11025;
const HOP = 110; // ≈ 10 ms
const WINDOW = 276; // ≈ 25 ms
const FFT_SIZE = 512;
const LPC_ORDER = 12;
const PRE_EMPHASIS = 0.94;
const SILENT_DB = -120;

/** Features of every frame, column-wise. `timeMs(i)` is the frame's centre. */
export interface FrameFeatures {
  count: number;
  hopMs: number;
  /** RMS level of the frame in dB relative to full scale (−120 for digital silence). */
  levelDb: Float32Array;
  /** RMS level of the central hop only (10 ms): sharper in time, for the silence gate. */
  centreDb: Float32Array;
  /** Periodicity of the 0–1 kHz band, 0..1: high in vowels, low in fricatives and silence. */
  voicing: Float32Array;
  /** Share of spectral energy below 1 kHz (dB difference low − high band). */
  tiltDb: Float32Array;
  /** Formant frequencies in Hz, NaN where none was found. */
  f1: Float32Array;
  f2: Float32Array;
  f3: Float32Array;
}

/** Analyse mono PCM at any sample rate. */
export function analyzeFrames(pcm: Float32Array, sampleRate: number): FrameFeatures {
  const signal = resample(pcm, sampleRate, ANALYSIS_RATE);
  const count = Math.max(0, Math.floor((signal.length - WINDOW) / HOP) + 1);
  const features: FrameFeatures = {
    count,
    hopMs: (HOP / ANALYSIS_RATE) * 1000,
    levelDb: new Float32Array(count),
    centreDb: new Float32Array(count),
    voicing: new Float32Array(count),
    tiltDb: new Float32Array(count),
    f1: new Float32Array(count).fill(NaN),
    f2: new Float32Array(count).fill(NaN),
    f3: new Float32Array(count).fill(NaN),
  };
  const work = new FrameWorkspace();
  for (let i = 0; i < count; i++) analyzeOneFrame(signal, i * HOP, work, features, i);
  return features;
}

/** Centre time of frame `i` in ms. */
export function frameTimeMs(features: FrameFeatures, i: number): number {
  return i * features.hopMs + (WINDOW / ANALYSIS_RATE) * 500;
}

const LOW_BINS = Math.round((1000 / ANALYSIS_RATE) * FFT_SIZE);
const WINDOW_SHAPE = hamming(WINDOW);
const LAG_WINDOW = hammingAutocorrelation(WINDOW_SHAPE);

class FrameWorkspace {
  readonly window = WINDOW_SHAPE;
  readonly lagWindow = LAG_WINDOW;
  readonly re = new Float64Array(FFT_SIZE / 2);
  readonly im = new Float64Array(FFT_SIZE / 2);
  readonly power = new Float64Array(FFT_SIZE / 2 + 1);
  readonly padded = new Float64Array(FFT_SIZE);
  readonly frame = new Float64Array(WINDOW);
  readonly lowBins = LOW_BINS;
  /** cos(2πk·lag/N) for the low-band bins and the pitch lags, and the pre-emphasis undo per bin. */
  readonly cosines = COSINES;
  readonly deEmphasis = DE_EMPHASIS;
  readonly weighted = new Float64Array(LOW_BINS + 1);
  readonly lags = new Float64Array(LPC_ORDER + 1);
  readonly roots = new PolynomialRoots(LPC_ORDER);
}

function analyzeOneFrame(
  signal: Float32Array,
  start: number,
  work: FrameWorkspace,
  out: FrameFeatures,
  i: number,
): void {
  let energy = 0;
  let centre = 0;
  const centreFrom = (WINDOW - HOP) >> 1;
  for (let n = 0; n < WINDOW; n++) {
    const square = signal[start + n] * signal[start + n];
    energy += square;
    if (n >= centreFrom && n < centreFrom + HOP) centre += square;
  }
  const rms = Math.sqrt(energy / WINDOW);
  out.levelDb[i] = toDb(rms);
  out.centreDb[i] = toDb(Math.sqrt(centre / HOP));
  if (rms <= 1e-6) return;

  const { re, im, power, window, frame, lags } = work;
  for (let n = 0; n < WINDOW; n++) {
    const previous = start + n > 0 ? signal[start + n - 1] : 0;
    frame[n] = (signal[start + n] - PRE_EMPHASIS * previous) * window[n];
  }
  // LPC needs only 13 autocorrelation lags: cheaper in the time domain than through an FFT.
  for (let lag = 0; lag <= LPC_ORDER; lag++) {
    let acc = 0;
    for (let n = lag; n < WINDOW; n++) acc += frame[n] * frame[n - lag];
    lags[lag] = acc;
  }
  work.padded.set(frame);
  realPowerSpectrum(work.padded, power, re, im);
  let low = 1e-12,
    high = 1e-12;
  const highStart = Math.round((2500 / ANALYSIS_RATE) * FFT_SIZE);
  for (let k = 0; k <= FFT_SIZE / 2; k++) {
    if (k <= work.lowBins) low += power[k];
    else if (k >= highStart) high += power[k];
  }
  out.tiltDb[i] = 10 * Math.log10(low / high);
  const a = levinsonDurbin(lags, LPC_ORDER);
  if (a) pickFormants(lpcResonances(a, ANALYSIS_RATE, work.roots), out, i);
  out.voicing[i] = lowBandPeriodicity(work);
}

const MIN_LAG = Math.floor(ANALYSIS_RATE / 400);
const MAX_LAG = Math.ceil(ANALYSIS_RATE / 70);

/**
 * Normalised autocorrelation peak over 70–400 Hz periods, using only the 0–1 kHz band: the
 * autocorrelation is the inverse transform of the (de-emphasised) low-band power, summed
 * directly over those few bins.
 */
function lowBandPeriodicity(work: FrameWorkspace): number {
  const { power, lagWindow, cosines, deEmphasis, lowBins } = work;
  let zero = 0;
  for (let k = 1; k <= lowBins; k++) zero += power[k] * deEmphasis[k];
  if (!(zero > 0)) return 0;
  for (let k = 1; k <= lowBins; k++) work.weighted[k] = power[k] * deEmphasis[k];
  const at = (lag: number) => {
    let acc = 0;
    const row = (lag - MIN_LAG) * lowBins - 1;
    for (let k = 1; k <= lowBins; k++) acc += work.weighted[k] * cosines[row + k];
    return acc / (zero * lagWindow[lag]);
  };
  // The low band is smooth in lag: search every other lag, then refine around the best.
  let best = -Infinity;
  let bestLag = MIN_LAG;
  for (let lag = MIN_LAG; lag <= MAX_LAG; lag += 2) {
    const value = at(lag);
    if (value > best) {
      best = value;
      bestLag = lag;
    }
  }
  for (const lag of [bestLag - 1, bestLag + 1])
    if (lag >= MIN_LAG && lag <= MAX_LAG) best = Math.max(best, at(lag));
  return Math.max(0, Math.min(1, best));
}

const COSINES = cosineTable(LOW_BINS);
const DE_EMPHASIS = Float64Array.from(
  { length: LOW_BINS + 1 },
  (_, k) => 1 / (1 + PRE_EMPHASIS * PRE_EMPHASIS - 2 * PRE_EMPHASIS * Math.cos((2 * Math.PI * k) / FFT_SIZE)),
);

function cosineTable(lowBins: number): Float64Array {
  const table = new Float64Array((MAX_LAG - MIN_LAG + 1) * lowBins);
  for (let lag = MIN_LAG; lag <= MAX_LAG; lag++) {
    for (let k = 1; k <= lowBins; k++)
      table[(lag - MIN_LAG) * lowBins + k - 1] = Math.cos((2 * Math.PI * k * lag) / FFT_SIZE);
  }
  return table;
}

/** F1..F3: the lowest plausible, reasonably sharp resonances in their usual ranges. */
function pickFormants(resonances: Resonance[], out: FrameFeatures, i: number): void {
  const sharp = resonances.filter((r) => r.frequency > 180 && r.frequency < 4800 && r.bandwidth < 600);
  let next = 0;
  const ranges: [number, number, Float32Array][] = [
    [180, 1300, out.f1],
    [550, 3200, out.f2],
    [1500, 4500, out.f3],
  ];
  let floor = 0;
  for (const [lo, hi, column] of ranges) {
    while (next < sharp.length && sharp[next].frequency < Math.max(lo, floor)) next++;
    if (next < sharp.length && sharp[next].frequency <= hi) {
      column[i] = sharp[next].frequency;
      floor = sharp[next].frequency + 150;
      next++;
    } else return;
  }
}

function toDb(rms: number): number {
  return rms > 1e-6 ? 20 * Math.log10(rms) : SILENT_DB;
}

function hamming(size: number): Float64Array {
  const w = new Float64Array(size);
  for (let n = 0; n < size; n++) w[n] = 0.54 - 0.46 * Math.cos((2 * Math.PI * n) / (size - 1));
  return w;
}

/** Autocorrelation of the window itself, normalised to 1 at lag 0: undoes the window's taper bias. */
function hammingAutocorrelation(window: Float64Array): Float64Array {
  const out = new Float64Array(window.length);
  let zero = 0;
  for (let n = 0; n < window.length; n++) zero += window[n] * window[n];
  for (let lag = 0; lag < window.length; lag++) {
    let acc = 0;
    for (let n = 0; n + lag < window.length; n++) acc += window[n] * window[n + lag];
    out[lag] = Math.max(acc / zero, 1e-3);
  }
  return out;
}
