import { randomUUID } from 'node:crypto';
import type { Database } from '../database';

/** Things counted per user and day (UTC). */
export type UsageMetric = 'ai_turns' | 'voice_ms';

/** Metered usage grouped into one meter event, identified by `batchId` (Stripe dedupes on it). */
export interface MeterBatch {
  batchId: string;
  userId: string;
  meter: string;
  quantity: number;
  stripeCustomerId: string | null;
}

/** The day a moment falls on (UTC), as usage is counted. */
export function usageDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Daily usage counters (atomic check-and-count, so two rooms cannot both take the last turn) and
 * metered usage waiting to be reported to Stripe.
 */
export class UsageRepository {
  constructor(private readonly db: Database) {}

  /** Counts `amount` more when the total stays within `max`; answers the new total, or null when it would not. */
  async takeWithin(
    userId: string,
    metric: UsageMetric,
    day: string,
    max: number,
    amount = 1,
  ): Promise<number | null> {
    const rows = await this.run<{ amount: string }[]>(
      `insert into "usage_counters" ("user_id", "metric", "day", "amount") select ?, ?, ?, ? where ? <= ?
       on conflict ("user_id", "metric", "day") do update set "amount" = "usage_counters"."amount" + excluded."amount"
       where "usage_counters"."amount" + excluded."amount" <= ? returning "amount"`,
      [userId, metric, day, amount, amount, max, max],
    );
    return rows.length ? Number(rows[0].amount) : null;
  }

  /** Counts `amount` more with no limit (e.g. voice seconds already spoken). */
  async add(userId: string, metric: UsageMetric, day: string, amount: number): Promise<void> {
    await this.run(
      `insert into "usage_counters" ("user_id", "metric", "day", "amount") values (?, ?, ?, ?)
       on conflict ("user_id", "metric", "day") do update set "amount" = "usage_counters"."amount" + excluded."amount"`,
      [userId, metric, day, amount],
    );
  }

  async amountOn(userId: string, metric: UsageMetric, day: string): Promise<number> {
    const rows = await this.run<{ amount: string }[]>(
      `select "amount" from "usage_counters" where "user_id" = ? and "metric" = ? and "day" = ?`,
      [userId, metric, day],
    );
    return Number(rows[0]?.amount ?? 0);
  }

  /** Records usage to be billed by use (reported later, in batches). */
  async recordMetered(userId: string, meter: string, quantity: number, now = new Date()): Promise<void> {
    await this.run(
      `insert into "meter_usage" ("id", "user_id", "meter", "quantity", "created_at") values (?, ?, ?, ?, ?)`,
      [randomUUID(), userId, meter, quantity, now],
    );
  }

  /**
   * Groups unreported usage into batches (one per user and meter) and answers every batch not yet
   * reported, old ones first. A batch keeps its id until it is reported, so a retry after a lost
   * answer sends the same identifier and is counted once.
   */
  async pendingBatches(limit = 100): Promise<MeterBatch[]> {
    await this.db.em().transactional(async (em) => {
      const conn = em.getConnection();
      const ctx = em.getTransactionContext();
      const groups = await conn.execute<{ user_id: string; meter: string }[]>(
        `select distinct "user_id", "meter" from "meter_usage" where "reported_at" is null and "batch_id" is null`,
        [],
        'all',
        ctx,
      );
      for (const g of groups)
        await conn.execute(
          `update "meter_usage" set "batch_id" = ? where "user_id" = ? and "meter" = ? and "reported_at" is null and "batch_id" is null`,
          [randomUUID(), g.user_id, g.meter],
          'run',
          ctx,
        );
    });
    const rows = await this.run<
      { batch_id: string; user_id: string; meter: string; quantity: string; customer: string | null }[]
    >(
      `select m."batch_id", m."user_id", m."meter", sum(m."quantity") as "quantity", s."stripe_customer_id" as "customer"
       from "meter_usage" m left join "subscriptions" s on s."user_id" = m."user_id"
       where m."reported_at" is null and m."batch_id" is not null
       group by m."batch_id", m."user_id", m."meter", s."stripe_customer_id" order by min(m."created_at") limit ?`,
      [limit],
    );
    return rows.map((r) => ({
      batchId: r.batch_id,
      userId: r.user_id,
      meter: r.meter,
      quantity: Number(r.quantity),
      stripeCustomerId: r.customer,
    }));
  }

  async markReported(batchId: string, now = new Date()): Promise<void> {
    await this.run(`update "meter_usage" set "reported_at" = ? where "batch_id" = ?`, [now, batchId]);
  }

  private run<T = unknown>(sql: string, params: unknown[]): Promise<T> {
    return this.db.em().getConnection().execute(sql, params) as Promise<T>;
  }
}
