import type { AccountView, LimitRefusal, MeView, Plan, TierId, VoiceProvider } from '@shared';
import { usageDay, type Repositories, type User } from '../db';
import { effectiveTier } from './effectiveTier';
import { LimitError } from './LimitError';
import { checkLimit, checkVoiceProvider, type Plans } from './limits';

/** What the account service needs from the rest of the process. */
export interface AccountsDeps {
  repos: Pick<Repositories, 'users' | 'subscriptions' | 'usage' | 'characters' | 'avatars'>;
  plans: Plans;
  defaultTier: TierId;
  /** False with billing off: everyone has the default plan. */
  billingEnabled: boolean;
  /** Billing Meter names of usage billed by use (creator plan), when billing is on. */
  meters?: { aiTurns: string; voiceSeconds: string };
  isAdmin(userId: string): Promise<boolean>;
  /** Live rooms `userId` hosts now (across processes). */
  liveRoomsHostedBy(userId: string): Promise<number>;
  now?: () => Date;
}

/**
 * A user's plan, what it allows and what they have used; the checks that refuse a request at a
 * limit (LimitError: the limit and the plan that lifts it); and the daily AI-turn allowance.
 */
export class Accounts {
  private readonly now: () => Date;

  constructor(private readonly d: AccountsDeps) {
    this.now = d.now ?? (() => new Date());
  }

  get plans(): Plans {
    return this.d.plans;
  }

  async tierOf(userId: string): Promise<TierId> {
    if (!this.d.billingEnabled) return this.d.defaultTier;
    const sub = await this.d.repos.subscriptions.findByUser(userId);
    return effectiveTier(sub, this.d.defaultTier, this.now());
  }

  async planOf(userId: string): Promise<Plan> {
    return this.d.plans[await this.tierOf(userId)];
  }

  /** GET /api/me: who, which plan, what it allows and what is used. */
  async me(userId: string): Promise<MeView | null> {
    const user = await this.d.repos.users.findById(userId);
    if (!user) return null;
    const [tier, sub, admin, usage] = await Promise.all([
      this.planOf(userId),
      this.d.billingEnabled ? this.d.repos.subscriptions.findByUser(userId) : null,
      this.d.isAdmin(userId),
      this.usageOf(userId),
    ]);
    return {
      user: accountView(user, admin),
      tier,
      subscription:
        sub && sub.status !== 'none'
          ? {
              status: sub.status,
              currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
              cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
            }
          : null,
      entitlements: tier.limits,
      usage,
      billing: { enabled: this.d.billingEnabled },
    };
  }

  async usageOf(userId: string): Promise<MeView['usage']> {
    const day = usageDay(this.now());
    const [rooms, characters, uploads, turns, voiceMs] = await Promise.all([
      this.d.liveRoomsHostedBy(userId),
      this.d.repos.characters.countOwnedBy(userId),
      this.d.repos.avatars.usageOf(userId),
      this.d.repos.usage.amountOn(userId, 'ai_turns', day),
      this.d.repos.usage.amountOn(userId, 'voice_ms', day),
    ]);
    return {
      roomsHosted: rooms,
      characters,
      avatarUploads: uploads.count,
      avatarBytes: uploads.bytes,
      aiTurnsToday: turns,
      voiceSecondsToday: Math.round(voiceMs / 1000),
    };
  }

  /** Throws LimitError when `userId` may not start another live room. */
  async checkNewRoom(userId: string): Promise<void> {
    await this.refuseIf(userId, (t) =>
      this.d.liveRoomsHostedBy(userId).then((n) => checkLimit(this.d.plans, t, 'roomsHosted', n)),
    );
  }

  async checkNewCharacter(userId: string): Promise<void> {
    await this.refuseIf(userId, (t) =>
      this.d.repos.characters.countOwnedBy(userId).then((n) => checkLimit(this.d.plans, t, 'characters', n)),
    );
  }

  /** An upload of `bytes` more: one more file, and the total size. */
  async checkUpload(userId: string, bytes: number): Promise<void> {
    await this.refuseIf(userId, async (t) => {
      const used = await this.d.repos.avatars.usageOf(userId);
      return (
        checkLimit(this.d.plans, t, 'avatarUploads', used.count) ??
        checkLimit(this.d.plans, t, 'avatarBytes', used.bytes, bytes)
      );
    });
  }

  async checkVoice(userId: string, provider: VoiceProvider): Promise<void> {
    await this.refuseIf(userId, async (t) => checkVoiceProvider(this.d.plans, t, provider));
  }

  /** Knowledge for one character: `storedBytes` there now, `addingBytes` more. */
  async checkKnowledge(userId: string, storedBytes: number, addingBytes: number): Promise<void> {
    await this.refuseIf(userId, async (t) =>
      checkLimit(this.d.plans, t, 'knowledgeBytes', storedBytes, addingBytes),
    );
  }

  /**
   * Takes one AI turn from the host's daily allowance (atomically, across rooms and processes);
   * answers the refusal when it is used up. A metered plan's turn is also recorded for billing.
   */
  async takeAiTurn(hostId: string): Promise<LimitRefusal | null> {
    const plan = await this.planOf(hostId);
    const max = plan.limits.aiTurnsPerDay;
    const taken = await this.d.repos.usage.takeWithin(hostId, 'ai_turns', usageDay(this.now()), max);
    if (taken === null) return checkLimit(this.d.plans, plan.id, 'aiTurnsPerDay', max);
    if (plan.metered && this.d.meters)
      await this.d.repos.usage.recordMetered(hostId, this.d.meters.aiTurns, 1);
    return null;
  }

  /** Counts speech the character spoke in a room `hostId` hosts. */
  async recordVoice(hostId: string, durationMs: number): Promise<void> {
    const ms = Math.max(0, Math.round(durationMs));
    await this.d.repos.usage.add(hostId, 'voice_ms', usageDay(this.now()), ms);
    const plan = await this.planOf(hostId);
    if (plan.metered && this.d.meters)
      await this.d.repos.usage.recordMetered(hostId, this.d.meters.voiceSeconds, ms);
  }

  private async refuseIf(
    userId: string,
    check: (tier: TierId) => Promise<LimitRefusal | null>,
  ): Promise<void> {
    const refusal = await check(await this.tierOf(userId));
    if (refusal) throw new LimitError(this.d.plans, refusal);
  }
}

/** A user as the API shows them (never their Auth0 id or anything secret). */
export function accountView(user: User, admin: boolean): AccountView {
  return {
    id: user.id,
    name: user.name,
    email: user.email ?? null,
    picture: user.picture ?? null,
    guest: user.isGuest,
    roles: user.roles ?? [],
    admin,
  };
}
