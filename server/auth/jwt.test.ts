import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { AuthError } from './AuthError';
import { TokenSigner } from './jwt';

const SECRET = 's'.repeat(40);
const signer = new TokenSigner(SECRET);
const claims = { userId: 'u1', name: 'Aiko', guest: true };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AuthError ? e.code : `not an AuthError: ${String(e)}`;
  }
  return undefined;
}

/** Builds a token by hand, so the test can forge what a library would refuse to sign. */
function handMade(header: object, payload: object, key = SECRET): string {
  const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const body = `${enc(header)}.${enc(payload)}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

describe('TokenSigner', () => {
  it('round-trips access claims', () => {
    expect(signer.verifyAccess(signer.signAccess(claims, 60))).toEqual(claims);
  });

  it('round-trips link claims', () => {
    const link = { roomId: 'r1', role: 'spectator' as const, generation: 3 };
    expect(signer.verifyLink(signer.signLink(link, 60))).toEqual(link);
  });

  it('refuses a token signed with another secret', () => {
    expect(codeOf(() => signer.verifyAccess(new TokenSigner('x'.repeat(40)).signAccess(claims, 60)))).toBe(
      'invalid_token',
    );
  });

  it('refuses alg "none" and other algorithms', () => {
    const now = Math.floor(Date.now() / 1000);
    const payload = { sub: 'u1', name: 'Mallory', aud: 'access', iss: 'kotodama', iat: now, exp: now + 60 };
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
    expect(codeOf(() => signer.verifyAccess(none))).toBe('invalid_token');
    expect(codeOf(() => signer.verifyAccess(handMade({ alg: 'HS512', typ: 'JWT' }, payload)))).toBe(
      'invalid_token',
    );
    expect(
      codeOf(() => signer.verifyAccess(handMade({ alg: 'HS256', typ: 'JWT' }, payload))),
    ).toBeUndefined();
  });

  it('refuses an expired token with its own code', () => {
    const expired = jwt.sign({ name: 'A' }, SECRET, {
      algorithm: 'HS256',
      issuer: 'kotodama',
      audience: 'access',
      subject: 'u1',
      expiresIn: -10,
    });
    expect(codeOf(() => signer.verifyAccess(expired))).toBe('expired_token');
  });

  it('does not accept a link token as an access token, or the reverse', () => {
    const link = signer.signLink({ roomId: 'r1', role: 'participant', generation: 0 }, 60);
    expect(codeOf(() => signer.verifyAccess(link))).toBe('invalid_token');
    expect(codeOf(() => signer.verifyLink(signer.signAccess(claims, 60)))).toBe('invalid_token');
  });

  it('refuses a link that claims a role it cannot have', () => {
    const forged = jwt.sign({ role: 'host', gen: 0 }, SECRET, {
      algorithm: 'HS256',
      issuer: 'kotodama',
      audience: 'room-link',
      subject: 'r1',
      expiresIn: 60,
    });
    expect(codeOf(() => signer.verifyLink(forged))).toBe('invalid_token');
  });

  it.each([undefined, null, 42, '', 'a.b.c', 'x'.repeat(5000), {}])('refuses junk %#', (junk) => {
    expect(codeOf(() => signer.verifyAccess(junk))).toBe('invalid_token');
  });
});
