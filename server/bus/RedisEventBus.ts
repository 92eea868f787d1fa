import type { Redis } from 'ioredis';
import { type BusLogger, silentLogger } from './BusLogger';
import { type EventBus, EventBusClosedError, type EventHandler, type Unsubscribe } from './EventBus';
import { decodeEvent, encodeEvent } from './eventCodec';
import { HandlerRegistry } from './HandlerRegistry';
import { closeConnection } from './redisConnection';

/** Options of the Redis event bus. */
export interface RedisEventBusOptions {
  /** Publishes on it, and duplicates it for the subscriber connection. The caller keeps ownership. */
  redis: Redis;
  /** Namespaces channels: `<prefix>:<channel>`. */
  prefix: string;
  log?: BusLogger;
}

/**
 * Redis pub/sub with local fan-out: one SUBSCRIBE per channel on a dedicated connection, however
 * many handlers this process has on it. ioredis re-subscribes by itself after a reconnect; events
 * published while the connection was down are lost, as pub/sub is not stored.
 */
export class RedisEventBus implements EventBus {
  private readonly handlers: HandlerRegistry;
  private readonly log: BusLogger;
  private subscriber: Redis | undefined;
  private readonly subscribed = new Set<string>();
  /** Per-channel chain of SUBSCRIBE/UNSUBSCRIBE, so racing subscribe/unsubscribe calls end in the right state. */
  private readonly syncs = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly options: RedisEventBusOptions) {
    this.log = options.log ?? silentLogger;
    this.handlers = new HandlerRegistry(this.log);
  }

  async publish(channel: string, event: unknown): Promise<void> {
    if (this.closed) throw new EventBusClosedError();
    await this.options.redis.publish(this.key(channel), encodeEvent(event));
  }

  async subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe> {
    if (this.closed) throw new EventBusClosedError();
    const remove = this.handlers.add(channel, handler);
    try {
      await this.sync(channel);
    } catch (err) {
      remove();
      throw err;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      remove();
      await this.sync(channel).catch((err: unknown) =>
        this.log.warn({ err, channel }, 'UNSUBSCRIBE failed.'),
      );
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    await Promise.allSettled(this.syncs.values());
    if (this.subscriber) await closeConnection(this.subscriber);
  }

  private key(channel: string): string {
    return `${this.options.prefix}:${channel}`;
  }

  private sync(channel: string): Promise<void> {
    const previous = this.syncs.get(channel) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.reconcile(channel));
    this.syncs.set(channel, next);
    const forget = () => {
      if (this.syncs.get(channel) === next) this.syncs.delete(channel);
    };
    next.then(forget, forget);
    return next;
  }

  /** Brings the Redis subscription of `channel` in line with whether anyone here still listens. */
  private async reconcile(channel: string): Promise<void> {
    const wanted = this.handlers.has(channel) && !this.closed;
    if (wanted === this.subscribed.has(channel)) return;
    const subscriber = this.connection();
    if (wanted) {
      await subscriber.subscribe(this.key(channel));
      this.subscribed.add(channel);
    } else {
      this.subscribed.delete(channel);
      await subscriber.unsubscribe(this.key(channel));
    }
  }

  private connection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.options.redis.duplicate();
    subscriber.on('error', (err: Error) =>
      this.log.warn(
        { err: err.message },
        'Event bus subscriber connection problem; ioredis reconnects and re-subscribes.',
      ),
    );
    subscriber.on('message', (key: string, payload: string) => this.receive(key, payload));
    this.subscriber = subscriber;
    return subscriber;
  }

  private receive(key: string, payload: string): void {
    const channel = key.slice(this.options.prefix.length + 1);
    const decoded = decodeEvent(payload);
    if (!decoded) {
      this.log.warn({ channel, bytes: payload.length }, 'Dropped an event that is not JSON.');
      return;
    }
    this.handlers.deliver(channel, decoded.event);
  }
}
