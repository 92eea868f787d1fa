import { TIER_IDS, type TierId } from '@shared';

/** The part of a subscription row the tier depends on. */
export interface SubscriptionState {
  tier: string;
  status: string;
  currentPeriodEnd?: Date | null;
  cancelAtPeriodEnd: boolean;
  graceUntil?: Date | null;
}

const PAID = new Set(['active', 'trialing']);

/**
 * The plan a user has now: the paid tier while the subscription is active (until the period
 * ends when it is cancelled at period end), still during the grace period after a failed payment
 * (`past_due`), and the default plan otherwise.
 */
export function effectiveTier(sub: SubscriptionState | null, fallback: TierId, now: Date): TierId {
  if (!sub || !(TIER_IDS as readonly string[]).includes(sub.tier)) return fallback;
  const tier = sub.tier as TierId;
  const periodOver = !!sub.currentPeriodEnd && sub.currentPeriodEnd <= now;
  if (PAID.has(sub.status)) return sub.cancelAtPeriodEnd && periodOver ? fallback : tier;
  if (sub.status === 'past_due') return sub.graceUntil && sub.graceUntil > now ? tier : fallback;
  return fallback;
}
