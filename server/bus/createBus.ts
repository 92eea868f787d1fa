import { Redis } from 'ioredis';
import { pino } from 'pino';
import { publishAgentEvent } from './agentEvents';
import type { BusLogger } from './BusLogger';
import type { EventBus } from './EventBus';
import { MemoryEventBus } from './MemoryEventBus';
import { MemoryTurnQueue } from './MemoryTurnQueue';
import { closeConnection } from './redisConnection';
import { RedisEpoch } from './RedisEpoch';
import { RedisEventBus } from './RedisEventBus';
import { RedisTurnQueue } from './RedisTurnQueue';
import type { DeadLetterHandler, TurnQueue } from './TurnQueue';

/** Options of `createBus`. */
export interface BusOptions {
  /** `null` selects the in-process queue and bus (one process, nothing to install). */
  redisUrl: string | null;
  /** Namespaces every Redis key and channel; default `kotodama`. */
  prefix?: string;
  log?: BusLogger;
  /** Default 30 000 ms. */
  visibilityTimeoutMs?: number;
  reclaimIntervalMs?: number;
  /** Default 5. */
  maxAttempts?: number;
}

/** A turn queue and an event bus on the same backend, closed together. */
export interface Bus {
  queue: TurnQueue;
  events: EventBus;
  /**
   * Calls `listener` whenever the backend comes back having lost what it held (Redis restarted
   * without persistence); never for the in-process bus. Returns the unsubscribe.
   */
  onReset(listener: () => void): () => void;
  close(): Promise<void>;
}

/**
 * Builds the bus of a process. A dead-lettered turn is reported to its room as an `error` event
 * (code `turn_failed`), so the room stops waiting for a reply that will not come.
 */
export function createBus(options: BusOptions): Bus {
  const log = options.log ?? pino({ name: 'bus' });
  let events: EventBus | undefined;
  const onDeadLetter: DeadLetterHandler = (turn, attempts) => {
    const message = `No worker finished this reply after ${attempts} attempts.`;
    publishAgentEvent(events!, {
      type: 'error',
      roomId: turn.roomId,
      turnId: turn.turnId,
      code: 'turn_failed',
      message,
    }).catch((err: unknown) =>
      log.error({ err, turnId: turn.turnId }, 'Could not report a dead-lettered turn to its room.'),
    );
  };
  const timing = { visibilityTimeoutMs: options.visibilityTimeoutMs, maxAttempts: options.maxAttempts };
  if (options.redisUrl === null) {
    events = new MemoryEventBus({ log });
    const queue = new MemoryTurnQueue({ ...timing, log, onDeadLetter });
    return { queue, events, onReset: () => () => undefined, close: closeAll(queue, events) };
  }
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  redis.on('error', (err: Error) =>
    log.warn({ err: err.message }, 'Bus Redis connection problem; retrying.'),
  );
  const prefix = options.prefix ?? 'kotodama';
  events = new RedisEventBus({ redis, prefix, log });
  const queue = new RedisTurnQueue({
    redis,
    prefix,
    ...timing,
    reclaimIntervalMs: options.reclaimIntervalMs,
    log,
    onDeadLetter,
  });
  const epoch = new RedisEpoch(redis, `${prefix}:epoch`, log);
  const close = closeAll(queue, events, redis);
  return {
    queue,
    events,
    onReset: (listener) => epoch.onReset(listener),
    close: () => {
      epoch.close();
      return close();
    },
  };
}

function closeAll(queue: TurnQueue, events: EventBus, redis?: Redis): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      // The queue first: stopping consumers may still publish the last events of their turns.
      await queue.close();
      await events.close();
      if (redis) await closeConnection(redis);
    })();
    return closing;
  };
}
