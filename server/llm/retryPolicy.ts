/** How often and how patiently to retry a request that failed before its first token. */
export interface RetryPolicy {
  /** Retries after the first attempt; 0 disables retrying. */
  maxRetries: number;
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number;
  /** Upper bound for one delay, also for a server's Retry-After. */
  maxDelayMs: number;
}

/** Defaults: three attempts in all, 0.5 s then 1 s (± jitter), never more than 8 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 2, baseDelayMs: 500, maxDelayMs: 8_000 };

/**
 * Delay before retry number `attempt` (0-based): exponential backoff with "equal jitter", so
 * many workers hit by the same 429 do not come back in lockstep. A server's Retry-After wins
 * when given, capped at `maxDelayMs`.
 * @example backoffDelayMs(1, DEFAULT_RETRY_POLICY, () => 0.5) // 750
 */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined && retryAfterMs >= 0) return Math.min(retryAfterMs, policy.maxDelayMs);
  const exp = Math.min(policy.baseDelayMs * 2 ** attempt, policy.maxDelayMs);
  return Math.round(exp / 2 + random() * (exp / 2));
}
