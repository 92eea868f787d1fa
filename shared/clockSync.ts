/**
 * Estimates the server clock from `time {t0}` → `time {t0, t1}` round trips.
 * Each sample gives offset = t1 − (t0 + rtt/2); the sample with the smallest round trip in a
 * small window is the least distorted by queueing, so it wins (NTP's minimum-delay filter).
 */

/** One ping/pong: local send time, server time, local receive time (all ms). */
export interface ClockSample {
  t0: number;
  t1: number;
  t2: number;
}

/** How often to ping: fast while warming up, then a slow re-sync. */
export const CLOCK_SYNC = {
  windowSize: 8,
  warmupPings: 6,
  warmupIntervalMs: 150,
  resyncIntervalMs: 10_000,
} as const;

/** Keeps the recent samples and answers the best offset estimate. */
export class ClockSync {
  private samples: { rtt: number; offset: number }[] = [];

  constructor(private readonly windowSize: number = CLOCK_SYNC.windowSize) {}

  /** Adds a round trip; ignores impossible ones (negative round trip). */
  add({ t0, t1, t2 }: ClockSample): void {
    const rtt = t2 - t0;
    if (!(rtt >= 0) || !Number.isFinite(t1)) return;
    this.samples.push({ rtt, offset: t1 - (t0 + rtt / 2) });
    if (this.samples.length > this.windowSize) this.samples.shift();
  }

  /** Server time minus local time (ms); 0 until the first sample. */
  get offsetMs(): number {
    return this.best()?.offset ?? 0;
  }

  /** Round trip of the sample in use (ms); Infinity until the first sample. */
  get rttMs(): number {
    return this.best()?.rtt ?? Infinity;
  }

  get sampleCount(): number {
    return this.samples.length;
  }

  /** The server time now, given the local clock. */
  serverNow(localNow: number): number {
    return localNow + this.offsetMs;
  }

  private best(): { rtt: number; offset: number } | undefined {
    let best: { rtt: number; offset: number } | undefined;
    for (const s of this.samples) if (!best || s.rtt < best.rtt) best = s;
    return best;
  }
}
