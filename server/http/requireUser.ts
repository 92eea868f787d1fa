import type { NextFunction, Request, Response } from 'express';
import type { AccessClaims, TokenSigner } from '../auth';
import { HttpError } from './HttpError';

/** The signed-in user of a request, set by `requireUser`. */
export function currentUser(res: Response): AccessClaims {
  return res.locals.user as AccessClaims;
}

/** Middleware: a valid `Authorization: Bearer <access token>` is required. */
export function requireUser(signer: TokenSigner) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token)
      throw new HttpError(
        401,
        'sign_in_required',
        'Sign in first: this needs an account (a guest account will do).',
      );
    res.locals.user = signer.verifyAccess(token);
    next();
  };
}

/** Middleware: reads the bearer token when there is one; an invalid one is refused, none is fine. */
export function optionalUser(signer: TokenSigner) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.headers.authorization) return requireUser(signer)(req, res, next);
    next();
  };
}
