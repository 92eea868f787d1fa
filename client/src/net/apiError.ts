/** An HTTP API error with the server's code and a message meant for people. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The error for a request that never reached the server. */
export function offlineError(): ApiError {
  return new ApiError(0, 'offline', 'Cannot reach the server. Check your connection and try again.');
}

/** The error for a signed-in call made while nobody is signed in. */
export function signInRequiredError(): ApiError {
  return new ApiError(401, 'sign_in_required', 'Please enter a name first.');
}

/** A response's body as JSON (null when empty or not JSON), or the server's `{error:{code,message}}` as an ApiError. */
export function readBody<T>(status: number, text: string): T {
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  if (status >= 200 && status < 300) return parsed as T;
  const error = (parsed as { error?: { code?: string; message?: string } } | null)?.error;
  throw new ApiError(
    status,
    error?.code ?? `http_${status}`,
    error?.message ?? `The server answered ${status}.`,
  );
}
