import { type BusLogger, silentLogger } from './BusLogger';
import { type EventBus, EventBusClosedError, type EventHandler, type Unsubscribe } from './EventBus';
import { encodeEvent } from './eventCodec';
import { HandlerRegistry } from './HandlerRegistry';

/** Options of the in-process event bus. */
export interface MemoryEventBusOptions {
  log?: BusLogger;
}

/**
 * The event bus of a single process. Events go through JSON and are delivered on a later turn of
 * the event loop, as over Redis, so code that works here does not depend on synchronous or
 * shared-object delivery that Redis would not give it.
 */
export class MemoryEventBus implements EventBus {
  private readonly handlers: HandlerRegistry;
  private closed = false;

  constructor(options: MemoryEventBusOptions = {}) {
    this.handlers = new HandlerRegistry(options.log ?? silentLogger);
  }

  async publish(channel: string, event: unknown): Promise<void> {
    if (this.closed) throw new EventBusClosedError();
    const payload = encodeEvent(event);
    // setImmediate callbacks run in the order they were queued: per-channel order is kept.
    setImmediate(() => {
      if (this.closed || !this.handlers.has(channel)) return;
      this.handlers.deliver(channel, JSON.parse(payload));
    });
  }

  async subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe> {
    if (this.closed) throw new EventBusClosedError();
    const remove = this.handlers.add(channel, handler);
    return async () => remove();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.handlers.clear();
  }
}
