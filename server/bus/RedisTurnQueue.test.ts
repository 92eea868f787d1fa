import type { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  deleteKeys,
  killConnections,
  recordingLogger,
  redisClient,
  scratchPrefix,
} from '../../test-support/bus';
import { redisUrl, serviceAvailable } from '../../test-support/services';
import type { RedisTurnConsumer } from './RedisTurnConsumer';
import { RedisTurnQueue, type RedisTurnQueueOptions } from './RedisTurnQueue';
import { describeTurnQueueContract } from './turnQueue.contract';
import { gate, sampleTurn } from './turnSamples.testkit';
import { turnStreamKeys } from './TurnStream';
import type { TurnJob } from './TurnQueue';

const available = serviceAvailable('Redis', redisUrl);

describeTurnQueueContract({
  name: 'Redis Streams',
  available,
  async setup(options) {
    const prefix = scratchPrefix();
    const clients: Redis[] = [];
    const queues: RedisTurnQueue[] = [];
    return {
      open() {
        // A new connection per handle: each behaves like a separate worker process.
        const redis = redisClient();
        clients.push(redis);
        const queue = new RedisTurnQueue({ redis, prefix, ...options });
        queues.push(queue);
        return queue;
      },
      async teardown() {
        await Promise.all(queues.map((q) => q.close()));
        await deleteKeys(clients[0] ?? redisClient(), prefix);
        await Promise.all(clients.map((c) => c.quit()));
      },
    };
  },
});

