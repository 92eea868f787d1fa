import { LlmError } from './LlmError';

/** Timeouts that guard one streaming attempt. */
export interface WatchdogTimeouts {
  /** Longest wait from sending the request to the first text. */
  firstTokenMs: number;
  /** Longest silence between two pieces of text once the reply has started. */
  idleMs: number;
}

/**
 * One attempt's abort controller: fires when the caller aborts, when no first token arrives in
 * time, or when the stream goes idle. `failure()` says which, so a quiet end of the SDK's
 * iterator (it swallows aborts) is never mistaken for a finished reply.
 */
export class StreamWatchdog {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private reason: LlmError | undefined;
  private readonly onCallerAbort = () =>
    this.fire(new LlmError('aborted', 'The LLM request was cancelled (the turn was interrupted).'));

  constructor(
    private readonly caller: AbortSignal,
    private readonly timeouts: WatchdogTimeouts,
    private readonly target: string,
  ) {
    if (caller.aborted) this.onCallerAbort();
    else caller.addEventListener('abort', this.onCallerAbort, { once: true });
    this.arm(
      timeouts.firstTokenMs,
      () =>
        new LlmError(
          'first_token_timeout',
          `No reply from ${target} within ${seconds(timeouts.firstTokenMs)}: the server may be overloaded or still loading the model; check it, or raise the first-token timeout.`,
        ),
    );
  }

  /** The signal to hand to the SDK. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Call on every piece of text: restarts the idle timer. */
  tick(): void {
    this.arm(
      this.timeouts.idleMs,
      () =>
        new LlmError(
          'idle_timeout',
          `${this.target} stopped sending mid-reply for ${seconds(this.timeouts.idleMs)}: the server may be overloaded; try again, or raise the idle timeout.`,
        ),
    );
  }

  /** Why this attempt was cut short, if it was. */
  failure(): LlmError | undefined {
    return this.reason;
  }

  /** Stops timers and aborts the request if it is still open (closes the connection). */
  dispose(): void {
    clearTimeout(this.timer);
    this.caller.removeEventListener('abort', this.onCallerAbort);
    if (!this.controller.signal.aborted) this.controller.abort();
  }

  private arm(ms: number, make: () => LlmError): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.fire(make()), ms);
  }

  private fire(err: LlmError): void {
    if (this.reason) return;
    this.reason = err;
    clearTimeout(this.timer);
    this.controller.abort(err);
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
