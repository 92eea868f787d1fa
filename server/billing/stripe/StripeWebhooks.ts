import type Stripe from 'stripe';
import type { TierId } from '@shared';
import type { EventOutcome, Repositories, SubscriptionChange } from '../../db';
import { HttpError } from '../../http';
import type { Logger } from '../../observability';
import { readSubscription, type StripeSubscriptionLike } from './subscriptionState';

/** What the webhook endpoint needs. */
export interface StripeWebhooksOptions {
  stripe: Stripe;
  webhookSecret: string;
  repos: Pick<Repositories, 'subscriptions'>;
  prices: Partial<Record<TierId, string>>;
  defaultTier: TierId;
  graceDays: number;
  log: Logger;
  now?: () => Date;
}

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
]);

/**
 * POST /api/billing/webhook: verifies the signature on the raw body, then maps the event onto the
 * user's subscription. Each event id is applied once (stored in the same transaction). The state
 * applied is the subscription as Stripe has it now (fetched again), so events arriving out of
 * order cannot leave an old state behind; when Stripe cannot be reached, the event's own object is
 * used, ordered by the event's time.
 */
export class StripeWebhooks {
  private readonly now: () => Date;

  constructor(private readonly o: StripeWebhooksOptions) {
    this.now = o.now ?? (() => new Date());
  }

  /** Verifies and applies one delivery; throws HttpError 400 on a bad or stale signature. */
  async receive(rawBody: Buffer, signature: string | undefined): Promise<EventOutcome> {
    let event: Stripe.Event;
    try {
      event = this.o.stripe.webhooks.constructEvent(rawBody, signature ?? '', this.o.webhookSecret);
    } catch (err) {
      throw new HttpError(400, 'bad_signature', `Webhook refused: ${(err as Error).message}`);
    }
    const change = await this.changeFor(event);
    const outcome = await this.o.repos.subscriptions.applyEvent(
      { id: event.id, type: event.type, created: new Date(event.created * 1000) },
      change,
      this.now(),
    );
    this.o.log.info({ eventId: event.id, type: event.type, outcome }, 'Stripe webhook processed.');
    return outcome;
  }

  private async changeFor(event: Stripe.Event): Promise<SubscriptionChange | null> {
    const object = event.data.object as unknown as Record<string, unknown>;
    if (SUBSCRIPTION_EVENTS.has(event.type))
      return this.fromSubscription(
        object as unknown as StripeSubscriptionLike,
        new Date(event.created * 1000),
      );
    if (event.type === 'checkout.session.completed') {
      const id = idOf(object.subscription);
      const userId = (object.client_reference_id as string | null) ?? null;
      const customer = idOf(object.customer);
      if (userId && customer)
        await this.o.repos.subscriptions.saveCustomer(userId, customer, this.o.defaultTier);
      return id ? this.fromSubscriptionId(id, undefined, userId) : null;
    }
    if (event.type === 'invoice.paid' || event.type === 'invoice.payment_failed') {
      const id = invoiceSubscription(object);
      if (!id) return null;
      const grace = event.type === 'invoice.paid' ? null : await this.graceFor(idOf(object.customer));
      return this.fromSubscriptionId(id, grace);
    }
    return null;
  }

  /** The grace period after a failed payment: the one already running, or a new one from now. */
  private async graceFor(customerId: string | null): Promise<Date> {
    const running = customerId
      ? (await this.o.repos.subscriptions.findByCustomer(customerId))?.graceUntil
      : null;
    return running ?? new Date(this.now().getTime() + this.o.graceDays * 24 * 3600 * 1000);
  }

  private async fromSubscriptionId(
    id: string,
    graceUntil?: Date | null,
    userId?: string | null,
  ): Promise<SubscriptionChange | null> {
    const sub = (await this.o.stripe.subscriptions.retrieve(id)) as unknown as StripeSubscriptionLike;
    return this.toChange(sub, this.now(), graceUntil, userId);
  }

  private async fromSubscription(
    object: StripeSubscriptionLike,
    eventTime: Date,
  ): Promise<SubscriptionChange | null> {
    try {
      const fresh = (await this.o.stripe.subscriptions.retrieve(
        object.id,
      )) as unknown as StripeSubscriptionLike;
      return this.toChange(fresh, this.now());
    } catch (err) {
      this.o.log.warn(
        { err: (err as Error).message, subscription: object.id },
        'Could not fetch the subscription from Stripe; using the webhook copy, ordered by its event time.',
      );
      return this.toChange(object, eventTime);
    }
  }

  private async toChange(
    sub: StripeSubscriptionLike,
    stateAt: Date,
    graceUntil?: Date | null,
    knownUserId?: string | null,
  ): Promise<SubscriptionChange | null> {
    const s = readSubscription(sub, this.o.prices);
    const userId =
      knownUserId ??
      s.userId ??
      (await this.o.repos.subscriptions.findByCustomer(s.customerId))?.userId ??
      null;
    if (!userId) {
      this.o.log.warn(
        { subscription: s.subscriptionId },
        'A Stripe subscription names no Kotodama user; ignored.',
      );
      return null;
    }
    return {
      userId,
      customerId: s.customerId,
      subscriptionId: s.subscriptionId,
      priceId: s.priceId,
      tier: s.tier ?? this.o.defaultTier,
      status: s.status,
      currentPeriodEnd: s.currentPeriodEnd,
      cancelAtPeriodEnd: s.cancelAtPeriodEnd,
      stateAt,
      ...(graceUntil !== undefined ? { graceUntil } : s.status === 'active' ? { graceUntil: null } : {}),
    };
  }
}

function idOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string')
    return (v as { id: string }).id;
  return null;
}

/** An invoice's subscription: `parent.subscription_details.subscription` (API 2025-03-31+) or `subscription`. */
function invoiceSubscription(invoice: Record<string, unknown>): string | null {
  const parent = invoice.parent as { subscription_details?: { subscription?: unknown } } | null | undefined;
  return idOf(parent?.subscription_details?.subscription) ?? idOf(invoice.subscription);
}
