/** Removes one subscription; calling it again does nothing. */
export type Unsubscribe = () => Promise<void>;

/** Receives the JSON-decoded events of one channel. */
export type EventHandler = (event: unknown) => void;

/**
 * Fan-out publish/subscribe of JSON events: asynchronous, in publish order per channel, at most
 * once, not stored (events published while nobody listens, or before `subscribe` resolved, may be
 * missed). Handlers receive a decoded copy, never the publisher's object.
 */
export interface EventBus {
  /** Sends `event` (JSON-serialisable) to every subscriber of `channel`, in every process. */
  publish(channel: string, event: unknown): Promise<void>;
  /** Resolves once the subscription is active: events published afterwards reach `handler`. */
  subscribe(channel: string, handler: EventHandler): Promise<Unsubscribe>;
  /** Drops all subscriptions and releases connections. */
  close(): Promise<void>;
}

/** Thrown by `publish` and `subscribe` after `close()`. */
export class EventBusClosedError extends Error {
  constructor() {
    super('The event bus is closed.');
    this.name = 'EventBusClosedError';
  }
}
