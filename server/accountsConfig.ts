import { TIER_IDS, type Plan, type TierId } from '@shared';
import type { Config } from './config';
import { DEFAULT_PLANS } from './tiers';

/** The parsed variables the account, billing and API-security settings come from (see config.ts). */
export interface AccountsEnv {
  PUBLIC_URL?: string;
  PORT: number;
  AUTH0_DOMAIN?: string;
  AUTH0_CLIENT_ID?: string;
  AUTH0_CLIENT_SECRET?: string;
  AUTH0_BASE_URL?: string;
  AUTH0_AUDIENCE?: string;
  STRIPE_SECRET_KEY?: string;
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_API_URL?: string;
  STRIPE_PRICE_PLUS?: string;
  STRIPE_PRICE_CREATOR?: string;
  STRIPE_METER_AI_TURNS: string;
  STRIPE_METER_VOICE_SECONDS: string;
  BILLING_GRACE_DAYS: number;
  DEFAULT_TIER: TierId;
  TIERS?: string;
  CORS_ORIGINS: string;
  RATE_LIMIT_AUTH_PER_MINUTE: number;
  RATE_LIMIT_UPLOADS_PER_MINUTE: number;
  RATE_LIMIT_ROOMS_PER_MINUTE: number;
  PROVIDER_KEY_SECRET?: string;
  AWS_KMS_KEY_ID?: string;
  AWS_KMS_ENDPOINT?: string;
  AWS_REGION: string;
}

type AccountsConfig = Pick<
  Config,
  'login' | 'billing' | 'plans' | 'corsOrigins' | 'rateLimits' | 'providerKeys'
>;

/** Thrown (as ConfigError by config.ts) when a setting here is wrong. */
export class AccountsConfigError extends Error {}

/** Sign-in, plans, billing and API-security settings from the parsed environment. */
export function accountsOf(e: AccountsEnv): AccountsConfig {
  const publicOrigin = new URL(e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).origin;
  return {
    login:
      e.AUTH0_DOMAIN && e.AUTH0_CLIENT_ID && e.AUTH0_CLIENT_SECRET
        ? {
            kind: 'auth0',
            domain: e.AUTH0_DOMAIN,
            clientId: e.AUTH0_CLIENT_ID,
            clientSecret: e.AUTH0_CLIENT_SECRET,
            baseUrl: (e.AUTH0_BASE_URL ?? `https://${e.AUTH0_DOMAIN}`).replace(/\/$/, ''),
            audience: e.AUTH0_AUDIENCE,
          }
        : { kind: 'guest' },
    billing:
      e.STRIPE_SECRET_KEY && e.STRIPE_WEBHOOK_SECRET
        ? {
            kind: 'stripe',
            secretKey: e.STRIPE_SECRET_KEY,
            webhookSecret: e.STRIPE_WEBHOOK_SECRET,
            defaultTier: e.DEFAULT_TIER,
            apiUrl: e.STRIPE_API_URL,
            prices: { plus: e.STRIPE_PRICE_PLUS, creator: e.STRIPE_PRICE_CREATOR },
            meters: { aiTurns: e.STRIPE_METER_AI_TURNS, voiceSeconds: e.STRIPE_METER_VOICE_SECONDS },
            graceDays: e.BILLING_GRACE_DAYS,
          }
        : { kind: 'off', defaultTier: e.DEFAULT_TIER },
    plans: plansOf(e.TIERS),
    corsOrigins: [publicOrigin, ...originsOf(e.CORS_ORIGINS)],
    rateLimits: {
      auth: e.RATE_LIMIT_AUTH_PER_MINUTE,
      uploads: e.RATE_LIMIT_UPLOADS_PER_MINUTE,
      rooms: e.RATE_LIMIT_ROOMS_PER_MINUTE,
    },
    providerKeys: e.AWS_KMS_KEY_ID
      ? { kind: 'kms', keyId: e.AWS_KMS_KEY_ID, endpoint: e.AWS_KMS_ENDPOINT, region: e.AWS_REGION }
      : { kind: 'local', secret: e.PROVIDER_KEY_SECRET },
  };
}

function originsOf(list: string): string[] {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((o) => {
      try {
        return new URL(o).origin;
      } catch {
        throw new AccountsConfigError(
          `CORS_ORIGINS: "${o}" is not an origin such as https://app.example.com.`,
        );
      }
    });
}

/** The default plan table with the TIERS overrides merged in, checked so every limit stays a number. */
export function plansOf(overrides: string | undefined): Record<TierId, Plan> {
  const plans = structuredClone(DEFAULT_PLANS);
  if (!overrides) return plans;
  let parsed: unknown;
  try {
    parsed = JSON.parse(overrides);
  } catch {
    throw new AccountsConfigError('TIERS is not valid JSON: see server/tiers.ts for its shape.');
  }
  if (!parsed || typeof parsed !== 'object') throw new AccountsConfigError('TIERS must be a JSON object.');
  for (const [id, change] of Object.entries(parsed as Record<string, Partial<Plan>>)) {
    if (!(TIER_IDS as readonly string[]).includes(id))
      throw new AccountsConfigError(`TIERS: "${id}" is not a plan; the plans are ${TIER_IDS.join(', ')}.`);
    const plan = plans[id as TierId];
    const { limits, ...rest } = change ?? {};
    Object.assign(plan, pick(rest, ['name', 'priceMonthly', 'currency', 'metered']));
    for (const [k, v] of Object.entries(limits ?? {})) {
      const current = (plan.limits as unknown as Record<string, unknown>)[k];
      if (current === undefined || typeof current !== typeof v || (typeof v === 'number' && v < 0))
        throw new AccountsConfigError(
          `TIERS: ${id}.limits.${k} must be a ${typeof current} like the default.`,
        );
      (plan.limits as unknown as Record<string, unknown>)[k] = v;
    }
  }
  return plans;
}

function pick<T extends object>(o: T, keys: string[]): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keys.includes(k))) as Partial<T>;
}
