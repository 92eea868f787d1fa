import { RefreshToken } from '../entities';
import type { Database } from '../database';

/** Hashed refresh tokens, spent atomically so two concurrent uses cannot both succeed. */
export class RefreshTokenRepository {
  constructor(private readonly db: Database) {}

  async insert(token: Omit<RefreshToken, 'usedAt' | 'revokedAt'>): Promise<void> {
    const em = this.db.em();
    em.create(RefreshToken, { ...token, usedAt: null, revokedAt: null });
    await em.flush();
  }

  async findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.db.em().findOne(RefreshToken, { tokenHash });
  }

  /** Marks the token used if it was unused and live; returns false when someone spent it first. */
  async spend(tokenHash: string, now = new Date()): Promise<boolean> {
    const updated = await this.db
      .em()
      .nativeUpdate(
        RefreshToken,
        { tokenHash, usedAt: null, revokedAt: null, expiresAt: { $gt: now } },
        { usedAt: now },
      );
    return updated === 1;
  }

  /** Revokes every token of a sign-in family (reuse of a spent token was detected). */
  async revokeFamily(familyId: string, now = new Date()): Promise<number> {
    return this.db.em().nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now });
  }
}
