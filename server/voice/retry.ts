/**
 * Retries a cloud call on failures that may pass (timeouts, 429, 5xx, network), with
 * exponential backoff and jitter, a timeout per attempt, and the caller's AbortSignal
 * honoured throughout.
 */
import { attemptSignal, sleep, throwIfAborted } from './abort';
import { VoiceError } from './voiceError';

/** How hard to try. */
export interface RetryOptions {
  /** Extra attempts after the first (default 2). */
  retries?: number;
  /** Each attempt gives up after this long (default 20 s). */
  timeoutMs?: number;
  /** First backoff; doubles each time, ±25 % jitter (default 300 ms). */
  baseDelayMs?: number;
  /** Longest single wait, including a server's Retry-After (default 5 s). */
  maxDelayMs?: number;
}

/** Run `attempt` until it succeeds, fails for good, or the caller aborts. */
export async function withRetry<T>(
  provider: string,
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions = {},
  caller?: AbortSignal,
): Promise<T> {
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 20_000;
  const baseDelayMs = options.baseDelayMs ?? 300;
  const maxDelayMs = options.maxDelayMs ?? 5_000;
  for (let tries = 0; ; tries++) {
    throwIfAborted(caller, provider);
    const { signal, timedOut } = attemptSignal(caller, timeoutMs);
    try {
      return await attempt(signal);
    } catch (raw) {
      const error = classify(raw, provider, timedOut(), caller, timeoutMs);
      if (!error.retryable || tries >= retries) throw error;
      const backoff = baseDelayMs * 2 ** tries * (0.75 + Math.random() * 0.5);
      await sleep(Math.min(maxDelayMs, Math.max(backoff, error.retryAfterMs ?? 0)), caller, provider);
    }
  }
}

function classify(
  raw: unknown,
  provider: string,
  timedOut: boolean,
  caller: AbortSignal | undefined,
  timeoutMs: number,
): VoiceError {
  if (caller?.aborted)
    return new VoiceError('aborted', 'Speech was cancelled before it finished.', provider, { cause: raw });
  if (timedOut)
    return new VoiceError(
      'timeout',
      `${provider} did not answer within ${timeoutMs} ms; it may be overloaded, or raise the timeout.`,
      provider,
      { cause: raw },
    );
  if (raw instanceof VoiceError) return raw;
  const message = raw instanceof Error ? raw.message : String(raw);
  return new VoiceError(
    'network',
    `Could not reach ${provider} (${message}); check the network and its base URL.`,
    provider,
    { cause: raw },
  );
}
