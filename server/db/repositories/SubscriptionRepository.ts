import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Subscription } from '../entities';
import type { Database } from '../database';

/** A subscription's state to record, with the moment that state is from (`stateAt`). */
export interface SubscriptionChange {
  userId: string;
  customerId: string;
  subscriptionId: string | null;
  priceId: string | null;
  tier: string;
  status: string;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  stateAt: Date;
  /** undefined keeps the stored grace period; null ends it. */
  graceUntil?: Date | null;
}

/** What recording a webhook event did. */
export type EventOutcome = 'applied' | 'duplicate' | 'stale';

/** Users' subscriptions, and the Stripe events already processed (each applied once). */
export class SubscriptionRepository {
  constructor(private readonly db: Database) {}

  async findByUser(userId: string): Promise<Subscription | null> {
    return this.db.em().findOne(Subscription, { userId });
  }

  async findByCustomer(customerId: string): Promise<Subscription | null> {
    return this.db.em().findOne(Subscription, { stripeCustomerId: customerId });
  }

  /** Remembers the user's Stripe customer (made at their first checkout). */
  async saveCustomer(
    userId: string,
    customerId: string,
    defaultTier: string,
    now = new Date(),
  ): Promise<void> {
    await this.db
      .em()
      .getConnection()
      .execute(
        `insert into "subscriptions" ("id", "user_id", "tier", "status", "stripe_customer_id", "cancel_at_period_end", "updated_at")
         values (?, ?, ?, 'none', ?, false, ?)
         on conflict ("user_id") do update set "stripe_customer_id" = excluded."stripe_customer_id", "updated_at" = excluded."updated_at"`,
        [randomUUID(), userId, defaultTier, customerId, now],
      );
  }

  /**
   * Records that event `eventId` was processed and applies `change`, in one transaction: an event
   * seen before changes nothing, and a state older than the stored one (by `stateAt`) is ignored.
   */
  async applyEvent(
    event: { id: string; type: string; created: Date },
    change: SubscriptionChange | null,
    now = new Date(),
  ): Promise<EventOutcome> {
    return this.db.em().transactional(async (em) => {
      const inserted = await em
        .getConnection()
        .execute<{ id: string }[]>(
          `insert into "stripe_events" ("id", "type", "created_at", "processed_at") values (?, ?, ?, ?) on conflict do nothing returning "id"`,
          [event.id, event.type, event.created, now],
          'all',
          em.getTransactionContext(),
        );
      if (inserted.length === 0) return 'duplicate';
      if (!change) return 'applied';
      return (await applyChange(em, change, now)) ? 'applied' : 'stale';
    });
  }
}

async function applyChange(em: EntityManager, c: SubscriptionChange, now: Date): Promise<boolean> {
  const row = await em.findOne(Subscription, { userId: c.userId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (row && row.stateAt && row.stateAt > c.stateAt) return false;
  const terminal = row?.stripeSubscriptionId === c.subscriptionId && row?.status === 'canceled';
  if (terminal && c.status !== 'canceled') return false;
  const values = {
    tier: c.tier,
    status: c.status,
    stripeCustomerId: c.customerId,
    stripeSubscriptionId: c.subscriptionId,
    stripePriceId: c.priceId,
    currentPeriodEnd: c.currentPeriodEnd,
    cancelAtPeriodEnd: c.cancelAtPeriodEnd,
    stateAt: c.stateAt,
    updatedAt: now,
    ...(c.graceUntil !== undefined ? { graceUntil: c.graceUntil } : {}),
  };
  if (row) em.assign(row, values);
  else em.create(Subscription, { id: randomUUID(), userId: c.userId, graceUntil: null, ...values });
  await em.flush();
  return true;
}
