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
import { subscribeRoom } from './agentEvents';
import { describeEventBusContract } from './eventBus.contract';
import { RedisEventBus } from './RedisEventBus';

const available = serviceAvailable('Redis', redisUrl);

describeEventBusContract({
  name: 'Redis pub/sub',
  available,
  async setup(log) {
    const prefix = scratchPrefix();
    const clients: Redis[] = [];
    const buses: RedisEventBus[] = [];
    const raw = redisClient();
    return {
      open() {
        // New connections per handle: each behaves like a separate process.
        const redis = redisClient();
        clients.push(redis);
        const bus = new RedisEventBus({ redis, prefix, log });
        buses.push(bus);
        return bus;
      },
      publishRaw: async (channel, value) => {
        await raw.publish(`${prefix}:${channel}`, JSON.stringify(value));
      },
      async teardown() {
        await Promise.all(buses.map((b) => b.close()));
        await Promise.all(clients.map((c) => c.quit()));
        await raw.quit();
      },
    };
  },
});

describe.runIf(available)('RedisEventBus on a real Redis', () => {
  let prefix: string;
  let admin: Redis;
  let publisher: Redis;
  beforeEach(() => {
    prefix = scratchPrefix();
    admin = redisClient();
    publisher = redisClient();
  });
  afterEach(async () => {
    expect(await deleteKeys(admin, prefix)).toBe(0);
    await Promise.all([admin.quit(), publisher.quit()]);
  });

  it('drops payloads that are not JSON with a warning, and keeps delivering', async () => {
    const log = recordingLogger();
    const redis = redisClient();
    const bus = new RedisEventBus({ redis, prefix, log });
    const got: unknown[] = [];
    await bus.subscribe('room:a', (e) => got.push(e));
    await publisher.publish(`${prefix}:room:a`, '{not json');
    await publisher.publish(`${prefix}:room:a`, '\u0000\u00ff binary junk');
    await bus.publish('room:a', { ok: true });
    await vi.waitFor(() => expect(got).toEqual([{ ok: true }]), { timeout: 2_000 });
    expect(log.entries.filter((e) => e.msg === 'Dropped an event that is not JSON.')).toHaveLength(2);
    await bus.close();
    await redis.quit();
  });

  it('re-subscribes after its subscriber connection is killed, so a room keeps hearing its agent', async () => {
    const name = `sub-${prefix}`;
    const redis = redisClient({ connectionName: name });
    const bus = new RedisEventBus({ redis, prefix, log: recordingLogger() });
    const got: unknown[] = [];
    await subscribeRoom(bus, 'room-1', (e) => got.push(e));
    // Only the subscriber connection (the one with subscriptions) dies; the publisher stays up.
    expect(await killConnections(admin, name, (c) => Number(c.sub) > 0)).toBe(1);
    const event = (seq: number) =>
      JSON.stringify({ type: 'subtitle', roomId: 'room-1', turnId: 't1', seq, delta: 'a', text: 'a' });
    let seq = 0;
    await vi.waitFor(
      async () => {
        await publisher.publish(`${prefix}:room:room-1`, event(seq++));
        expect(got.length).toBeGreaterThan(0);
      },
      { timeout: 5_000, interval: 100 },
    );
    await bus.close();
    await redis.quit();
  });

  it('keeps one SUBSCRIBE per channel however many local handlers, and UNSUBSCRIBEs after the last', async () => {
    const redis = redisClient();
    const bus = new RedisEventBus({ redis, prefix });
    const key = `${prefix}:room:a`;
    const offs = await Promise.all([1, 2, 3].map(() => bus.subscribe('room:a', () => undefined)));
    expect(await admin.pubsub('NUMSUB', key)).toEqual([key, 1]);
    await offs[0]();
    await offs[1]();
    expect(await admin.pubsub('NUMSUB', key)).toEqual([key, 1]);
    await offs[2]();
    expect(await admin.pubsub('NUMSUB', key)).toEqual([key, 0]);
    await bus.close();
    await redis.quit();
  });
});
