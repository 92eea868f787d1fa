import { EntitySchema } from '@mikro-orm/core';

/** A user's paid tier as Stripe reports it. */
export class Subscription {
  id!: string;
  userId!: string;
  tier!: string;
  status!: string;
  stripeCustomerId?: string | null;
  stripeSubscriptionId?: string | null;
  currentPeriodEnd?: Date | null;
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
    currentPeriodEnd: { type: 'datetime', nullable: true },
    updatedAt: { type: 'datetime' },
  },
});
