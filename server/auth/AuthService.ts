import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { checkDisplayName } from '@shared';
import type { RefreshTokenRepository, UserRepository } from '../db';
import { AuthError } from './AuthError';
import type { TokenSigner } from './jwt';

/** What sign-in and refresh answer (POST /api/auth/guest, /api/auth/refresh). */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  user: { id: string; name: string };
}

/** Token lifetimes. */
export interface AuthTtls {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** Guest sign-in and refresh-token rotation with reuse detection. */
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    readonly signer: TokenSigner,
    private readonly ttls: AuthTtls,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a guest account and signs it in. */
  async signInGuest(rawName: unknown): Promise<TokenPair> {
    const check = checkDisplayName(rawName);
    if (!check.ok) throw new AuthError('invalid_name', check.reason, 400);
    const user = await this.users.createGuest(check.name, this.now());
    return this.issue(user, randomUUID());
  }

  /** Signs in an account found or made by another method (Auth0): a new token family. */
  async signInUser(user: { id: string; name: string; isGuest: boolean }): Promise<TokenPair> {
    return this.issue(user, randomUUID());
  }

  /** Ends the sign-in a refresh token belongs to (every token of its family); unknown tokens change nothing. */
  async signOut(rawToken: unknown): Promise<void> {
    if (typeof rawToken !== 'string' || rawToken.length === 0 || rawToken.length > 256) return;
    const stored = await this.refreshTokens.findByHash(hashToken(rawToken));
    if (stored) await this.refreshTokens.revokeFamily(stored.familyId, this.now());
  }

  /**
   * Spends a refresh token and issues a new pair in the same family. A token that was already
   * spent means it leaked (or was replayed): the whole family is revoked and both parties must sign in again.
   */
  async refresh(rawToken: unknown): Promise<TokenPair> {
    if (typeof rawToken !== 'string' || rawToken.length === 0 || rawToken.length > 256) {
      throw new AuthError('invalid_token', 'A refresh token is required.', 400);
    }
    const stored = await this.refreshTokens.findByHash(hashToken(rawToken));
    if (!stored) throw new AuthError('invalid_token', 'The refresh token is not valid: sign in again.');
    if (stored.revokedAt) throw new AuthError('invalid_token', 'This sign-in was revoked: sign in again.');
    if (stored.usedAt) return this.reuseDetected(stored.familyId);
    if (stored.expiresAt <= this.now())
      throw new AuthError('expired_token', 'The refresh token has expired: sign in again.');
    if (!(await this.refreshTokens.spend(stored.tokenHash, this.now())))
      return this.reuseDetected(stored.familyId);
    const user = await this.users.findById(stored.userId);
    if (!user) throw new AuthError('unknown_user', 'The account no longer exists.');
    return this.issue(user, stored.familyId);
  }

  private async reuseDetected(familyId: string): Promise<never> {
    await this.refreshTokens.revokeFamily(familyId, this.now());
    throw new AuthError(
      'token_reused',
      'This refresh token was already used, so the sign-in has been revoked for safety: sign in again.',
    );
  }

  private async issue(
    user: { id: string; name: string; isGuest: boolean },
    familyId: string,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.refreshTokens.insert({
      tokenHash: hashToken(refreshToken),
      userId: user.id,
      familyId,
      expiresAt: new Date(now.getTime() + this.ttls.refreshTtlSeconds * 1000),
      createdAt: now,
    });
    const accessToken = this.signer.signAccess(
      { userId: user.id, name: user.name, guest: user.isGuest },
      this.ttls.accessTtlSeconds,
    );
    return { accessToken, refreshToken, user: { id: user.id, name: user.name } };
  }
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