describe.runIf(available)('RedisTurnQueue on a real Redis', () => {
  const timing = { visibilityTimeoutMs: 300, reclaimIntervalMs: 30, maxAttempts: 3 };
  let prefix: string;
  let admin: Redis;
  let cleanup: (() => Promise<unknown>)[];
  const keys = () => turnStreamKeys(prefix);
  const queue = (over: Partial<RedisTurnQueueOptions> = {}, redis = redisClient()) => {
    const q = new RedisTurnQueue({ redis, prefix, ...timing, ...over });
    cleanup.push(
      () => q.close(),
      () => redis.quit().catch(() => undefined),
    );
    return q;
  };

  beforeEach(() => {
    prefix = scratchPrefix();
    admin = redisClient();
    cleanup = [];
  });
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    await deleteKeys(admin, prefix);
    expect(await admin.keys(`${prefix}:*`)).toEqual([]);
    await admin.quit();
  });

  it("lets another consumer take over when a worker's connections are cut abruptly, and forgets the dead consumer", async () => {
    const name = `doomed-${prefix}`;
    const doomedRedis = redisClient({
      connectionName: name,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    doomedRedis.on('error', () => undefined);
    const doomed = new RedisTurnQueue({ redis: doomedRedis, prefix, ...timing, log: recordingLogger() });
    const held = gate();
    cleanup.push(async () => {
      held.open();
      await doomed.close();
    });
    const taken: { by: string; attempt: number }[] = [];
    doomed.consume(
      async (job) => {
        taken.push({ by: 'doomed', attempt: job.attempt });
        await held.promise;
      },
      { concurrency: 1 },
    );
    await queue().enqueue(sampleTurn(1));
    await vi.waitFor(() => expect(taken).toHaveLength(1), { timeout: 15_000 });
    expect(await killConnections(admin, name)).toBe(2);
    queue({ consumerExpiryMs: 200 }).consume(
      async (job) => {
        taken.push({ by: 'survivor', attempt: job.attempt });
      },
      { concurrency: 1 },
    );
    await vi.waitFor(
      () =>
        expect(taken).toEqual([
          { by: 'doomed', attempt: 1 },
          { by: 'survivor', attempt: 2 },
        ]),
      { timeout: 15_000 },
    );
    await vi.waitFor(async () => expect(await pendingCount(admin, prefix)).toBe(0), { timeout: 15_000 });
    // The dead worker's consumer owns nothing now; after consumerExpiryMs it is pruned from the group.
    await vi.waitFor(async () => expect(await consumerNames(admin, prefix)).toHaveLength(1), {
      timeout: 15_000,
    });
  });

  it('on stop(), hands a delivery it read but never started to another consumer at once, not after the timeout', async () => {
    // A visibility timeout far beyond the test's own: turn-2 can only come back through stop()'s release.
    const slow = { visibilityTimeoutMs: 10 * 60_000, reclaimIntervalMs: 50 };
    const busy = gate();
    cleanup.push(async () => busy.open());
    const q = queue(slow);
    const seen: string[] = [];
    const stopping = q.consume(
      async (job) => {
        seen.push(job.turn.turnId);
        await busy.promise;
      },
      { concurrency: 1 },
    ) as RedisTurnConsumer;
    await q.enqueue(sampleTurn(1));
    await vi.waitFor(() => expect(seen).toEqual(['turn-1']), { timeout: 15_000 });
    // While its only slot is busy, turn-2 lands in its pending list: a read whose reply was lost to stop().
    await q.enqueue(sampleTurn(2));
    await admin.xreadgroup('GROUP', keys().group, stopping.name, 'COUNT', 1, 'STREAMS', keys().stream, '>');
    const stopped = stopping.stop();
    busy.open();
    await stopped;
    const next: TurnJob[] = [];
    queue(slow).consume(
      async (job) => {
        next.push(job);
      },
      { concurrency: 1 },
    );
    await vi.waitFor(() => expect(next.map((j) => j.turn.turnId)).toEqual(['turn-2']), { timeout: 15_000 });
    expect(seen).toEqual(['turn-1']);
  });

  it('lays out its keys under the prefix, trims the stream, and leaves the group on stop()', async () => {
    const q = queue({ maxLength: 50 });
    for (let n = 0; n < 300; n++) await q.enqueue(sampleTurn(n));
    const length = await admin.xlen(keys().stream);
    expect(length).toBeGreaterThanOrEqual(50);
    expect(length).toBeLessThan(300);
    let handled = 0;
    const consumer = q.consume(
      async () => {
        handled++;
      },
      { concurrency: 4 },
    );
    await vi.waitFor(() => expect(handled).toBe(length), { timeout: 15_000 });
    expect(await consumerNames(admin, prefix)).toHaveLength(1);
    await consumer.stop();
    expect(await consumerNames(admin, prefix)).toEqual([]);
    expect((await admin.keys(`${prefix}:*`)).sort()).toEqual([keys().stream]);
  });

  it('dead-letters malformed entries into <prefix>:turns:dead without calling the handler', async () => {
    const log = recordingLogger();
    const q = queue({ log });
    await admin.xadd(keys().stream, '*', 'turn', '{"turnId": 42}');
    await q.enqueue(sampleTurn(1));
    const seen: string[] = [];
    q.consume(
      async (job) => {
        seen.push(job.turn.turnId);
      },
      { concurrency: 1 },
    );
    await vi.waitFor(() => expect(seen).toEqual(['turn-1']), { timeout: 15_000 });
    const dead = await admin.xrange(keys().dead, '-', '+');
    expect(dead).toHaveLength(1);
    expect(dead[0][1]).toEqual(expect.arrayContaining(['turn', '{"turnId": 42}', 'reason', 'malformed']));
    expect(log.entries.some((e) => e.level === 'error' && e.msg === 'Turn dead-lettered.')).toBe(true);
  });

  it('records a turn given up after maxAttempts in the dead-letter stream, with its delivery count', async () => {
    const held = gate();
    cleanup.push(async () => held.open());
    const attempts: number[] = [];
    const q = queue();
    q.consume(
      async (job: TurnJob) => {
        attempts.push(job.attempt);
        await held.promise;
      },
      { concurrency: 4 },
    );
    await q.enqueue(sampleTurn(7));
    await vi.waitFor(async () => expect(await admin.xlen(keys().dead)).toBe(1), { timeout: 15_000 });
    const [[, fields]] = await admin.xrange(keys().dead, '-', '+');
    expect(fields).toEqual(expect.arrayContaining(['reason', 'max_attempts', 'deliveries', '4']));
    expect(JSON.parse(fields[fields.indexOf('turn') + 1])).toEqual(sampleTurn(7));
    expect(attempts).toEqual([1, 2, 3]);
  });
});

async function consumerNames(admin: Redis, prefix: string): Promise<string[]> {
  const { stream, group } = turnStreamKeys(prefix);
  const rows = (await admin.xinfo('CONSUMERS', stream, group)) as unknown[][];
  return rows.map((row) => String(row[row.indexOf('name') + 1]));
}

async function pendingCount(admin: Redis, prefix: string): Promise<number> {
  const { stream, group } = turnStreamKeys(prefix);
  const [count] = (await admin.xpending(stream, group)) as [number];
  return count;
}
