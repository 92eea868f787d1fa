import { ServerError } from '@colyseus/core';
import { JOIN_ERRORS, PROTOCOL_VERSION } from '@shared';
import { AuthError, type TokenSigner } from '../auth';
import type { JoinIdentity } from './logic/joinPolicy';

/**
 * The room's static onAuth: checks the protocol version and verifies the access and link tokens.
 * Identity and link claims come only from signatures; any role a client claims is ignored.
 */
export function authenticate(signer: TokenSigner, options: unknown): JoinIdentity {
  const o = (options && typeof options === 'object' ? options : {}) as Record<string, unknown>;
  if (o.protocol !== PROTOCOL_VERSION) {
    throw new ServerError(
      JOIN_ERRORS.protocolMismatch,
      `This page speaks protocol ${String(o.protocol)} but the server speaks ${PROTOCOL_VERSION}: please reload the page.`,
    );
  }
  return { user: verifyUser(signer, o.token), link: verifyLink(signer, o.link) };
}

function verifyUser(signer: TokenSigner, token: unknown): JoinIdentity['user'] {
  if (token === undefined || token === null || token === '') return null;
  try {
    const claims = signer.verifyAccess(token);
    return { userId: claims.userId, name: claims.name };
  } catch (err) {
    const reason =
      err instanceof AuthError && err.code === 'expired_token'
        ? 'Your sign-in has expired'
        : 'Your sign-in is not valid';
    throw new ServerError(JOIN_ERRORS.signInRequired, `${reason}: sign in again (a guest name will do).`);
  }
}

function verifyLink(signer: TokenSigner, link: unknown): JoinIdentity['link'] {
  if (link === undefined || link === null || link === '') return null;
  try {
    return signer.verifyLink(link);
  } catch (err) {
    const expired = err instanceof AuthError && err.code === 'expired_token';
    throw new ServerError(
      JOIN_ERRORS.invalidLink,
      expired
        ? 'This room link has expired: ask the host for a new one.'
        : 'This room link is not valid: ask the host for a new one.',
    );
  }
}
