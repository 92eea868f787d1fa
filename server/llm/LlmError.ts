/** Why an LLM call failed; stable names for logs, metrics and the room's `error` event. */
export const LLM_ERROR_CODES = [
  'auth',
  'bad_request',
  'not_found',
  'rate_limited',
  'server',
  'connection',
  'first_token_timeout',
  'idle_timeout',
  'aborted',
  'stream',
  'config',
] as const;
export type LlmErrorCode = (typeof LLM_ERROR_CODES)[number];

/** Codes worth another attempt, as long as no text has been emitted yet. */
const RETRYABLE: ReadonlySet<LlmErrorCode> = new Set(['rate_limited', 'server', 'connection']);

/** A failed LLM call: `code` for machines, `message` says what went wrong and what to do. */
export class LlmError extends Error {
  override readonly name = 'LlmError';
  readonly code: LlmErrorCode;
  /** HTTP status when the server answered with one. */
  readonly status?: number;
  /** Server-requested wait before a retry (Retry-After), in ms. */
  readonly retryAfterMs?: number;

  constructor(
    code: LlmErrorCode,
    message: string,
    extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    this.status = extra.status;
    this.retryAfterMs = extra.retryAfterMs;
  }

  /** True when retrying the same request may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/** True when `err` is an `LlmError`, optionally with one of `codes`. */
export function isLlmError(err: unknown, ...codes: LlmErrorCode[]): err is LlmError {
  return err instanceof LlmError && (codes.length === 0 || codes.includes(err.code));
}
