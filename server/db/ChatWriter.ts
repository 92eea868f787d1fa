import { appendFile, readFile, rm } from 'node:fs/promises';
import type { Logger } from 'pino';
import type { ChatRecord, ConversationRepository } from './repositories';

/** Tuning for the chat writer. */
export interface ChatWriterOptions {
  /** How long lines wait to be written together. */
  flushIntervalMs: number;
  maxBatch: number;
  /** Longest wait between retries while the database is down. */
  maxRetryDelayMs: number;
  /** Where unwritten lines go when the process stops during an outage; read back on the next boot. */
  spillFile: string;
}

const DEFAULTS: ChatWriterOptions = {
  flushIntervalMs: 100,
  maxBatch: 200,
  maxRetryDelayMs: 5000,
  spillFile: '.data/pending-chat.jsonl',
};

/**
 * Writes chat lines in batches, off the room's hot path. If the database is unavailable the lines
 * stay in memory and are retried with backoff; at shutdown they are spilled to a file and written
 * on the next boot. An accepted line is never dropped.
 */
export class ChatWriter {
  private pending: ChatRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<boolean> | undefined;
  private failures = 0;
  private readonly options: ChatWriterOptions;

  constructor(
    private readonly repo: ConversationRepository,
    private readonly log: Logger,
    options: Partial<ChatWriterOptions> = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Lines accepted but not yet in the database. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Queues a line; never throws and never blocks. */
  append(line: ChatRecord): void {
    this.pending.push(line);
    this.schedule(this.failures ? this.retryDelay() : this.options.flushIntervalMs);
  }

  /** Writes everything pending now; resolves true when the queue is empty, false when the database refused. */
  async flush(): Promise<boolean> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.draining;
    const ok = await this.drain();
    if (!ok) this.schedule(this.retryDelay());
    return ok;
  }

  /** Re-queues lines a previous process spilled to disk. */
  async recoverSpill(): Promise<number> {
    let text: string;
    try {
      text = await readFile(this.options.spillFile, 'utf8');
    } catch {
      return 0;
    }
    const lines = text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ChatRecord & { createdAt: string });
    for (const l of lines) this.pending.push({ ...l, createdAt: new Date(l.createdAt) });
    await rm(this.options.spillFile, { force: true });
    if (lines.length)
      this.log.info(
        `Recovered ${lines.length} chat lines saved during an earlier database outage; writing them now.`,
      );
    this.schedule(0);
    return lines.length;
  }

  /** Final flush at shutdown; whatever cannot be written is spilled to disk for the next boot. */
  async close(): Promise<void> {
    await this.flush();
    clearTimeout(this.timer);
    if (this.pending.length === 0) return;
    await appendFile(this.options.spillFile, this.pending.map((l) => JSON.stringify(l)).join('\n') + '\n');
    this.log.warn(
      `The database is unavailable at shutdown: ${this.pending.length} chat lines saved to ${this.options.spillFile}; they are written on the next start.`,
    );
    this.pending = [];
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.draining) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.drain().then((ok) => {
        if (!ok || this.pending.length > 0) this.schedule(this.retryDelay());
      });
    }, delayMs);
    this.timer.unref();
  }

  /** One writer at a time: concurrent callers share the running drain. */
  private drain(): Promise<boolean> {
    this.draining ??= this.writeAll().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  private async writeAll(): Promise<boolean> {
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.options.maxBatch);
      try {
        await this.repo.appendMessages(batch);
      } catch (err) {
        this.noteFailure(err);
        return false;
      }
      this.pending.splice(0, batch.length);
      if (this.failures > 0)
        this.log.info(
          `The database is back: chat lines are being written again (${this.pending.length} still pending).`,
        );
      this.failures = 0;
    }
    return true;
  }

  private noteFailure(err: unknown): void {
    this.failures++;
    if (this.failures === 1 || this.failures % 20 === 0) {
      this.log.warn(
        { err: (err as Error)?.message },
        `Could not write chat lines to the database; ${this.pending.length} kept in memory and retried. Check DATABASE_URL / the database server.`,
      );
    }
  }

  private retryDelay(): number {
    return Math.min(this.options.maxRetryDelayMs, 100 * 2 ** Math.min(this.failures, 10));
  }
}
