import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from './retryPolicy';

describe('backoffDelayMs', () => {
  const policy = DEFAULT_RETRY_POLICY;

  it('doubles per attempt and jitters within the upper half', () => {
    expect(backoffDelayMs(0, policy, () => 0)).toBe(250);
    expect(backoffDelayMs(0, policy, () => 1)).toBe(500);
    expect(backoffDelayMs(2, policy, () => 0)).toBe(1000);
    expect(backoffDelayMs(2, policy, () => 1)).toBe(2000);
  });

  it('never waits longer than the cap, even when the server asks to', () => {
    expect(backoffDelayMs(20, policy, () => 1)).toBe(8000);
    expect(backoffDelayMs(0, policy, () => 0.5, 60_000)).toBe(8000);
    expect(backoffDelayMs(0, policy, () => 0.5, 1200)).toBe(1200);
  });
});
