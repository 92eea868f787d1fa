import type { Redis } from 'ioredis';
import type { BusLogger } from './BusLogger';
import { decodeTurn } from './turnCodec';
import type { StreamEntry, TurnStream } from './TurnStream';
import type { DeadLetterHandler, TurnConsumer, TurnHandler, TurnJob, TurnQueueTiming } from './TurnQueue';

/** What a consumer shares with its queue. */
export interface RedisConsumerContext {
  stream: TurnStream;
  /** The queue's command connection; the consumer duplicates it for its blocking reads. */
  redis: Redis;
  timing: TurnQueueTiming & { reclaimIntervalMs: number; consumerExpiryMs: number };
  log: BusLogger;
  onDeadLetter?: DeadLetterHandler;
}

/**
 * One named member of the consumer group. A single loop alternates XAUTOCLAIM (take over
 * deliveries idle past the visibility timeout) and a short blocking XREADGROUP for new turns,
 * asking for no more entries than it has free slots, so it never runs more than `concurrency`.
 */
export class RedisTurnConsumer implements TurnConsumer {
  private readonly running = new Map<string, Promise<void>>();
  private readonly blocking: Redis;
  private readonly loop: Promise<void>;
  private stopping = false;
  private stopped: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private cursor = '0-0';
  private nextReclaimAt = 0;
  private nextPruneAt = 0;

  constructor(
    private readonly ctx: RedisConsumerContext,
    readonly name: string,
    private readonly handler: TurnHandler,
    private readonly concurrency: number,
    private readonly onStopped: () => void,
  ) {
    this.blocking = ctx.redis.duplicate();
    this.blocking.on('error', (err: Error) =>
      ctx.log.warn({ err: err.message, consumer: name }, 'Turn consumer connection problem.'),
    );
    this.loop = this.run();
  }

  stop(): Promise<void> {
    this.stopped ??= this.shutdown();
    return this.stopped;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        if (failures > 0 || this.nextReclaimAt === 0) await this.ctx.stream.ensureGroup();
        await this.step();
        failures = 0;
      } catch (err) {
        if (this.stopping) break;
        if (this.blocking.status === 'end') {
          this.ctx.log.error(
            { err, consumer: this.name },
            'Turn consumer lost its Redis connection for good; it takes no more turns.',
          );
          break;
        }
        failures += 1;
        this.ctx.log.warn({ err, consumer: this.name }, 'Turn consumer step failed; retrying.');
        await this.idle(Math.min(5_000, 100 * 2 ** failures));
      }
    }
  }

  /** One round: wait for a free slot, reclaim stale deliveries when due, then read new turns. */
  private async step(): Promise<void> {
    if (this.freeSlots() === 0) return this.idle();
    if (Date.now() >= this.nextReclaimAt) {
      await this.reclaim();
      this.nextReclaimAt = Date.now() + this.ctx.timing.reclaimIntervalMs;
    }
    const free = this.freeSlots();
    if (free === 0 || this.stopping) return;
    const blockMs = Math.max(1, this.nextReclaimAt - Date.now());
    const entries = await this.ctx.stream.readNew(this.blocking, this.name, free, blockMs);
    // Entries read just as stop() began stay pending; shutdown() releases them to other consumers.
    if (!this.stopping) for (const entry of entries) this.start(entry);
  }

  private async reclaim(): Promise<void> {
    const { stream, timing, log } = this.ctx;
    const { cursor, entries } = await stream.reclaim(
      this.name,
      timing.visibilityTimeoutMs,
      this.cursor,
      this.freeSlots(),
    );
    this.cursor = cursor;
    for (const entry of entries) {
      log.warn(
        { id: entry.id, consumer: this.name, attempt: entry.deliveries },
        'Took over a turn whose worker went silent.',
      );
      this.start(entry);
    }
    if (Date.now() >= this.nextPruneAt) {
      this.nextPruneAt = Date.now() + Math.min(60_000, timing.consumerExpiryMs);
      const pruned = await stream.pruneConsumers(timing.consumerExpiryMs);
      if (pruned > 0) log.info({ pruned }, 'Forgot consumers of workers that are gone.');
    }
  }

  private start(entry: StreamEntry): void {
    const turn = decodeTurn(entry.payload);
    let work: Promise<void>;
    if (!turn) work = this.bury(entry, 'malformed');
    else if (entry.deliveries > this.ctx.timing.maxAttempts) work = this.bury(entry, 'max_attempts', turn);
    else work = this.handle(entry, turn);
    const tracked = work
      .catch((err: unknown) =>
        this.ctx.log.error({ err, id: entry.id }, 'Could not acknowledge a turn; it will be redelivered.'),
      )
      .finally(() => {
        this.running.delete(entry.id);
        this.wake?.();
      });
    this.running.set(entry.id, tracked);
  }

  /** Runs the handler, then acknowledges whatever the outcome: a failed turn is reported, not retried. */
  private async handle(entry: StreamEntry, turn: TurnJob['turn']): Promise<void> {
    const controller = new AbortController();
    const job: TurnJob = {
      turn,
      attempt: entry.deliveries,
      signal: controller.signal,
      heartbeat: () => this.heartbeat(entry.id, controller),
    };
    try {
      await this.handler(job);
    } catch (err) {
      this.ctx.log.warn(
        { err, turnId: turn.turnId },
        'Turn handler failed; the turn is acknowledged, not retried.',
      );
    }
    await this.ctx.stream.ack(entry.id);
  }

  private async heartbeat(id: string, controller: AbortController): Promise<void> {
    if (controller.signal.aborted) return;
    try {
      if (await this.ctx.stream.heartbeat(this.name, id)) return;
      this.ctx.log.warn(
        { id, consumer: this.name },
        'Another consumer took this turn over; aborting our copy.',
      );
      controller.abort(new Error('The turn was taken over by another consumer.'));
    } catch (err) {
      // Never rejects: a worker calls this on a timer. Redis down longer than the timeout means a takeover.
      this.ctx.log.warn({ err, id }, 'Heartbeat failed.');
    }
  }

  private async bury(
    entry: StreamEntry,
    reason: 'malformed' | 'max_attempts',
    turn?: TurnJob['turn'],
  ): Promise<void> {
    await this.ctx.stream.deadLetter(entry, reason);
    const attempts = entry.deliveries - 1;
    this.ctx.log.error(
      { id: entry.id, turnId: turn?.turnId, roomId: turn?.roomId, attempts, reason },
      'Turn dead-lettered.',
    );
    if (!turn) return;
    try {
      this.ctx.onDeadLetter?.(turn, attempts);
    } catch (err) {
      this.ctx.log.error({ err }, 'onDeadLetter failed.');
    }
  }

  private async shutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    this.blocking.disconnect();
    await this.loop;
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
    try {
      const stray = await this.ctx.stream.pendingOf(this.name);
      await this.ctx.stream.release(this.name, stray, this.ctx.timing.visibilityTimeoutMs);
      await this.ctx.stream.leave(this.name);
    } catch (err) {
      this.ctx.log.warn(
        { err, consumer: this.name },
        'Could not leave the consumer group cleanly; its turns are reclaimed after the visibility timeout.',
      );
    }
    this.onStopped();
  }

  private freeSlots(): number {
    return Math.max(0, this.concurrency - this.running.size);
  }

  /** Sleeps until a slot frees, stop() is called, or `ms` passes. */
  private idle(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      if (ms !== undefined) timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
