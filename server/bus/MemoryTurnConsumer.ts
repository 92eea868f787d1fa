import type { MemoryEntry, MemoryTurnQueue } from './MemoryTurnQueue';
import type { TurnConsumer, TurnHandler, TurnJob } from './TurnQueue';

/** One lease of one entry: the delivery a handler is working on. */
interface Lease {
  entry: MemoryEntry;
  controller: AbortController;
  timer?: NodeJS.Timeout;
}

/** A consumer of the in-process queue: runs up to `concurrency` handlers and leases their turns. */
export class MemoryTurnConsumer implements TurnConsumer {
  private readonly running = new Set<Promise<void>>();
  private stopping: Promise<void> | undefined;

  constructor(
    private readonly queue: MemoryTurnQueue,
    private readonly handler: TurnHandler,
    private readonly concurrency: number,
    private readonly detach: () => void,
  ) {}

  hasFreeSlot(): boolean {
    return !this.stopping && this.running.size < this.concurrency;
  }

  /** Starts the handler on a freshly delivered entry. */
  take(entry: MemoryEntry): void {
    const lease: Lease = { entry, controller: new AbortController() };
    entry.lease = lease;
    this.arm(lease);
    const job: TurnJob = {
      turn: structuredClone(entry.turn),
      attempt: entry.deliveries,
      heartbeat: async () => {
        if (entry.lease === lease) this.arm(lease);
      },
      signal: lease.controller.signal,
    };
    const run = Promise.resolve()
      .then(() => this.handler(job))
      .catch((err: unknown) =>
        this.queue.log.warn(
          { err, turnId: entry.turn.turnId },
          'Turn handler failed; the turn is acknowledged, not retried.',
        ),
      )
      .finally(() => this.settle(lease, run));
    this.running.add(run);
  }

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      this.detach();
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
    })();
    return this.stopping;
  }

  /** (Re)starts the visibility timer of a lease. */
  private arm(lease: Lease): void {
    clearTimeout(lease.timer);
    lease.timer = setTimeout(() => this.expire(lease), this.queue.timing.visibilityTimeoutMs);
  }

  /** The handler went silent for a whole visibility timeout: treat its worker as dead. */
  private expire(lease: Lease): void {
    const { entry } = lease;
    if (entry.lease !== lease || entry.done) return;
    entry.lease = undefined;
    lease.controller.abort(new Error('The visibility timeout passed; the turn went to another consumer.'));
    this.queue.log.warn(
      { turnId: entry.turn.turnId, attempt: entry.deliveries },
      'Turn delivery timed out; redelivering.',
    );
    this.queue.requeue(entry);
  }

  /** Settling acknowledges, even for a delivery that timed out: the turn was answered after all. */
  private settle(lease: Lease, run: Promise<void>): void {
    clearTimeout(lease.timer);
    lease.entry.done = true;
    if (lease.entry.lease === lease) lease.entry.lease = undefined;
    this.running.delete(run);
    this.queue.scheduleDispatch();
  }
}
