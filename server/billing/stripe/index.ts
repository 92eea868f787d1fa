/** Stripe: checkout and portal, signed webhooks onto subscriptions, usage meters. */
export { createStripe, type StripeOptions } from './createStripe';
export { StripeCheckout, type StripeCheckoutOptions } from './StripeCheckout';
export { StripeWebhooks, type StripeWebhooksOptions } from './StripeWebhooks';
export { MeterReporter, type MeterReporterOptions } from './MeterReporter';
export { readSubscription, type ReadSubscription, type StripeSubscriptionLike } from './subscriptionState';
