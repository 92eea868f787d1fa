/**
 * Helpers that turn AbortSignals into typed voice errors and combine a caller's signal with
 * a per-attempt timeout.
 */
import { VoiceError } from './voiceError';

/** Throw `aborted` if the caller has already given up. */
export function throwIfAborted(signal: AbortSignal | undefined, provider: string): void {
  if (signal?.aborted)
    throw new VoiceError('aborted', 'Speech was cancelled before it finished.', provider, {
      cause: signal.reason,
    });
}

/** A signal that fires when the caller aborts or `timeoutMs` passes, and which of the two it was. */
export function attemptSignal(
  caller: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; timedOut: () => boolean } {
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = caller ? AbortSignal.any([caller, timeout]) : timeout;
  return { signal, timedOut: () => timeout.aborted && !caller?.aborted };
}

/** Reject with `aborted` as soon as `signal` fires, otherwise settle like `work`. */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  provider: string,
): Promise<T> {
  if (!signal) return work;
  throwIfAborted(signal, provider);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(
        new VoiceError('aborted', 'Speech was cancelled before it finished.', provider, {
          cause: signal.reason,
        }),
      );
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Wait `ms`, or reject with `aborted` when the signal fires first. */
export function sleep(ms: number, signal: AbortSignal | undefined, provider: string): Promise<void> {
  return raceAbort(new Promise((resolve) => setTimeout(resolve, ms).unref?.()), signal, provider);
}
