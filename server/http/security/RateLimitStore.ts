import type { Redis } from 'ioredis';

/** One window's count for a key, and when the window ends. */
export interface RateWindow {
  count: number;
  resetInMs: number;
}

/** Counts requests per key in fixed windows: in-process, or in Redis so every process shares the count. */
export interface RateLimitStore {
  /** Counts one request for `key`; answers the count so far in its window. */
  hit(key: string, windowMs: number): Promise<RateWindow>;
}

/** Counts in this process (one server; tests). */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; endsAt: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<RateWindow> {
    const now = this.now();
    let w = this.windows.get(key);
    if (!w || w.endsAt <= now) {
      if (this.windows.size > 50_000) this.sweep(now);
      w = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetInMs: w.endsAt - now };
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (w.endsAt <= now) this.windows.delete(k);
  }
}

/** INCR and start the window on the first hit, atomically; answers the count and the time left. */
const HIT = `local c = redis.call('INCR', KEYS[1])
if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {c, ttl}`;

/** Counts in Redis under `prefix`, shared by every server process. */
export class RedisRateLimitStore implements RateLimitStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  async hit(key: string, windowMs: number): Promise<RateWindow> {
    const [count, ttl] = (await this.redis.eval(HIT, 1, `${this.prefix}:rl:${key}`, windowMs)) as [
      number,
      number,
    ];
    return { count, resetInMs: ttl };
  }
}
