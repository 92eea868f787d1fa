import { EntitySchema } from '@mikro-orm/core';

/**
 * One refresh token of a sign-in "family". Only its SHA-256 hash is stored. Each use spends it
 * and issues a successor; presenting a spent token again revokes the whole family.
 */
export class RefreshToken {
  tokenHash!: string;
  userId!: string;
  familyId!: string;
  expiresAt!: Date;
  usedAt?: Date | null;
  revokedAt?: Date | null;
  createdAt!: Date;
}

export const RefreshTokenSchema = new EntitySchema<RefreshToken>({
  class: RefreshToken,
  tableName: 'refresh_tokens',
  properties: {
    tokenHash: { type: 'string', length: 64, primary: true },
    userId: { type: 'uuid', index: true },
    familyId: { type: 'uuid', index: true },
    expiresAt: { type: 'datetime' },
    usedAt: { type: 'datetime', nullable: true },
    revokedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
  },
});
