import type { RequestHandler } from 'express';
import type { TokenSigner } from '../../auth';
import type { Logger } from '../../observability';
import { HttpError } from '../HttpError';
import type { RateLimitStore } from './RateLimitStore';

/** One limited group of routes. */
export interface RateLimitOptions {
  /** Names the group in keys and messages, e.g. "sign-in". */
  name: string;
  /** Requests per window, per IP and per signed-in user. */
  limit: number;
  windowMs?: number;
}

/**
 * Limits requests per IP and per signed-in user (from the bearer token, when valid). Past the
 * limit: 429 with Retry-After. Should the store fail (Redis down), requests pass and a warning is logged.
 */
export function rateLimit(
  store: RateLimitStore,
  signer: TokenSigner,
  log: Logger,
  o: RateLimitOptions,
): RequestHandler {
  const windowMs = o.windowMs ?? 60_000;
  return (req, res, next) => {
    const keys = [`${o.name}:ip:${req.ip ?? req.socket.remoteAddress ?? 'unknown'}`];
    const userId = bearerUser(signer, req.headers.authorization);
    if (userId) keys.push(`${o.name}:user:${userId}`);
    Promise.all(keys.map((k) => store.hit(k, windowMs))).then(
      (windows) => {
        const over = windows.filter((w) => w.count > o.limit);
        if (over.length === 0) return next();
        const seconds = Math.max(1, Math.ceil(Math.max(...over.map((w) => w.resetInMs)) / 1000));
        res.setHeader('Retry-After', String(seconds));
        next(
          new HttpError(
            429,
            'rate_limited',
            `Too many ${o.name} requests: at most ${o.limit} a minute. Try again in ${seconds} s.`,
            { retryAfterSeconds: seconds },
          ),
        );
      },
      (err: unknown) => {
        log.warn({ err, limit: o.name }, 'Rate limit store unreachable; letting the request through.');
        next();
      },
    );
  };
}

function bearerUser(signer: TokenSigner, header: string | undefined): string | null {
  if (!header?.startsWith('Bearer ')) return null;
  try {
    return signer.verifyAccess(header.slice(7).trim()).userId;
  } catch {
    return null;
  }
}
