import jwt from 'jsonwebtoken';
import { AuthError } from './AuthError';

const ALGORITHM = 'HS256';
const ISSUER = 'kotodama';

/** What an access token says about its bearer. */
export interface AccessClaims {
  userId: string;
  name: string;
  guest: boolean;
}

/** Roles a room link can grant. */
export type LinkRole = 'participant' | 'spectator';

/** What a room link says: which room, which role, and which generation of links it belongs to. */
export interface LinkClaims {
  roomId: string;
  role: LinkRole;
  generation: number;
}

/** Signs and verifies our JWTs. HS256 is pinned, and each kind has its own audience so one cannot pass for another. */
export class TokenSigner {
  constructor(private readonly secret: string) {}

  signAccess(claims: AccessClaims, ttlSeconds: number): string {
    return jwt.sign({ name: claims.name, guest: claims.guest }, this.secret, {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: 'access',
      subject: claims.userId,
      expiresIn: ttlSeconds,
    });
  }

  verifyAccess(token: unknown): AccessClaims {
    const payload = this.verify(token, 'access');
    if (typeof payload.sub !== 'string' || typeof payload.name !== 'string') throw invalid();
    return { userId: payload.sub, name: payload.name, guest: payload.guest === true };
  }

  signLink(claims: LinkClaims, ttlSeconds: number): string {
    return jwt.sign({ role: claims.role, gen: claims.generation }, this.secret, {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: 'room-link',
      subject: claims.roomId,
      expiresIn: ttlSeconds,
    });
  }

  verifyLink(token: unknown): LinkClaims {
    const payload = this.verify(token, 'room-link');
    const role = payload.role;
    if (
      typeof payload.sub !== 'string' ||
      (role !== 'participant' && role !== 'spectator') ||
      typeof payload.gen !== 'number'
    )
      throw invalid();
    return { roomId: payload.sub, role, generation: payload.gen };
  }

  /** A short-lived ticket naming a guest who is about to sign in with Auth0 (their things move to the account). */
  signGuestTicket(userId: string, ttlSeconds = 300): string {
    return jwt.sign({}, this.secret, {
      algorithm: ALGORITHM,
      issuer: ISSUER,
      audience: 'guest-link',
      subject: userId,
      expiresIn: ttlSeconds,
    });
  }

  /** The guest's user id from a ticket. */
  verifyGuestTicket(token: unknown): string {
    const payload = this.verify(token, 'guest-link');
    if (typeof payload.sub !== 'string') throw invalid();
    return payload.sub;
  }

  private verify(token: unknown, audience: string): jwt.JwtPayload {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw invalid();
    try {
      const payload = jwt.verify(token, this.secret, { algorithms: [ALGORITHM], issuer: ISSUER, audience });
      if (typeof payload === 'string') throw invalid();
      return payload;
    } catch (err) {
      if (err instanceof jwt.TokenExpiredError)
        throw new AuthError('expired_token', 'The token has expired: refresh it or sign in again.');
      throw invalid();
    }
  }
}

function invalid(): AuthError {
  return new AuthError('invalid_token', 'The token is not valid: sign in again.');
}
