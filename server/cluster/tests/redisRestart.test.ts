import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, guestWithRoom, joinVia } from '../../../test-support/clusterClient';
import { postgresUrl, serviceAvailable } from '../../../test-support/services';
import { startTestCluster, type TestCluster } from '../../../test-support/testCluster';

type Joined = Awaited<ReturnType<typeof joinVia>>;

const status = async (url: string) => (await fetch(`${url}/healthz`)).status;
const replies = (c: Joined) => c.room.state.chat.filter((l) => l.kind === 'character').length;

/** Redis restarted empty (its own redis-server, no persistence) under two servers and a worker. */
describe.runIf(serviceAvailable('PostgreSQL', postgresUrl))('Redis restarted under a cluster', () => {
  let cluster: TestCluster;
  let servers: string[];
  beforeAll(async () => {
    cluster = await startTestCluster({
      servers: 2,
      workers: 1,
      env: { TTS_PROVIDER: 'none', ROOM_SAY_BURST: '20', ROOM_SAY_PER_SECOND: '20' },
    });
    servers = cluster.running.processes
      .filter((p) => p.spec.role === 'server')
      .map((p) => `http://127.0.0.1:${p.spec.port}`);
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
  });

  async function say(c: Joined, text: string): Promise<void> {
    c.room.send('say', { text });
    await eventually(() => c.received.some((m) => m.type === 'chat' && m.payload.text === text), `"${text}"`);
  }

  it('while idle: 503 while it is gone, 200 after; clients stay; chat, replies and new joins work again', async () => {
    const r = await guestWithRoom(cluster.url, 'Olivia');
    const host = await joinVia(cluster.url, r.roomId, { token: r.token });
    await say(host, 'before');
    await eventually(() => replies(host) === 1, 'the first reply');
    let left = false;
    host.room.onLeave(() => (left = true));

    await cluster.redis.kill();
    for (const url of servers) await eventually(async () => (await status(url)) === 503, `${url} says 503`);
    await say(host, 'while Redis is away'); // accepted and shown at once; its turn waits for the queue
    await cluster.redis.start();
    for (const url of servers) await eventually(async () => (await status(url)) === 200, `${url} says 200`);

    await eventually(() => replies(host) === 2, 'the reply to the line said while Redis was away', 60_000);
    await say(host, 'after');
    await eventually(() => replies(host) === 3, 'a reply after the restart', 60_000);
    expect(left).toBe(false);
    const newcomer = await joinVia(cluster.url, r.roomId, { link: r.spectator });
    await eventually(
      () => newcomer.room.state.chat.some((l) => l.text === 'while Redis is away'),
      'the newcomer sees the history',
    );
    await Promise.all([host.room.leave(), newcomer.room.leave()]);
  });

  it('with a turn queued: the turn Redis forgot is queued again and answered', async () => {
    const r = await guestWithRoom(cluster.url, 'Ben');
    const host = await joinVia(cluster.url, r.roomId, { token: r.token });
    expect(await cluster.kill('worker-1', 'SIGTERM')).toBe(0); // no worker: the turn stays queued
    const admin = new Redis(cluster.redis.url, { maxRetriesPerRequest: 1 });
    const queued = () => admin.xlen('kotodama:turns');
    const before = await queued();
    await say(host, 'a question nobody takes yet');
    await eventually(async () => (await queued()) > before, 'the turn in the Redis stream');
    admin.disconnect();

    await cluster.redis.kill();
    await cluster.redis.start();
    await cluster.start('worker-1');
    await eventually(() => replies(host) === 1, 'the reply to the queued turn', 60_000);
    expect(host.room.state.chat.filter((l) => l.kind === 'system')).toHaveLength(0);
    const holder = (await cluster.holderOf(r.roomId))!;
    expect(await cluster.log(holder)).toContain('Redis came back without its data');
    await host.room.leave();
  });
});
