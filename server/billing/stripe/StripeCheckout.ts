import type Stripe from 'stripe';
import { TIER_IDS, type TierId } from '@shared';
import type { Repositories } from '../../db';
import { HttpError } from '../../http';

/** What checkout and the portal need. */
export interface StripeCheckoutOptions {
  stripe: Stripe;
  repos: Pick<Repositories, 'users' | 'subscriptions'>;
  prices: Partial<Record<TierId, string>>;
  /** Metered prices added to the creator plan's checkout (usage billed by meter). */
  usagePrices?: string[];
  defaultTier: TierId;
  /** Page origin the customer comes back to. */
  publicUrl: string;
}

/** Starts a Stripe Checkout for a plan and opens the Customer Portal. */
export class StripeCheckout {
  constructor(private readonly o: StripeCheckoutOptions) {}

  /** POST /api/billing/checkout {plan}: the URL of a Checkout Session for the plan. */
  async checkout(userId: string, plan: unknown): Promise<{ url: string }> {
    const tier = this.paidTier(plan);
    const price = this.o.prices[tier]!;
    const customer = await this.customerOf(userId);
    const metered = tier === 'creator' ? (this.o.usagePrices ?? []).map((p) => ({ price: p })) : [];
    const session = await this.o.stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: userId,
      line_items: [{ price, quantity: 1 }, ...metered],
      subscription_data: { metadata: { userId, tier } },
      metadata: { userId, tier },
      success_url: `${this.o.publicUrl}/?billing=done`,
      cancel_url: `${this.o.publicUrl}/?billing=cancelled`,
    });
    if (!session.url)
      throw new HttpError(502, 'billing_unavailable', 'Stripe did not return a checkout page; try again.');
    return { url: session.url };
  }

  /** POST /api/billing/portal: the URL of the Customer Portal (change plan, card, cancel). */
  async portal(userId: string): Promise<{ url: string }> {
    const customer = (await this.o.repos.subscriptions.findByUser(userId))?.stripeCustomerId;
    if (!customer)
      throw new HttpError(
        409,
        'no_subscription',
        'You have no subscription to manage yet: choose a plan first.',
      );
    const session = await this.o.stripe.billingPortal.sessions.create({
      customer,
      return_url: `${this.o.publicUrl}/`,
    });
    return { url: session.url };
  }

  private paidTier(plan: unknown): TierId {
    const tier =
      typeof plan === 'string' && (TIER_IDS as readonly string[]).includes(plan) ? (plan as TierId) : null;
    if (!tier || !this.o.prices[tier])
      throw new HttpError(
        400,
        'invalid_plan',
        `Choose a paid plan: ${TIER_IDS.filter((t) => this.o.prices[t]).join(' or ') || 'none is on sale yet'}.`,
      );
    return tier;
  }

  /** The user's Stripe customer, made (and remembered) at their first checkout. */
  private async customerOf(userId: string): Promise<string> {
    const known = (await this.o.repos.subscriptions.findByUser(userId))?.stripeCustomerId;
    if (known) return known;
    const user = await this.o.repos.users.findById(userId);
    if (!user || user.isGuest)
      throw new HttpError(
        403,
        'account_required',
        'Sign in with an account first: a guest cannot subscribe.',
      );
    const customer = await this.o.stripe.customers.create(
      { email: user.email ?? undefined, name: user.name, metadata: { userId } },
      { idempotencyKey: `customer-${userId}` },
    );
    await this.o.repos.subscriptions.saveCustomer(userId, customer.id, this.o.defaultTier);
    return customer.id;
  }
}
