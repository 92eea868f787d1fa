/** Why a voice call failed; callers branch on `code`, people read `message`. */
export const VOICE_ERROR_CODES = [
  'dependency_missing', // an optional package (espeak-ng) is not installed
  'bad_request', // the provider refused the input (text too long, bad voice)
  'unauthorized', // key missing or rejected
  'rate_limited', // provider asked us to slow down
  'timeout', // no answer in time
  'aborted', // the caller cancelled (interrupt)
  'network', // could not reach the provider
  'provider_error', // the provider failed on its side (5xx)
  'bad_audio', // the answer could not be decoded
] as const;
export type VoiceErrorCode = (typeof VOICE_ERROR_CODES)[number];

/** Codes worth another attempt: the same request may well succeed a moment later. */
const RETRYABLE: ReadonlySet<VoiceErrorCode> = new Set([
  'rate_limited',
  'timeout',
  'network',
  'provider_error',
]);

/** A typed voice failure whose message says what to do about it. */
export class VoiceError extends Error {
  override readonly name = 'VoiceError';

  /** For `rate_limited`: how long the provider asked us to wait. */
  retryAfterMs?: number;

  constructor(
    readonly code: VoiceErrorCode,
    message: string,
    readonly provider?: string,
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options);
    this.retryAfterMs = options?.retryAfterMs;
  }

  /** True when retrying the same request may succeed. */
  get retryable(): boolean {
    return RETRYABLE.has(this.code);
  }
}

/** True when `error` is a VoiceError (optionally with the given code). */
export function isVoiceError(error: unknown, code?: VoiceErrorCode): error is VoiceError {
  return error instanceof VoiceError && (code === undefined || error.code === code);
}
