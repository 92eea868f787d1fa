import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, type Room } from 'colyseus.js';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type RoomState } from '@shared';
import { eventually } from '../../../test-support/clusterClient';
import { createScratchDatabase } from '../../../test-support/databases';
import { startScratchRedis, type ScratchRedis } from '../../../test-support/redisServer';
import { freePort, startServerProcess, type ServerProcess } from '../../../test-support/serverProcess';
import { postgresUrl, serviceAvailable } from '../../../test-support/services';

const run = serviceAvailable('PostgreSQL', postgresUrl);

async function post(base: string, path: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text);
}

async function stateWhere(
  room: Room<RoomState>,
  test: (s: RoomState) => boolean,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const ready = () => {
    try {
      return !!room.state?.members && test(room.state);
    } catch {
      return false;
    }
  };
  while (!ready()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the room state');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Rooms per process, as the processes last wrote them to Colyseus's `roomcount` hash in Redis. */
async function roomCounts(redis: Redis): Promise<number[]> {
  const rows = await redis.hgetall('roomcount');
  return Object.values(rows).map((row) => Number(row.split(',')[0]));
}

/**
 * Colyseus creates a room on the process with the fewest rooms, by counts each process writes to
 * Redis at most once a second; so after each room, wait until the counts include it, then the
 * next room goes to the process with fewer.
 */
async function oneRoomOnEachProcess(base: string, token: string, redis: Redis): Promise<any[]> {
  const byHome = new Map<string, any>();
  for (let created = 1; created <= 4 && byHome.size < 2; created++) {
    const room = await post(base, '/api/rooms', {}, token);
    const seat = await post(base, `/matchmake/joinById/${room.roomId}`, {
      protocol: PROTOCOL_VERSION,
      link: new URL(room.links.spectator).searchParams.get('link'),
    });
    if (!byHome.has(seat.room.publicAddress)) byHome.set(seat.room.publicAddress, room);
    await eventually(
      async () => (await roomCounts(redis)).reduce((a, b) => a + b, 0) >= created,
      'the room counts in Redis',
    );
  }
  expect(byHome.size).toBe(2);
  return [...byHome.values()];
}

describe.runIf(run)('two server processes and a standalone worker on Redis', () => {
  let a: ServerProcess;
  let b: ServerProcess;
  let worker: ServerProcess;
  let dataDir: string;
  // A redis-server of its own: Colyseus's presence keys have no prefix, so two suites sharing one
  // Redis would place rooms on each other's processes.
  let scratchRedis: ScratchRedis;
  let redis: Redis;

  beforeAll(async () => {
    scratchRedis = await startScratchRedis();
    redis = new Redis(scratchRedis.url);
    dataDir = await mkdtemp(join(tmpdir(), 'kotodama-2p-'));
    const shared = {
      DATABASE_URL: await createScratchDatabase(),
      REDIS_URL: scratchRedis.url,
      JWT_SECRET: 'two-process-secret-'.padEnd(40, 'x'),
      EMBEDDED_WORKER: 'false',
      FILES_DIR: join(dataDir, 'files'),
    };
    const [pa, pb] = [await freePort(), await freePort()];
    a = await startServerProcess({
      ...shared,
      PORT: String(pa),
      PUBLIC_ADDRESS: `127.0.0.1:${pa}`,
      DATA_DIR: join(dataDir, 'a'),
    });
    b = await startServerProcess({
      ...shared,
      PORT: String(pb),
      PUBLIC_ADDRESS: `127.0.0.1:${pb}`,
      DATA_DIR: join(dataDir, 'b'),
    });
    worker = await startServerProcess({ ...shared, DATA_DIR: join(dataDir, 'w') }, 'server/worker.ts');
  }, 180_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop(), worker?.stop()]);
    await redis?.quit();
    await scratchRedis?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('lets a client whose HTTP goes to one process join a room living on the other, and carries turns and replies across', async () => {
    const owner = await post(a.url, '/api/auth/guest', { name: 'Olivia' });
    const guest = await post(b.url, '/api/auth/guest', { name: 'Aiko' });
    const rooms = await oneRoomOnEachProcess(a.url, owner.accessToken, redis);

    for (const r of rooms) {
      const link = (role: 'participant' | 'spectator') => new URL(r.links[role]).searchParams.get('link');
      const viaA = await new Client(a.url.replace('http', 'ws')).joinById<RoomState>(r.roomId, {
        protocol: PROTOCOL_VERSION,
        token: guest.accessToken,
        link: link('participant'),
      });
      const viaB = await new Client(b.url.replace('http', 'ws')).joinById<RoomState>(r.roomId, {
        protocol: PROTOCOL_VERSION,
        link: link('spectator'),
      });
      const utterances: { audioUrl: string; durationMs: number }[] = [];
      for (const room of [viaA, viaB]) room.onMessage('*', () => undefined); // only state and utterances matter here
      viaB.onMessage('utterance', (u) => utterances.push(u));
      await stateWhere(viaB, (s) => s.members.size === 2);
      viaA.send('say', { text: 'Hello from another process!' });
      await stateWhere(viaB, (s) => s.chat.some((l) => l.text === 'Hello from another process!'));
      await stateWhere(viaB, (s) => s.chat.some((l) => l.kind === 'character' && /Aiko/.test(l.text)));
      expect(utterances.length).toBeGreaterThan(0);
      // The worker's voice wrote the audio to the shared storage; the spectator's process serves it.
      const audio = await fetch(new URL(utterances[0]!.audioUrl, b.url));
      expect(audio.headers.get('content-type')).toBe('audio/wav');
      expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(8_000);
      await Promise.all([viaA.leave(), viaB.leave()]);
    }
  });
});
