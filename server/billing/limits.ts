import {
  TIER_IDS,
  type LimitName,
  type LimitRefusal,
  type Plan,
  type TierId,
  type VoiceProvider,
} from '@shared';

/** The plan table: every plan by id. */
export type Plans = Readonly<Record<TierId, Plan>>;

const LABELS: Record<LimitName, (n: number) => string> = {
  roomSize: (n) => `${n} people in a room`,
  spectatorsPerRoom: (n) => `${n} spectators in a room`,
  roomsHosted: (n) => `${n} live room${n === 1 ? '' : 's'} at a time`,
  characters: (n) => `${n} character${n === 1 ? '' : 's'}`,
  avatarUploads: (n) => `${n} avatar upload${n === 1 ? '' : 's'}`,
  avatarBytes: (n) => `${megabytes(n)} of avatar uploads`,
  knowledgeBytes: (n) => `${megabytes(n)} of knowledge per character`,
  aiTurnsPerDay: (n) => `${n} character replies a day`,
  voiceProvider: () => 'this voice',
};

/**
 * The refusal when `used + adding` would pass the plan's `limit`, else null. `used` is what the
 * account has now; `adding` what the request would add (1 for a new room, the file size for an upload).
 */
export function checkLimit(
  plans: Plans,
  tier: TierId,
  limit: Exclude<LimitName, 'voiceProvider'>,
  used: number,
  adding = 1,
): LimitRefusal | null {
  const max = plans[tier].limits[limit];
  if (used + adding <= max) return null;
  return { limit, max, tier, upgradeTo: cheapestAbove(plans, tier, (p) => used + adding <= p.limits[limit]) };
}

/** The refusal when the plan does not include the voice provider, else null. */
export function checkVoiceProvider(plans: Plans, tier: TierId, provider: VoiceProvider): LimitRefusal | null {
  if (plans[tier].limits.voiceProviders.includes(provider)) return null;
  return {
    limit: 'voiceProvider',
    max: 0,
    tier,
    upgradeTo: cheapestAbove(plans, tier, (p) => p.limits.voiceProviders.includes(provider)),
  };
}

/** The first plan after `tier` (in price order) that satisfies `fits`. */
function cheapestAbove(plans: Plans, tier: TierId, fits: (p: Plan) => boolean): TierId | null {
  const above = TIER_IDS.slice(TIER_IDS.indexOf(tier) + 1).map((id) => plans[id]);
  return above.find(fits)?.id ?? null;
}

/** Says the refusal to the person who hit it ("your plan") or to someone else ("the host's plan"). */
export function refusalMessage(plans: Plans, r: LimitRefusal, whose: 'your' | "the host's" = 'your'): string {
  const plan = plans[r.tier];
  const what =
    r.limit === 'voiceProvider'
      ? `${capital(whose)} ${plan.name} plan does not include this voice.`
      : `${capital(whose)} ${plan.name} plan allows ${LABELS[r.limit](r.max)}.`;
  if (!r.upgradeTo) return `${what} That is the most we offer.`;
  const next = plans[r.upgradeTo];
  const more = r.limit === 'voiceProvider' ? 'to use it' : `for ${LABELS[r.limit](next.limits[r.limit])}`;
  const who = whose === 'your' ? 'Upgrade' : 'The host can upgrade';
  return `${what} ${who} to ${next.name} ${more} (lobby → Your plan).`;
}

function capital(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1024 ? `${+(mb / 1024).toFixed(1)} GB` : `${+mb.toFixed(1)} MB`;
}

/** People in a room, for the join check. */
export interface RoomCounts {
  people: number;
  spectators: number;
}

/**
 * Whether one more person of `role` fits in a room under its host's plan: the host always does;
 * everyone counts toward the room size, spectators also toward the spectator limit.
 */
export function checkJoin(plans: Plans, tier: TierId, counts: RoomCounts, role: string): LimitRefusal | null {
  if (role === 'host') return null;
  return (
    checkLimit(plans, tier, 'roomSize', counts.people) ??
    (role === 'spectator' ? checkLimit(plans, tier, 'spectatorsPerRoom', counts.spectators) : null)
  );
}
