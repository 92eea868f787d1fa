import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BusLogger } from './BusLogger';

/**
 * Notices that Redis lost its data (restarted without persistence, or flushed): a marker key set
 * on first contact is checked after every reconnect. When it is gone or was replaced, what only
 * Redis held — queued turns, room listings, the node registry — is gone too, and the listeners
 * put back their part (rooms re-enqueue their active turn and re-save their listing).
 */
export class RedisEpoch {
  private epoch: string | undefined;
  private readonly listeners = new Set<() => void>();
  private readonly onReady = () => void this.check();

  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly log: BusLogger,
  ) {
    redis.on('ready', this.onReady);
    if (redis.status === 'ready') void this.check();
  }

  /** Calls `listener` after each data loss; returns the unsubscribe. */
  onReset(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.redis.off('ready', this.onReady);
    this.listeners.clear();
  }

  /** Adopts the current epoch (creating it when missing); fires the listeners when it changed. */
  private async check(): Promise<void> {
    try {
      await this.redis.set(this.key, randomUUID(), 'NX');
      const current = await this.redis.get(this.key);
      if (!current) return;
      const known = this.epoch;
      this.epoch = current;
      if (known === undefined || known === current) return;
      this.log.warn(
        { key: this.key },
        'Redis came back without its data (restarted without persistence?): re-queuing active turns and re-registering rooms.',
      );
      for (const listener of [...this.listeners]) {
        try {
          listener();
        } catch (err) {
          this.log.error({ err }, 'A Redis reset listener failed.');
        }
      }
    } catch (err) {
      this.log.warn(
        { err },
        'Could not check whether Redis kept its data; checking again on the next reconnect.',
      );
    }
  }
}
