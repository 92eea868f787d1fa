import { TokenBucket } from './TokenBucket';

/** What to do with one inbound frame. */
export type FloodVerdict = 'accept' | 'warn' | 'drop' | 'disconnect';

/** Limits for one client's frames. */
export interface FloodLimits {
  /** Sustained frames per second. */
  perSecond: number;
  /** Burst allowance. */
  burst: number;
  /** Frames dropped within `windowMs` after which the client is disconnected. */
  dropsBeforeDisconnect: number;
  windowMs: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  perSecond: 20,
  burst: 40,
  dropsBeforeDisconnect: 100,
  windowMs: 10_000,
};

/**
 * Per-client message rate limit: frames over the limit are dropped; the first drop of a burst
 * is answered with a warning; a client that keeps flooding is disconnected.
 */
export class FloodGuard {
  private readonly bucket: TokenBucket;
  private drops: number[] = [];
  private warned = false;

  constructor(
    private readonly limits: FloodLimits,
    now: number,
  ) {
    this.bucket = new TokenBucket(limits.burst, limits.perSecond, now);
  }

  check(now: number): FloodVerdict {
    if (this.bucket.take(now)) {
      this.warned = false;
      return 'accept';
    }
    this.drops.push(now);
    while (this.drops.length && this.drops[0] <= now - this.limits.windowMs) this.drops.shift();
    if (this.drops.length >= this.limits.dropsBeforeDisconnect) return 'disconnect';
    if (this.warned) return 'drop';
    this.warned = true;
    return 'warn';
  }
}
