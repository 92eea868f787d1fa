import type { Request } from 'express';
import { Passport } from 'passport';
import Auth0Strategy from 'passport-auth0';
import type { UserRepository, UserRole } from '../../db';
import type { Logger } from '../../observability';
import type { AuthService, TokenPair } from '../AuthService';
import { IdTokenVerifier, type IdTokenClaims } from './IdTokenVerifier';

/** The Auth0 application and where this server is. */
export interface Auth0SignInOptions {
  domain: string;
  clientId: string;
  clientSecret: string;
  /** https://DOMAIN, or the local provider in tests. */
  baseUrl: string;
  audience?: string;
  /** Page origin: the callback is PUBLIC_URL/api/auth/auth0/callback. */
  publicUrl: string;
  users: UserRepository;
  auth: AuthService;
  log: Logger;
  /** The ID token claim listing Kotodama roles (an Auth0 Action can add it). */
  rolesClaim?: string;
}

const ROLES: readonly UserRole[] = ['admin', 'creator'];

/**
 * Auth0 through passport-auth0: the Authorization Code flow with state, PKCE and a nonce (kept
 * in the short-lived sign-in cookie session); the ID token's signature is verified against the
 * tenant's JWKS on top of passport-auth0's claim checks. A signed-in identity becomes our own
 * access/refresh pair; a guest signing in has their things moved to the account.
 */
export class Auth0SignIn {
  readonly passport = new Passport();
  readonly strategyName = 'auth0';
  private readonly verifier: IdTokenVerifier;

  constructor(private readonly o: Auth0SignInOptions) {
    this.verifier = new IdTokenVerifier({
      issuer: `${o.baseUrl}/`,
      audience: o.clientId,
      jwksUrl: `${o.baseUrl}/.well-known/jwks.json`,
    });
    const strategyOptions = {
      domain: o.domain,
      clientID: o.clientId,
      clientSecret: o.clientSecret,
      callbackURL: `${o.publicUrl}/api/auth/auth0/callback`,
      authorizationURL: `${o.baseUrl}/authorize`,
      tokenURL: `${o.baseUrl}/oauth/token`,
      userInfoURL: `${o.baseUrl}/userinfo`,
      expectedIssuer: `${o.baseUrl}/`,
      state: true,
      pkce: true,
      skipUserProfile: true, // name, e-mail and picture come from the verified ID token
      passReqToCallback: true as const,
    };
    this.passport.use(
      this.strategyName,
      new Auth0Strategy(strategyOptions, (req, _access, _refresh, params, _profile, done) => {
        const idToken = (params as { id_token?: string }).id_token;
        const nonce = Auth0SignIn.nonceOf(req);
        this.verifier.verify(idToken, nonce).then(
          (claims) => done(null, claims),
          (err: Error) => done(null, false, { message: err.message }),
        );
      }),
    );
  }

  /** Options for the /authorize redirect. */
  authorizeOptions(): object {
    return {
      session: false,
      scope: 'openid profile email',
      ...(this.o.audience ? { audience: this.o.audience } : {}),
    };
  }

  /** The account for a verified identity (linking `guestId`'s things to it) and our token pair for it. */
  async complete(claims: IdTokenClaims, guestId: string | null): Promise<TokenPair> {
    const user = await this.o.users.signInAuth0(
      {
        auth0Id: claims.sub,
        name: displayName(claims),
        email: typeof claims.email === 'string' && claims.email_verified !== false ? claims.email : null,
        picture:
          typeof claims.picture === 'string' && /^https:\/\//.test(claims.picture) ? claims.picture : null,
        roles: rolesOf(claims[this.o.rolesClaim ?? 'https://kotodama.app/roles']),
      },
      guestId,
    );
    this.o.log.info({ userId: user.id, linkedGuest: !!guestId }, 'Signed in with Auth0.');
    return this.o.auth.signInUser(user);
  }

  /** Auth0's logout URL, which comes back to `returnTo` on this site. */
  logoutUrl(returnTo: string): string {
    const q = new URLSearchParams({ client_id: this.o.clientId, returnTo: `${this.o.publicUrl}${returnTo}` });
    return `${this.o.baseUrl}/v2/logout?${q}`;
  }

  /** The nonce passport-auth0 put in the sign-in session (tests read it; the strategy checks it). */
  static nonceOf(req: Request): string | undefined {
    return (req as { session?: { authParams?: { nonce?: string } } | null }).session?.authParams?.nonce;
  }
}

function displayName(c: IdTokenClaims): string {
  const raw = [
    c.name,
    c.nickname,
    c.given_name,
    typeof c.email === 'string' ? c.email.split('@')[0] : null,
  ].find((v) => typeof v === 'string' && v.trim()) as string | undefined;
  const name = (raw ?? 'Friend').replace(/[\u0000-\u001F\u007F]/g, '').trim();
  return [...name].slice(0, 64).join('');
}

function rolesOf(value: unknown): UserRole[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return ROLES.filter((r) => value.includes(r));
}
