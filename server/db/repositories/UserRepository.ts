import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../entities';
import type { UserRole } from '../entities/User';
import type { Database } from '../database';
import { isUuid } from './isUuid';

/** What an Auth0 ID token says about a person. */
export interface Auth0Profile {
  auth0Id: string;
  name: string;
  email: string | null;
  picture: string | null;
  /** Roles the identity provider grants; undefined leaves the account's roles as they are. */
  roles?: UserRole[];
}

/** Accounts: guests created by name, Auth0 accounts found or made from their ID token, looked up by id. */
export class UserRepository {
  constructor(private readonly db: Database) {}

  /** Creates a guest account with the given (already validated) name. */
  async createGuest(name: string, now = new Date()): Promise<User> {
    const em = this.db.em();
    const user = em.create(User, { id: randomUUID(), name, isGuest: true, roles: [], createdAt: now });
    await em.persistAndFlush(user);
    return user;
  }

  async findById(id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    return this.db.em().findOne(User, { id });
  }

  async findByAuth0Id(auth0Id: string): Promise<User | null> {
    return this.db.em().findOne(User, { auth0Id });
  }

  /**
   * Signs an Auth0 identity in: the account with this `auth0Id` (its profile refreshed), else the
   * guest `guestId` turned into that account, else a new account. A guest who signs in to an account
   * that already exists (a second device) has everything they made moved to it, and the guest is removed.
   */
  async signInAuth0(profile: Auth0Profile, guestId: string | null, now = new Date()): Promise<User> {
    return this.db.em().transactional(async (em) => {
      const guest = guestId ? await em.findOne(User, { id: guestId, isGuest: true }) : null;
      const email = await this.freeEmail(em, profile, guest?.id);
      let user = await em.findOne(User, { auth0Id: profile.auth0Id });
      if (user && guest) await moveEverything(em, guest.id, user.id);
      if (!user && guest) user = guest;
      user ??= em.create(User, {
        id: randomUUID(),
        roles: [],
        createdAt: now,
        name: profile.name,
        isGuest: false,
      });
      if (profile.roles) user.roles = profile.roles;
      em.assign(user, {
        auth0Id: profile.auth0Id,
        name: profile.name,
        email,
        picture: profile.picture,
        isGuest: false,
      });
      await em.flush();
      return user;
    });
  }

  /** The profile's e-mail unless another account (not this identity's, not the guest's) already holds it. */
  private async freeEmail(
    em: EntityManager,
    profile: Auth0Profile,
    guestId?: string,
  ): Promise<string | null> {
    if (!profile.email) return null;
    const holder = await em.findOne(User, { email: profile.email });
    if (!holder || holder.auth0Id === profile.auth0Id || holder.id === guestId) return profile.email;
    return null;
  }
}

/**
 * Re-owns a guest's characters, uploads, rooms, chat lines and usage to `toId`, then deletes the
 * guest. An upload both accounts have (same file) is kept once, and the guest's characters wear
 * the account's copy.
 */
async function moveEverything(em: EntityManager, fromId: string, toId: string): Promise<void> {
  const run = (sql: string, params: unknown[]) =>
    em.getConnection().execute(sql, params, 'run', em.getTransactionContext());
  await run(
    `update "characters" c set "avatar_id" = mine."id" from "vrm_models" theirs, "vrm_models" mine
     where c."avatar_id" = theirs."id" and theirs."owner_id" = ? and mine."owner_id" = ? and mine."content_hash" = theirs."content_hash"`,
    [fromId, toId],
  );
  await run(
    `delete from "vrm_models" theirs using "vrm_models" mine
     where theirs."owner_id" = ? and mine."owner_id" = ? and mine."content_hash" = theirs."content_hash"`,
    [fromId, toId],
  );
  for (const [table, column] of [
    ['vrm_models', 'owner_id'],
    ['characters', 'owner_id'],
    ['rooms', 'owner_id'],
    ['messages', 'user_id'],
    ['meter_usage', 'user_id'],
  ])
    await run(`update "${table}" set "${column}" = ? where "${column}" = ?`, [toId, fromId]);
  await run(
    `insert into "usage_counters" ("user_id", "metric", "day", "amount")
     select ?, "metric", "day", "amount" from "usage_counters" where "user_id" = ?
     on conflict ("user_id", "metric", "day") do update set "amount" = "usage_counters"."amount" + excluded."amount"`,
    [toId, fromId],
  );
  await run(`delete from "users" where "id" = ?`, [fromId]);
}
