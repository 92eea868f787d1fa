import { TIER_IDS, type TierId } from '@shared';

/** The fields of a Stripe subscription the tier is read from (API 2025-03-31 and later, and earlier). */
export interface StripeSubscriptionLike {
  id: string;
  customer: string | { id: string };
  status: string;
  cancel_at_period_end?: boolean;
  current_period_end?: number | null;
  metadata?: Record<string, string> | null;
  items?: { data?: { price?: { id?: string } | null; current_period_end?: number | null }[] };
}

/** What our subscriptions table records of a Stripe subscription. */
export interface ReadSubscription {
  subscriptionId: string;
  customerId: string;
  priceId: string | null;
  tier: TierId | null;
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  /** The Kotodama user id put in the subscription's metadata at checkout. */
  userId: string | null;
}

/**
 * Reads a subscription: its plan from the price (the configured price ids), else from the
 * `tier` metadata set at checkout; the period end from the item (newer API) or the subscription.
 */
export function readSubscription(
  sub: StripeSubscriptionLike,
  prices: Partial<Record<TierId, string>>,
): ReadSubscription {
  const item = sub.items?.data?.[0];
  const priceId = item?.price?.id ?? null;
  const byPrice = (Object.entries(prices) as [TierId, string | undefined][]).find(
    ([, p]) => p && p === priceId,
  );
  const byMeta = sub.metadata?.tier;
  const tier =
    byPrice?.[0] ?? ((TIER_IDS as readonly string[]).includes(byMeta ?? '') ? (byMeta as TierId) : null);
  const end = item?.current_period_end ?? sub.current_period_end ?? null;
  return {
    subscriptionId: sub.id,
    customerId: typeof sub.customer === 'string' ? sub.customer : sub.customer.id,
    priceId,
    tier,
    status: sub.status,
    currentPeriodEnd: end ? new Date(end * 1000) : null,
    cancelAtPeriodEnd: !!sub.cancel_at_period_end,
    userId: sub.metadata?.userId ?? null,
  };
}
