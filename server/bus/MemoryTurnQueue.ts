import { type BusLogger, silentLogger } from './BusLogger';
import { MemoryTurnConsumer } from './MemoryTurnConsumer';
import type { Turn } from '../turn';
import { decodeTurn, encodeTurn } from './turnCodec';
import {
  checkConcurrency,
  type ConsumeOptions,
  type DeadLetterHandler,
  DEFAULT_TURN_QUEUE_TIMING,
  type TurnConsumer,
  type TurnHandler,
  type TurnQueue,
  TurnQueueClosedError,
  type TurnQueueTiming,
} from './TurnQueue';

/** Options of the in-process turn queue. */
export interface MemoryTurnQueueOptions extends Partial<TurnQueueTiming> {
  log?: BusLogger;
  onDeadLetter?: DeadLetterHandler;
}

/** A queued turn and its current lease, shared between the queue and the consumer holding it. */
export interface MemoryEntry {
  turn: Turn;
  deliveries: number;
  /** Acknowledged by some delivery: never handed out again. */
  done: boolean;
  lease?: object;
}

/**
 * The turn queue of a single process, with the Redis queue's semantics: FIFO, at-least-once,
 * a visibility timeout after which a silent delivery goes to another consumer, and a dead-letter
 * after `maxAttempts` deliveries. Turns are validated and
 * copied on enqueue, as if they had crossed the wire.
 */
export class MemoryTurnQueue implements TurnQueue {
  readonly timing: TurnQueueTiming;
  readonly log: BusLogger;
  private readonly ready: MemoryEntry[] = [];
  private readonly consumers: MemoryTurnConsumer[] = [];
  private nextConsumer = 0;
  private dispatchQueued = false;
  private closed = false;

  constructor(private readonly options: MemoryTurnQueueOptions = {}) {
    this.timing = { ...DEFAULT_TURN_QUEUE_TIMING, ...withoutUndefined(options) };
    this.log = options.log ?? silentLogger;
  }

  async enqueue(turn: Turn): Promise<void> {
    if (this.closed) throw new TurnQueueClosedError();
    // Through the wire form, as over Redis: the same validation, and no object shared with the room.
    this.ready.push({ turn: decodeTurn(encodeTurn(turn))!, deliveries: 0, done: false });
    this.scheduleDispatch();
  }

  consume(handler: TurnHandler, options: ConsumeOptions): TurnConsumer {
    if (this.closed) throw new TurnQueueClosedError();
    const consumer = new MemoryTurnConsumer(this, handler, checkConcurrency(options.concurrency), () => {
      this.consumers.splice(this.consumers.indexOf(consumer), 1);
    });
    this.consumers.push(consumer);
    this.scheduleDispatch();
    return consumer;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
  }

  /** Puts a timed-out delivery back at the head of the line (it is the oldest turn waiting). */
  requeue(entry: MemoryEntry): void {
    if (entry.done || this.closed) return;
    this.ready.unshift(entry);
    this.scheduleDispatch();
  }

  /** Called when a consumer frees a slot. */
  scheduleDispatch(): void {
    if (this.dispatchQueued) return;
    this.dispatchQueued = true;
    // Asynchronous, as a Redis round trip would be: enqueue never runs a handler synchronously.
    setImmediate(() => {
      this.dispatchQueued = false;
      this.dispatch();
    });
  }

  /** Hands waiting turns to consumers with free slots, round-robin so several consumers share the load. */
  private dispatch(): void {
    while (this.ready.length > 0) {
      const consumer = this.nextFreeConsumer();
      if (!consumer) return;
      const entry = this.ready.shift()!;
      if (entry.done) continue;
      entry.deliveries += 1;
      if (entry.deliveries > this.timing.maxAttempts) this.deadLetter(entry);
      else consumer.take(entry);
    }
  }

  private nextFreeConsumer(): MemoryTurnConsumer | undefined {
    for (let i = 0; i < this.consumers.length; i++) {
      const consumer = this.consumers[(this.nextConsumer + i) % this.consumers.length];
      if (consumer.hasFreeSlot()) {
        this.nextConsumer = (this.nextConsumer + i + 1) % this.consumers.length;
        return consumer;
      }
    }
    return undefined;
  }

  private deadLetter(entry: MemoryEntry): void {
    entry.done = true;
    const { turnId, roomId } = entry.turn;
    this.log.error(
      { turnId, roomId, attempts: entry.deliveries - 1 },
      'Turn dead-lettered: no worker finished it within its attempts.',
    );
    this.options.onDeadLetter?.(entry.turn, entry.deliveries - 1);
  }
}

function withoutUndefined(options: Partial<TurnQueueTiming>): Partial<TurnQueueTiming> {
  const out: Partial<TurnQueueTiming> = {};
  if (options.visibilityTimeoutMs !== undefined) out.visibilityTimeoutMs = options.visibilityTimeoutMs;
  if (options.maxAttempts !== undefined) out.maxAttempts = options.maxAttempts;
  return out;
}
