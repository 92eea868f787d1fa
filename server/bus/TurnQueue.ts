import type { Turn } from '../turn';

/** One delivery of a turn to a worker. */
export interface TurnJob {
  turn: Turn;
  /** 1 on first delivery; higher when an earlier worker died or stalled past the visibility timeout. */
  attempt: number;
  /** Extends the visibility timeout; the worker calls it while working (well within the timeout). Never rejects: failures are logged. */
  heartbeat(): Promise<void>;
  /**
   * Aborted once this delivery is no longer the worker's: the turn was taken over by another
   * consumer after the visibility timeout (the Redis queue notices on the next heartbeat). A worker
   * stops early on it, since its further events would be duplicates. Stopping the queue does not
   * abort it: a graceful stop lets running turns finish.
   */
  signal: AbortSignal;
}

/** A running subscription to the queue. */
export interface TurnConsumer {
  /** Stops taking new turns and resolves once the running handlers have settled and been acknowledged. */
  stop(): Promise<void>;
}

/** How many turns one consumer works on at once. */
export interface ConsumeOptions {
  concurrency: number;
}

/** Takes a turn; settling (resolve or reject) acknowledges it. */
export type TurnHandler = (job: TurnJob) => Promise<void>;

/** At-least-once delivery of turns to agent workers, with a visibility timeout. */
export interface TurnQueue {
  /** Resolves once the turn is durably accepted (Redis: XADD done). */
  enqueue(turn: Turn): Promise<void>;
  /** Starts taking turns, up to `concurrency` at once. The handler's settling (resolve OR reject) acknowledges the turn. */
  consume(handler: TurnHandler, options: ConsumeOptions): TurnConsumer;
  /** Stops every consumer of this queue object (waiting for their handlers) and releases its resources. */
  close(): Promise<void>;
}

/** Called when a turn was delivered `maxAttempts` times without being acknowledged and is given up. */
export type DeadLetterHandler = (turn: Turn, attempts: number) => void;

/** Tuning shared by both implementations. */
export interface TurnQueueTiming {
  /** A delivery not acknowledged or heart-beaten for this long is given to another consumer. */
  visibilityTimeoutMs: number;
  /** Deliveries beyond this count are dead-lettered instead of handled. */
  maxAttempts: number;
}

/** Defaults: 30 s visibility timeout, at most 5 deliveries of one turn. */
export const DEFAULT_TURN_QUEUE_TIMING: TurnQueueTiming = { visibilityTimeoutMs: 30_000, maxAttempts: 5 };

/** Rejects a concurrency that would make a consumer take nothing, or everything. */
export function checkConcurrency(concurrency: number): number {
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new RangeError(`concurrency must be a positive integer; got ${concurrency}.`);
  return concurrency;
}

/** Thrown by `enqueue` after `close()`. */
export class TurnQueueClosedError extends Error {
  constructor() {
    super('The turn queue is closed.');
    this.name = 'TurnQueueClosedError';
  }
}
