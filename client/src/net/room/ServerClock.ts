import { CLOCK_SYNC, ClockSync } from '@shared/clockSync';
import type { TimeReply } from '@shared';

/** Reads the local monotonic clock (ms): `performance.now()` in the page. */
export type LocalClock = () => number;

/** Timer functions, injectable for tests. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * The server clock as seen from this page: pings `time {t0}` (a fast warm-up burst, then a slow
 * re-sync), feeds the replies to the minimum-RTT filter, and converts between server time (ms
 * since the epoch) and the local `performance.now()` time base.
 */
export class ServerClock {
  private readonly sync = new ClockSync();
  private timer: unknown = null;
  private sent = 0;
  private sender: ((t0: number) => void) | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: LocalClock = () => performance.now(), private readonly timers: Timers = browserTimers) {}

  /** Server time minus local time (ms). 0 until the first reply. */
  get offsetMs(): number {
    return this.sync.offsetMs;
  }

  /** Round trip of the best sample (ms), or null before the first reply. */
  get rttMs(): number | null {
    return Number.isFinite(this.sync.rttMs) ? this.sync.rttMs : null;
  }

  /** True once at least one reply came back. */
  get synced(): boolean {
    return this.sync.sampleCount > 0;
  }

  /** The server time now (ms since the epoch). */
  serverNow(): number {
    return this.sync.serverNow(this.now());
  }

  /** A server time converted to the local `performance.now()` base. */
  toLocal(serverMs: number): number {
    return serverMs - this.sync.offsetMs;
  }

  /** Starts pinging through `send` (a warm-up burst first). Restarting re-warms, e.g. after a reconnection. */
  start(send: (t0: number) => void): void {
    this.stop();
    this.sender = send;
    this.sent = 0;
    const tick = (): void => {
      send(this.now());
      this.sent++;
      const warm = this.sent < CLOCK_SYNC.warmupPings;
      this.timer = this.timers.setTimeout(tick, warm ? CLOCK_SYNC.warmupIntervalMs : CLOCK_SYNC.resyncIntervalMs);
    };
    tick();
  }

  /**
   * Runs the warm-up burst again, e.g. once a busy page (loading and compiling the avatar) has
   * calmed down: replies that waited behind that work had long round trips; fresh ones replace them.
   */
  rewarm(): void {
    if (this.sender && this.timer !== null) this.start(this.sender);
  }

  /** Feeds a `time {t0, t1}` reply. */
  onReply(reply: TimeReply): void {
    this.sync.add({ t0: reply.t0, t1: reply.t1, t2: this.now() });
    for (const fn of this.listeners) fn();
  }

  /** Calls `fn` after each reply; returns an unsubscribe function. */
  onUpdate(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stops pinging (samples are kept). */
  stop(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
  }
}
