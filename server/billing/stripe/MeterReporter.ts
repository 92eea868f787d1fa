import type Stripe from 'stripe';
import type { MeterBatch, Repositories } from '../../db';
import type { Logger } from '../../observability';

/** What the reporter needs. */
export interface MeterReporterOptions {
  stripe: Stripe;
  repos: Pick<Repositories, 'usage'>;
  log: Logger;
  /** Meter names whose stored quantity is milliseconds, reported as seconds. */
  millisecondMeters: string[];
  intervalMs?: number;
}

/**
 * Reports metered usage (creator plan: AI turns, voice seconds) to Stripe Billing Meters in
 * batches: one meter event per user and meter, identified by the batch id it was given before
 * sending. A failed send is retried on the next round with the same identifier, and Stripe keeps
 * one event per identifier, so usage is never counted twice; a batch is marked done only once
 * Stripe has it.
 */
export class MeterReporter {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | null = null;

  constructor(private readonly o: MeterReporterOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.o.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /** Sends every pending batch once; answers how many Stripe now has. One flush runs at a time. */
  flush(): Promise<number> {
    this.running ??= this.sendAll().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  private async sendAll(): Promise<number> {
    let sent = 0;
    for (const batch of await this.o.repos.usage.pendingBatches()) {
      if (!batch.stripeCustomerId) {
        this.o.log.warn(
          { batch: batch.batchId },
          'Metered usage of a user with no Stripe customer; kept for later.',
        );
        continue;
      }
      if (await this.send(batch)) {
        await this.o.repos.usage.markReported(batch.batchId);
        sent++;
      }
    }
    return sent;
  }

  private async send(batch: MeterBatch): Promise<boolean> {
    const value = this.o.millisecondMeters.includes(batch.meter) ? batch.quantity / 1000 : batch.quantity;
    try {
      await this.o.stripe.billing.meterEvents.create({
        event_name: batch.meter,
        identifier: batch.batchId,
        payload: { stripe_customer_id: batch.stripeCustomerId!, value: String(value) },
      });
      return true;
    } catch (err) {
      if (alreadyRecorded(err)) return true;
      this.o.log.warn(
        { err: (err as Error).message, batch: batch.batchId },
        'Could not report metered usage to Stripe; it is retried with the same identifier.',
      );
      return false;
    }
  }
}

/** Stripe refuses a second meter event with an identifier it already has: that batch is recorded. */
function alreadyRecorded(err: unknown): boolean {
  const e = err as { statusCode?: number; message?: string };
  return (
    e.statusCode === 400 &&
    /identifier/i.test(e.message ?? '') &&
    /already|exists|duplicate/i.test(e.message ?? '')
  );
}
