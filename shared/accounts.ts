/**
 * Accounts and plans as the HTTP API shows them (GET /api/me, GET /api/billing/plans): one
 * shape for the server that answers and the lobby that draws it.
 */
import type { VoiceProvider } from './characters';

/** The plans, cheapest first. */
export const TIER_IDS = ['free', 'plus', 'creator'] as const;
export type TierId = (typeof TIER_IDS)[number];

/** What a plan allows. Counts are "at most"; bytes are totals per account (knowledge: per character). */
export interface TierLimits {
  /** People in one room the user hosts, every role counted. */
  roomSize: number;
  spectatorsPerRoom: number;
  /** Live rooms the user hosts at the same time. */
  roomsHosted: number;
  characters: number;
  avatarUploads: number;
  avatarBytes: number;
  /** Knowledge-base bytes per character. */
  knowledgeBytes: number;
  /** Character replies per day (UTC) in the rooms the user hosts. */
  aiTurnsPerDay: number;
  voiceProviders: VoiceProvider[];
  /** May store their own LLM/TTS API key on a character. */
  ownProviderKeys: boolean;
}

/** One plan: its name, price and limits. */
export interface Plan {
  id: TierId;
  name: string;
  /** Monthly price in the smallest currency unit (cents); 0 for free. */
  priceMonthly: number;
  currency: string;
  /** True when AI turns and voice seconds past the allowance are billed by use. */
  metered: boolean;
  limits: TierLimits;
}

/** Which limit a refusal is about (the keys of TierLimits that count something). */
export type LimitName = Exclude<keyof TierLimits, 'voiceProviders' | 'ownProviderKeys'> | 'voiceProvider';

/** What the user has used of their plan. */
export interface Usage {
  roomsHosted: number;
  characters: number;
  avatarUploads: number;
  avatarBytes: number;
  aiTurnsToday: number;
  voiceSecondsToday: number;
}

/** The signed-in user as GET /api/me shows them. */
export interface AccountView {
  id: string;
  name: string;
  email: string | null;
  picture: string | null;
  guest: boolean;
  roles: string[];
  admin: boolean;
}

/** GET /api/me. */
export interface MeView {
  user: AccountView;
  tier: Plan;
  /** The subscription's state when there is one (e.g. "past_due" during the grace period). */
  subscription: { status: string; currentPeriodEnd: string | null; cancelAtPeriodEnd: boolean } | null;
  entitlements: TierLimits;
  usage: Usage;
  /** Where the lobby sends people to upgrade or manage their plan (null when billing is off). */
  billing: { enabled: boolean };
}

/** GET /api/auth/options: which sign-in methods this server offers. */
export interface SignInOptions {
  guest: true;
  auth0: boolean;
}

/** The body of a refusal at a plan limit (HTTP 403 `limit_reached`, also sent on room joins). */
export interface LimitRefusal {
  limit: LimitName;
  max: number;
  tier: TierId;
  /** The cheapest plan that allows more, or null on the top plan. */
  upgradeTo: TierId | null;
}
