/** Auth0 sign-in: passport-auth0 with PKCE and state, ID tokens verified against the tenant's JWKS. */
export { Auth0SignIn, type Auth0SignInOptions } from './Auth0SignIn';
export {
  IdTokenVerifier,
  IdTokenError,
  type IdTokenClaims,
  type IdTokenVerifierOptions,
} from './IdTokenVerifier';
