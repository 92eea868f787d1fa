/** Why a sign-in or token was refused; `status` is the HTTP status to answer with. */
export class AuthError extends Error {
  override name = 'AuthError';
  constructor(
    readonly code:
      'invalid_name' | 'invalid_token' | 'expired_token' | 'token_reused' | 'unknown_user' | 'forbidden',
    message: string,
    readonly status = 401,
  ) {
    super(message);
  }
}
