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
 * After the warm-up, keep pinging at a medium pace while the best round trip is still poor (a
 * page busy compiling the avatar, a congested network): each extra sample is a chance of a fast
 * one, and the fastest sample decides the offset. A larger window than the default keeps them.
 */
export const CLOCK_HUNT = { goodRttMs: 30, intervalMs: 300, maxPings: 40, windowSize: 16 } as const;

/** Longest pause of rendering for one clock round trip (ms). */
export const QUIET_MAX_MS = 60;

/**
 * The server clock as seen from this page: pings `time {t0}` (a fast warm-up burst, then a slow
 * re-sync), feeds the replies to the minimum-RTT filter, and converts between server time (ms
 * since the epoch) and the local `performance.now()` time base.
 */
export class ServerClock {
  private readonly sync = new ClockSync(CLOCK_HUNT.windowSize);
  private timer: unknown = null;
  private sent = 0;
  private sender: ((t0: number) => void) | null = null;
  private quiet: ((on: boolean) => void) | null = null;
  private quietTimer: unknown = null;
  private quietMaxMs = QUIET_MAX_MS;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly now: LocalClock = () => performance.now(),
    private readonly timers: Timers = browserTimers,
  ) {}

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
      // Only the warm-up pauses rendering: a hunt on a slow network can last seconds, and pausing
      // every ping then would stutter the stage for as long.
      if (this.sent < CLOCK_SYNC.warmupPings) this.hush(true);
      send(this.now());
      this.sent++;
      this.timer = this.timers.setTimeout(tick, this.nextDelay());
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

  /**
   * Asks for a quiet main thread around the round trips of the warm-up: `quiet(true)` when a ping leaves, `quiet(false)` when its reply is in (or after
   * `maxMs`). The page pauses rendering meanwhile, so a busy page does not sit on the reply.
   */
  setQuietWindow(quiet: (on: boolean) => void, maxMs = QUIET_MAX_MS): void {
    this.quiet = quiet;
    this.quietMaxMs = maxMs;
  }

  private get hunting(): boolean {
    if (this.sent < CLOCK_SYNC.warmupPings) return true;
    return (
      !(this.sync.rttMs <= CLOCK_HUNT.goodRttMs) && this.sent < CLOCK_SYNC.warmupPings + CLOCK_HUNT.maxPings
    );
  }

  private hush(on: boolean): void {
    if (!this.quiet) return;
    if (this.quietTimer !== null) this.timers.clearTimeout(this.quietTimer);
    this.quietTimer = on ? this.timers.setTimeout(() => this.hush(false), this.quietMaxMs) : null;
    this.quiet(on);
  }

  private nextDelay(): number {
    if (this.sent < CLOCK_SYNC.warmupPings) return CLOCK_SYNC.warmupIntervalMs;
    return this.hunting ? CLOCK_HUNT.intervalMs : CLOCK_SYNC.resyncIntervalMs;
  }

  /** Feeds a `time {t0, t1}` reply. */
  onReply(reply: TimeReply): void {
    this.sync.add({ t0: reply.t0, t1: reply.t1, t2: this.now() });
    if (this.quietTimer !== null) this.hush(false);
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
    if (this.quietTimer !== null) this.hush(false);
  }
}
