import { EntitySchema } from '@mikro-orm/core';

/**
 * A user's paid tier as Stripe last reported it (one row per user, created with their Stripe
 * customer). `stateAt` is the subscription's own timestamp for this state, so an older state
 * delivered late never overwrites a newer one.
 */
export class Subscription {
  id!: string;
  userId!: string;
  tier!: string;
  status!: string;
  stripeCustomerId?: string | null;
  stripeSubscriptionId?: string | null;
  stripePriceId?: string | null;
  currentPeriodEnd?: Date | null;
  cancelAtPeriodEnd!: boolean;
  /** After a failed payment: the paid tier stays until then. */
  graceUntil?: Date | null;
  stateAt?: Date | null;
  updatedAt!: Date;
}

export const SubscriptionSchema = new EntitySchema<Subscription>({
  class: Subscription,
  tableName: 'subscriptions',
  properties: {
    id: { type: 'uuid', primary: true },
    userId: { type: 'uuid', unique: true },
    tier: { type: 'string', length: 16 },
    status: { type: 'string', length: 32 },
    stripeCustomerId: { type: 'string', length: 255, nullable: true },
    stripeSubscriptionId: { type: 'string', length: 255, nullable: true, unique: true },
    stripePriceId: { type: 'string', length: 255, nullable: true },
    currentPeriodEnd: { type: 'datetime', nullable: true },
    cancelAtPeriodEnd: { type: 'boolean', default: false },
    graceUntil: { type: 'datetime', nullable: true },
    stateAt: { type: 'datetime', nullable: true },
    updatedAt: { type: 'datetime' },
  },
});
