import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** What an Auth0 ID token must be: signed by the tenant's key, for us, from the tenant, fresh. */
export interface IdTokenVerifierOptions {
  /** The tenant's issuer, e.g. https://example.eu.auth0.com/ */
  issuer: string;
  /** Our client id (the token's audience). */
  audience: string;
  /** Where the tenant's signing keys are, e.g. https://example.eu.auth0.com/.well-known/jwks.json */
  jwksUrl: string;
  clockToleranceSeconds?: number;
  fetchFn?: typeof fetch;
}

/** The claims of a verified ID token. */
export type IdTokenClaims = jwt.JwtPayload & { sub: string };

/** Why an ID token was refused. */
export class IdTokenError extends Error {
  override name = 'IdTokenError';
}

/** Fetch the key set again at most this often when a token names a key we do not know. */
const REFRESH_MIN_MS = 30_000;

/**
 * Verifies ID tokens: the RS256 signature against the tenant's JSON Web Key Set (fetched and
 * cached; fetched again when a new key id appears), issuer, audience, expiry and nonce.
 * (passport-auth0 checks the claims but not the signature.)
 */
export class IdTokenVerifier {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = 0;
  private fetching: Promise<void> | null = null;

  constructor(private readonly o: IdTokenVerifierOptions) {}

  async verify(idToken: unknown, nonce: string | undefined): Promise<IdTokenClaims> {
    if (typeof idToken !== 'string' || idToken.length > 16_384)
      throw new IdTokenError('No ID token came back.');
    const decoded = jwt.decode(idToken, { complete: true });
    const kid = decoded?.header.kid;
    if (!decoded || decoded.header.alg !== 'RS256' || !kid)
      throw new IdTokenError('The ID token is not an RS256 token with a key id.');
    const key = await this.keyFor(kid);
    try {
      const claims = jwt.verify(idToken, key, {
        algorithms: ['RS256'],
        issuer: this.o.issuer,
        audience: this.o.audience,
        clockTolerance: this.o.clockToleranceSeconds ?? 60,
        ...(nonce ? { nonce } : {}),
      });
      if (typeof claims === 'string' || typeof claims.sub !== 'string') throw new IdTokenError('No subject.');
      return claims as IdTokenClaims;
    } catch (err) {
      if (err instanceof IdTokenError) throw err;
      throw new IdTokenError(`The ID token was refused: ${(err as Error).message}.`);
    }
  }

  private async keyFor(kid: string): Promise<KeyObject> {
    if (!this.keys.has(kid) && Date.now() - this.fetchedAt > REFRESH_MIN_MS) await this.refresh();
    const key = this.keys.get(kid);
    if (!key)
      throw new IdTokenError(`The ID token is signed with a key (${kid}) the tenant does not publish.`);
    return key;
  }

  private refresh(): Promise<void> {
    this.fetching ??= this.load().finally(() => (this.fetching = null));
    return this.fetching;
  }

  private async load(): Promise<void> {
    const res = await (this.o.fetchFn ?? fetch)(this.o.jwksUrl, { signal: AbortSignal.timeout(10_000) });
    if (!res.ok)
      throw new IdTokenError(`Could not read the signing keys (${res.status} from ${this.o.jwksUrl}).`);
    const body = (await res.json()) as { keys?: (JsonWebKey & { kid?: string; use?: string })[] };
    const keys = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? [])
      if (jwk.kid && jwk.kty === 'RSA' && (!jwk.use || jwk.use === 'sig'))
        keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    this.keys = keys;
    this.fetchedAt = Date.now();
  }
}
