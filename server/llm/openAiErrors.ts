import { APIConnectionError, APIError } from 'openai';
import { LlmError } from './LlmError';

/** Where the request went, so messages can say which server to check. */
export interface ErrorContext {
  /** `OpenAI` or `the LLM server at http://…`. */
  target: string;
  model: string;
}

/** Reads Retry-After (seconds or HTTP date) or retry-after-ms from a response's headers. */
export function retryAfterMs(headers: Headers | undefined, nowMs = Date.now()): number | undefined {
  const ms = headers?.get('retry-after-ms');
  if (ms && Number.isFinite(Number(ms))) return Number(ms);
  const after = headers?.get('retry-after');
  if (!after) return undefined;
  if (Number.isFinite(Number(after))) return Number(after) * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Turns whatever the `openai` SDK threw into an `LlmError` whose message says what to do. */
export function toLlmError(err: unknown, ctx: ErrorContext): LlmError {
  if (err instanceof LlmError) return err;
  if (err instanceof APIConnectionError) {
    return new LlmError(
      'connection',
      `Could not reach ${ctx.target}: is it running and is the base URL right? (${err.message})`,
      { cause: err },
    );
  }
  if (err instanceof APIError && err.status !== undefined) return fromStatus(err, err.status, ctx);
  const detail = err instanceof Error ? err.message : String(err);
  return new LlmError(
    'stream',
    `The stream from ${ctx.target} broke off: ${detail}. Try again; if it keeps happening, check the server.`,
    { cause: err },
  );
}

function fromStatus(err: APIError, status: number, ctx: ErrorContext): LlmError {
  const extra = { status, cause: err, retryAfterMs: retryAfterMs(err.headers ?? undefined) };
  const said = err.message ? ` It said: ${err.message}` : '';
  if (status === 401 || status === 403) {
    return new LlmError(
      'auth',
      `${ctx.target} rejected the API key (HTTP ${status}): check the configured key (OPENAI_API_KEY, or the key for LLM_BASE_URL).${said}`,
      extra,
    );
  }
  if (status === 404) {
    return new LlmError(
      'not_found',
      `${ctx.target} does not know model "${ctx.model}" (HTTP 404): check the configured model name and that the model is pulled/loaded.${said}`,
      extra,
    );
  }
  if (status === 429) {
    return new LlmError(
      'rate_limited',
      `${ctx.target} is rate-limiting us (HTTP 429): wait a moment, or raise the account's quota.${said}`,
      extra,
    );
  }
  if (status >= 500) {
    return new LlmError(
      'server',
      `${ctx.target} failed (HTTP ${status}): try again shortly; if it persists, check the server's status or logs.${said}`,
      extra,
    );
  }
  return new LlmError(
    'bad_request',
    `${ctx.target} refused the request (HTTP ${status}): check the model name and generation settings.${said}`,
    extra,
  );
}
