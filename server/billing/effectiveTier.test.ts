import { describe, expect, it } from 'vitest';
import { effectiveTier } from './effectiveTier';

const now = new Date('2026-12-06T12:00:00Z');
const later = new Date('2026-12-20T00:00:00Z');
const earlier = new Date('2026-12-01T00:00:00Z');
const base = { tier: 'plus', status: 'active', currentPeriodEnd: later, cancelAtPeriodEnd: false };

describe('effectiveTier', () => {
  it('gives the default plan without a subscription, or with an unknown tier', () => {
    expect(effectiveTier(null, 'free', now)).toBe('free');
    expect(effectiveTier({ ...base, tier: 'gold' }, 'free', now)).toBe('free');
  });

  it('gives the paid plan while active or trialing', () => {
    expect(effectiveTier(base, 'free', now)).toBe('plus');
    expect(effectiveTier({ ...base, status: 'trialing' }, 'free', now)).toBe('plus');
  });

  it('keeps a plan cancelled at period end until the period ends, then downgrades', () => {
    expect(effectiveTier({ ...base, cancelAtPeriodEnd: true }, 'free', now)).toBe('plus');
    expect(effectiveTier({ ...base, cancelAtPeriodEnd: true, currentPeriodEnd: earlier }, 'free', now)).toBe(
      'free',
    );
  });

  it('keeps the plan during the grace period of a failed payment, not after', () => {
    expect(effectiveTier({ ...base, status: 'past_due', graceUntil: later }, 'free', now)).toBe('plus');
    expect(effectiveTier({ ...base, status: 'past_due', graceUntil: earlier }, 'free', now)).toBe('free');
  });

  it('downgrades a cancelled or unpaid subscription at once', () => {
    for (const status of ['canceled', 'unpaid', 'incomplete_expired', 'paused'])
      expect(effectiveTier({ ...base, status }, 'free', now)).toBe('free');
  });
});
