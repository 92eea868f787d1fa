import { describe, expect, it } from 'vitest';
import { withRetry } from './retry';
import { isVoiceError, VoiceError } from './voiceError';

describe('retry', () => {
  it('retries passing failures, not permanent ones', async () => {
    let tries = 0;
    const value = await withRetry(
      'p',
      async () => {
        tries++;
        if (tries < 3) throw new VoiceError('provider_error', 'busy');
        return 'ok';
      },
      { retries: 3, baseDelayMs: 1 },
    );
    expect([value, tries]).toEqual(['ok', 3]);
    tries = 0;
    const error = await withRetry(
      'p',
      async () => {
        tries++;
        throw new VoiceError('bad_request', 'no');
      },
      { retries: 3, baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(isVoiceError(error, 'bad_request')).toBe(true);
    expect(tries).toBe(1);
  });

  it('gives up after the allowed retries with the last error', async () => {
    let tries = 0;
    const error = await withRetry(
      'p',
      async () => {
        tries++;
        throw new VoiceError('rate_limited', 'slow down');
      },
      { retries: 2, baseDelayMs: 1 },
    ).catch((e: unknown) => e);
    expect(isVoiceError(error, 'rate_limited')).toBe(true);
    expect(tries).toBe(3);
  });

  it('stops waiting between attempts as soon as the caller aborts', async () => {
    const controller = new AbortController();
    let tries = 0;
    // A 10-minute backoff: only the abort can end the wait within the test.
    const pending = withRetry(
      'p',
      async () => {
        tries++;
        setTimeout(() => controller.abort(), 0); // once this attempt has failed and the wait begun
        throw new VoiceError('network', 'down');
      },
      { retries: 5, baseDelayMs: 10 * 60_000, maxDelayMs: 10 * 60_000 },
      controller.signal,
    );
    expect(isVoiceError(await pending.catch((e: unknown) => e), 'aborted')).toBe(true);
    expect(tries).toBe(1);
  });
});
