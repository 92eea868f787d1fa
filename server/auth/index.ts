/** Identity: guest accounts, access and refresh tokens, room-link tokens. */
export { AuthError } from './AuthError';
export { AuthService, type AuthTtls, type TokenPair } from './AuthService';
export { TokenSigner, type AccessClaims, type LinkClaims, type LinkRole } from './jwt';
export { resolveJwtSecret } from './secret';
export {
  Auth0SignIn,
  IdTokenVerifier,
  IdTokenError,
  type Auth0SignInOptions,
  type IdTokenClaims,
} from './auth0';
