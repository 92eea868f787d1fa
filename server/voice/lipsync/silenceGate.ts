/**
 * Decides, per frame, whether the character is making sound at all. Thresholds are relative to
 * the clip's own peak and noise floor (so loud and quiet providers behave alike) with an
 * absolute floor (so digital silence or hiss never opens the mouth), plus hysteresis.
 */

/** Tuning of the gate; the defaults were measured on eSpeak and flite voices. */
export interface SilenceGateOptions {
  /** Open when a frame is within this many dB of the clip's peak… */
  belowPeakDb: number;
  /** …and this far above the noise floor… */
  aboveNoiseDb: number;
  /** …and above this absolute level (dBFS). */
  absoluteFloorDb: number;
  /** Hysteresis: once open, stay open until this many dB under the open threshold. */
  hysteresisDb: number;
  /** Gaps shorter than this inside sound stay open (ms). */
  bridgeGapMs: number;
  /** Bursts shorter than this are ignored (ms): clicks, not speech. */
  minBurstMs: number;
  /** Runs shorter than `faintRunMs` that never rise this far above the open level are hum or breath. */
  faintRiseDb: number;
  faintRunMs: number;
}

const DIGITAL_SILENCE_DB = -100;

export const DEFAULT_GATE: SilenceGateOptions = {
  belowPeakDb: 28,
  aboveNoiseDb: 12,
  absoluteFloorDb: -55,
  hysteresisDb: 3,
  bridgeGapMs: 40,
  minBurstMs: 30,
  faintRiseDb: 6,
  faintRunMs: 150,
};

/** The gate's verdict plus the levels it used (the envelope maps loudness between them). */
export interface GateResult {
  open: Uint8Array;
  openDb: number;
  closeDb: number;
  peakDb: number;
}

/** Gate a column of frame levels (dBFS) sampled every `hopMs`. */
export function gateSilence(
  levelDb: Float32Array,
  hopMs: number,
  options: SilenceGateOptions = DEFAULT_GATE,
): GateResult {
  const sorted = Float32Array.from(levelDb).sort();
  const peakDb = sorted.length ? sorted[Math.floor((sorted.length - 1) * 0.995)] : -120;
  // The noise floor is what the pauses sound like; digital silence (padding) says nothing about it.
  const audible = sorted.filter((db) => db > DIGITAL_SILENCE_DB);
  // A clip whose only quiet parts are digital silence has no audible noise: cap the estimate well under the peak.
  const noiseDb = Math.min(
    audible.length ? audible[Math.floor((audible.length - 1) * 0.1)] : DIGITAL_SILENCE_DB,
    peakDb - 40,
  );
  const openDb = Math.max(
    peakDb - options.belowPeakDb,
    noiseDb + options.aboveNoiseDb,
    options.absoluteFloorDb,
  );
  const closeDb = openDb - options.hysteresisDb;
  const open = new Uint8Array(levelDb.length);
  let state = 0;
  for (let i = 0; i < levelDb.length; i++) {
    if (state === 0 && levelDb[i] >= openDb) state = 1;
    else if (state === 1 && levelDb[i] < closeDb) state = 0;
    open[i] = state;
  }
  fillRuns(open, 0, Math.round(options.bridgeGapMs / hopMs), 1);
  fillRuns(open, 1, Math.round(options.minBurstMs / hopMs), 0);
  dropFaintRuns(open, levelDb, openDb + options.faintRiseDb, Math.round(options.faintRunMs / hopMs));
  return { open, openDb, closeDb, peakDb };
}

/** Turn interior runs of `value` shorter than `maxLength` frames into `replacement`. */
function fillRuns(flags: Uint8Array, value: number, maxLength: number, replacement: number): void {
  let i = 0;
  while (i < flags.length) {
    if (flags[i] !== value) {
      i++;
      continue;
    }
    let j = i;
    while (j < flags.length && flags[j] === value) j++;
    const interior = value === 1 || (i > 0 && j < flags.length);
    if (interior && j - i < maxLength) flags.fill(replacement, i, j);
    i = j;
  }
}

/** Close short open runs whose loudest frame stays under `minPeakDb`. */
function dropFaintRuns(open: Uint8Array, levelDb: Float32Array, minPeakDb: number, maxLength: number): void {
  let i = 0;
  while (i < open.length) {
    if (!open[i]) {
      i++;
      continue;
    }
    let j = i;
    let loudest = -Infinity;
    while (j < open.length && open[j]) loudest = Math.max(loudest, levelDb[j++]);
    if (j - i < maxLength && loudest < minPeakDb) open.fill(0, i, j);
    i = j;
  }
}
