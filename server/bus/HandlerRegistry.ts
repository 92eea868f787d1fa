import type { BusLogger } from './BusLogger';
import type { EventHandler } from './EventBus';

/**
 * The local side of fan-out: which handlers listen on which channel, and delivery that keeps
 * one failing handler from affecting the others or the bus.
 */
export class HandlerRegistry {
  private readonly channels = new Map<string, Set<EventHandler>>();

  constructor(private readonly log: BusLogger) {}

  /** Adds a handler; a function may be added to several channels, or twice as two subscriptions. */
  add(channel: string, handler: EventHandler): () => void {
    // Wrapping makes each subscription distinct, so subscribing the same function twice gives two deliveries.
    const entry: EventHandler = (event) => handler(event);
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    set.add(entry);
    return () => {
      set.delete(entry);
      if (set.size === 0 && this.channels.get(channel) === set) this.channels.delete(channel);
    };
  }

  /** True while at least one handler listens on `channel`. */
  has(channel: string): boolean {
    return this.channels.has(channel);
  }

  /** Every channel with at least one handler. */
  list(): string[] {
    return [...this.channels.keys()];
  }

  clear(): void {
    this.channels.clear();
  }

  /** Calls every handler of `channel`; throws and rejections are logged, never propagated. */
  deliver(channel: string, event: unknown): void {
    const set = this.channels.get(channel);
    if (!set) return;
    // A snapshot: a handler may unsubscribe itself or others while we iterate.
    for (const handler of [...set]) {
      try {
        const result: unknown = handler(event);
        if (result instanceof Promise) result.catch((err: unknown) => this.report(channel, err));
      } catch (err) {
        this.report(channel, err);
      }
    }
  }

  private report(channel: string, err: unknown): void {
    this.log.error({ err, channel }, 'An event handler failed; the other handlers still got the event.');
  }
}
