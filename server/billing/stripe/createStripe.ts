import Stripe from 'stripe';

/** Where the Stripe API is and how to reach it. */
export interface StripeOptions {
  secretKey: string;
  /** Another Stripe-compatible API origin (a local fake in tests); default api.stripe.com. */
  apiUrl?: string;
  /** Retries of a failed request (the SDK resends with the same idempotency key). */
  maxNetworkRetries?: number;
}

/** The Stripe SDK client, pointed at api.stripe.com or at `apiUrl`. */
export function createStripe(o: StripeOptions): Stripe {
  const url = o.apiUrl ? new URL(o.apiUrl) : null;
  return new Stripe(o.secretKey, {
    maxNetworkRetries: o.maxNetworkRetries ?? 2,
    timeout: 20_000,
    ...(url
      ? {
          host: url.hostname,
          port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
          protocol: url.protocol === 'https:' ? 'https' : 'http',
        }
      : {}),
  });
}
