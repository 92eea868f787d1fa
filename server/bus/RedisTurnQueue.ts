import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';
import { type BusLogger, silentLogger } from './BusLogger';
import { type RedisConsumerContext, RedisTurnConsumer } from './RedisTurnConsumer';
import type { Turn } from '../turn';
import { encodeTurn } from './turnCodec';
import { TurnStream } from './TurnStream';
import {
  checkConcurrency,
  type ConsumeOptions,
  type DeadLetterHandler,
  DEFAULT_TURN_QUEUE_TIMING,
  type TurnConsumer,
  type TurnHandler,
  type TurnQueue,
  TurnQueueClosedError,
} from './TurnQueue';

/** Options of the Redis turn queue. */
export interface RedisTurnQueueOptions {
  /** Command connection (the caller keeps ownership); each consumer duplicates it for its blocking reads. */
  redis: Redis;
  /** Namespaces the keys: `<prefix>:turns`, `<prefix>:turns:dead`. */
  prefix: string;
  /** Default 30 000 ms. */
  visibilityTimeoutMs?: number;
  /** How often a consumer looks for stale deliveries; default a third of the visibility timeout, at most 5 s. */
  reclaimIntervalMs?: number;
  /** Deliveries beyond this are dead-lettered; default 5. */
  maxAttempts?: number;
  /** Approximate stream length kept by XADD MAXLEN ~; default 10 000. */
  maxLength?: number;
  /** A consumer with nothing pending and silent this long is removed from the group; default 1 h. */
  consumerExpiryMs?: number;
  log?: BusLogger;
  onDeadLetter?: DeadLetterHandler;
}

/**
 * The turn queue on a Redis stream with one consumer group: every worker process is a consumer,
 * each turn goes to exactly one of them, and a delivery left unacknowledged and without a heartbeat
 * for the visibility timeout is claimed by another consumer (XAUTOCLAIM) with its attempt count raised.
 */
export class RedisTurnQueue implements TurnQueue {
  private readonly ctx: RedisConsumerContext;
  private readonly consumers = new Set<RedisTurnConsumer>();
  private closed = false;

  constructor(options: RedisTurnQueueOptions) {
    const visibilityTimeoutMs = options.visibilityTimeoutMs ?? DEFAULT_TURN_QUEUE_TIMING.visibilityTimeoutMs;
    this.ctx = {
      redis: options.redis,
      stream: new TurnStream(options.redis, options.prefix, options.maxLength ?? 10_000),
      timing: {
        visibilityTimeoutMs,
        maxAttempts: options.maxAttempts ?? DEFAULT_TURN_QUEUE_TIMING.maxAttempts,
        reclaimIntervalMs:
          options.reclaimIntervalMs ?? Math.max(10, Math.min(5_000, Math.round(visibilityTimeoutMs / 3))),
        consumerExpiryMs: options.consumerExpiryMs ?? 3_600_000,
      },
      log: options.log ?? silentLogger,
      onDeadLetter: options.onDeadLetter,
    };
  }

  async enqueue(turn: Turn): Promise<void> {
    if (this.closed) throw new TurnQueueClosedError();
    await this.ctx.stream.add(encodeTurn(turn));
  }

  consume(handler: TurnHandler, options: ConsumeOptions): TurnConsumer {
    if (this.closed) throw new TurnQueueClosedError();
    const name = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    const consumer = new RedisTurnConsumer(
      this.ctx,
      name,
      handler,
      checkConcurrency(options.concurrency),
      () => {
        this.consumers.delete(consumer);
      },
    );
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.consumers].map((c) => c.stop()));
  }
}
