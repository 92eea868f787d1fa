/** A step that took longer than allowed; `code` is `timeout` so error events read alike. */
export class StepTimeoutError extends Error {
  override readonly name = 'StepTimeoutError';
  readonly code = 'timeout';
}

/** Resolves like `promise`, or rejects with `StepTimeoutError(message)` after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StepTimeoutError(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
