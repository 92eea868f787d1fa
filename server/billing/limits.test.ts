import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS } from '../tiers';
import { checkLimit, checkVoiceProvider, refusalMessage } from './limits';

describe('plan limits', () => {
  it('allows up to the limit and refuses past it, naming the plan that lifts it', () => {
    const max = DEFAULT_PLANS.free.limits.characters;
    expect(checkLimit(DEFAULT_PLANS, 'free', 'characters', max - 1)).toBeNull();
    const refusal = checkLimit(DEFAULT_PLANS, 'free', 'characters', max);
    expect(refusal).toEqual({ limit: 'characters', max, tier: 'free', upgradeTo: 'plus' });
    expect(refusalMessage(DEFAULT_PLANS, refusal!)).toBe(
      `Your Free plan allows ${max} characters. Upgrade to Plus for ${DEFAULT_PLANS.plus.limits.characters} characters (lobby → Your plan).`,
    );
  });

  it('skips a plan that would still be too small for the request', () => {
    const bytes = DEFAULT_PLANS.plus.limits.avatarBytes + 1;
    expect(checkLimit(DEFAULT_PLANS, 'free', 'avatarBytes', 0, bytes)?.upgradeTo).toBe('creator');
  });

  it('has no upgrade on the top plan', () => {
    const max = DEFAULT_PLANS.creator.limits.roomsHosted;
    const r = checkLimit(DEFAULT_PLANS, 'creator', 'roomsHosted', max)!;
    expect(r.upgradeTo).toBeNull();
    expect(refusalMessage(DEFAULT_PLANS, r)).toMatch(/most we offer/);
  });

  it('refuses a voice the plan does not include and speaks of the host to others', () => {
    expect(checkVoiceProvider(DEFAULT_PLANS, 'free', 'espeak')).toBeNull();
    const r = checkVoiceProvider(DEFAULT_PLANS, 'free', 'openai')!;
    expect(r).toMatchObject({ limit: 'voiceProvider', upgradeTo: 'plus' });
    expect(refusalMessage(DEFAULT_PLANS, r, "the host's")).toBe(
      "The host's Free plan does not include this voice. The host can upgrade to Plus to use it (lobby → Your plan).",
    );
  });
});
