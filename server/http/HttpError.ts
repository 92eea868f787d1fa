import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../observability';

/** An error the API answers with: `{ error: { code, message, ...details } }` and this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Extra facts for the client (e.g. which limit was reached and the plan that lifts it). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

interface CodedError {
  status?: number;
  statusCode?: number;
  code?: string;
  type?: string;
  message?: string;
}

/** Turns anything thrown in a route into a clear JSON error; unexpected errors are logged, never leaked. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    const e = (err ?? {}) as CodedError;
    if (
      err instanceof HttpError ||
      (typeof e.status === 'number' && e.status < 500 && typeof e.code === 'string')
    ) {
      const details = err instanceof HttpError ? err.details : undefined;
      res.status(e.status!).json({ error: { ...details, code: e.code, message: e.message } });
      return;
    }
    if (e.type === 'entity.parse.failed') {
      res
        .status(400)
        .json({ error: { code: 'invalid_json', message: 'The request body is not valid JSON.' } });
      return;
    }
    if (e.type === 'entity.too.large') {
      res
        .status(413)
        .json({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
      return;
    }
    log.error({ err, method: req.method, url: req.originalUrl }, 'request failed');
    res
      .status(500)
      .json({ error: { code: 'internal', message: 'Something went wrong on our side; please try again.' } });
  };
}
