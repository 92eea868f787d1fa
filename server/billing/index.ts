/** Plans, entitlements and usage; Stripe checkout, portal, webhooks and usage meters. */
export { Accounts, accountView, type AccountsDeps } from './Accounts';
export { effectiveTier, type SubscriptionState } from './effectiveTier';
export { LimitError } from './LimitError';
export { checkLimit, checkVoiceProvider, refusalMessage, type Plans } from './limits';
export { checkJoin, type RoomCounts } from './limits';
export { allowanceNotice } from './allowanceNotice';
export {
  createStripe,
  MeterReporter,
  StripeCheckout,
  StripeWebhooks,
  readSubscription,
  type StripeSubscriptionLike,
} from './stripe';
