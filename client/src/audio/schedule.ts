/** A pairing of the audio clock and the page clock taken at the same instant. */
export interface ClockAnchor {
  /** AudioContext time (seconds) of the sample being heard at `localMs`. */
  ctxTime: number;
  /** `performance.now()` (ms) at that moment. */
  localMs: number;
}

/** When and from where to start a buffer. */
export interface PlaybackPlan {
  /** AudioContext time (s) to call `start(when, offset)` with. */
  when: number;
  /** Seconds into the buffer to start from (> 0 for a late start). */
  offset: number;
}

/** Shorter remainders than this are not worth starting (s). */
export const MIN_REMAINDER_S = 0.05;

/**
 * Plans `AudioBufferSourceNode.start(when, offset)` so the sound is heard at `startAtLocalMs`
 * (page clock): in the future it is scheduled; in the past (a late joiner, a slow decode, a
 * resumed context) it starts now at the matching offset. Null when it has already finished.
 *
 * @example planPlayback(1500, { ctxTime: 2, localMs: 1000 }, 3) // → { when: 2.5, offset: 0 }
 */
export function planPlayback(
  startAtLocalMs: number,
  anchor: ClockAnchor,
  bufferDurationS: number,
  nowLocalMs = anchor.localMs,
): PlaybackPlan | null {
  const startCtx = anchor.ctxTime + (startAtLocalMs - anchor.localMs) / 1000;
  const nowCtx = anchor.ctxTime + (nowLocalMs - anchor.localMs) / 1000;
  if (startCtx >= nowCtx) return { when: startCtx, offset: 0 };
  const offset = nowCtx - startCtx;
  if (offset > bufferDurationS - MIN_REMAINDER_S) return null;
  return { when: nowCtx, offset };
}

/** The parts of an AudioContext an anchor is read from. */
export interface AnchorSource {
  currentTime: number;
  baseLatency?: number;
  outputLatency?: number;
  getOutputTimestamp?: () => { contextTime?: number; performanceTime?: number };
}

/**
 * Pairs the audio clock with the page clock. The output timestamp (what is heard now) is best;
 * without it, `currentTime` minus the output latency.
 */
export function anchorOf(ctx: AnchorSource, nowLocalMs: number): ClockAnchor {
  const ts = ctx.getOutputTimestamp?.();
  if (
    ts &&
    typeof ts.contextTime === 'number' &&
    typeof ts.performanceTime === 'number' &&
    ts.performanceTime > 0
  ) {
    return { ctxTime: ts.contextTime, localMs: ts.performanceTime };
  }
  const latency = (ctx.outputLatency ?? 0) || (ctx.baseLatency ?? 0);
  return { ctxTime: ctx.currentTime - latency, localMs: nowLocalMs };
}
