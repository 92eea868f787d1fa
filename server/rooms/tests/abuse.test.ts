import { type WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, ERROR_CODES } from '@shared';
import { createRoom, joinRoom, signIn, type TestClient } from '../../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../../test-support/testServer';

/** A tiny seeded PRNG (mulberry32), so a failing fuzz run can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('abuse limits', () => {
  let server: TestServer;
  let token: string;
  let room: Awaited<ReturnType<typeof createRoom>>;

  beforeAll(async () => {
    server = await bootTestServer({ EMBEDDED_WORKER: 'false' }, { reconnectSeconds: 1 });
    const owner = await signIn(server, 'Olivia');
    token = (await signIn(server, 'Aiko')).accessToken;
    room = await createRoom(server, owner.accessToken);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('limits how fast one person may talk', async () => {
    const c = await joinRoom(server, room.roomId, { token, link: room.participant });
    for (let i = 0; i < 5; i++) c.room.send('say', { text: `quick ${i}` });
    const error = await c.next('error', (e) => e.code === ERROR_CODES.rateLimited);
    expect(error.message).toMatch(/wait \d+ s/);
    await c.until((s) => s.chat.filter((l) => l.text.startsWith('quick')).length === 3);
    await c.room.leave();
  });

  it('warns, drops, then disconnects a client that floods', async () => {
    const c = await joinRoom(server, room.roomId, { link: room.spectator });
    for (let i = 0; i < 400; i++) c.room.send('typing', { on: true });
    expect(await c.closed).toBe(CLOSE_CODES.flood);
    expect(c.messages('error').filter((e) => e.code === ERROR_CODES.rateLimited)).toHaveLength(1);
  });

  it('closes the connection on an oversized frame and keeps serving others', async () => {
    const c = await joinRoom(server, room.roomId, { token, link: room.participant });
    const other = await joinRoom(server, room.roomId, { link: room.spectator });
    c.room.send('say', { text: 'x'.repeat(8000) });
    expect(await c.closed).not.toBe(1000);
    other.room.send('react', { emoji: '👏' });
    expect(await other.next('reaction')).toMatchObject({ emoji: '👏' });
    await other.room.leave();
  });

  it('keeps the seat of a client that drops and comes back in time, and frees it after', async () => {
    const c = await joinRoom(server, room.roomId, { token, link: room.participant });
    const watcher = await joinRoom(server, room.roomId, { link: room.spectator });
    const sessionId = c.room.sessionId;
    const reconnectionToken = c.room.reconnectionToken;
    (c.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close(4999 as never);
    await watcher.until((s) => s.members.get(sessionId)?.connected === false);
    const { Client } = await import('colyseus.js');
    const back = await new Client(`ws://127.0.0.1:${server.port}`).reconnect(reconnectionToken);
    expect(back.sessionId).toBe(sessionId);
    await watcher.until(
      (s) => s.members.get(sessionId)?.connected === true && s.members.get(sessionId)?.name === 'Aiko',
    );

    (back.connection as unknown as { transport: { ws: WebSocket } }).transport.ws.close(4999 as never);
    await watcher.until((s) => s.members.get(sessionId)?.connected === false);
    await watcher.until((s) => !s.members.has(sessionId), 5000); // the 1 s window of this test server passed
    await expect(
      new Client(`ws://127.0.0.1:${server.port}`).reconnect(back.reconnectionToken),
    ).rejects.toThrow();
    await watcher.room.leave();
  });
});

describe('fuzzing a room', () => {
  it('survives 10,000 malformed or random frames and still serves well-formed clients', async () => {
    // generous flood limits, so every frame reaches the handlers instead of the flood guard
    const server = await bootTestServer(
      { EMBEDDED_WORKER: 'false' },
      {
        flood: { perSecond: 1e6, burst: 1e6, dropsBeforeDisconnect: 1e6, windowMs: 1000 },
        sayBurst: 1e6,
        sayPerSecond: 1e6,
      },
    );
    try {
      const owner = await signIn(server, 'Olivia');
      const token = (await signIn(server, 'Mallory')).accessToken;
      const room = await createRoom(server, owner.accessToken);
      const host = await joinRoom(server, room.roomId, { token: owner.accessToken });
      const victim = await joinRoom(server, room.roomId, { link: room.spectator });
      const random = prng(20261127);
      let sent = 0;
      let reconnects = 0;
      while (sent < 10_000) {
        const fuzzer = await joinRoom(server, room.roomId, { token, link: room.participant });
        sent += await fuzzFrames(fuzzer, random, 10_000 - sent, victim.room.sessionId);
        reconnects++;
        await Promise.race([fuzzer.room.leave().catch(() => undefined), fuzzer.closed]);
      }
      expect(sent).toBe(10_000);
      const fresh = await joinRoom(server, room.roomId, { token, link: room.participant });
      fresh.room.send('react', { emoji: '🎉' });
      expect(await victim.next('reaction', (r) => r.emoji === '🎉')).toMatchObject({ name: 'Mallory' });
      const ben = await joinRoom(server, room.roomId, {
        token: (await signIn(server, 'Ben')).accessToken,
        link: room.participant,
      });
      ben.room.send('say', { text: 'still here?' });
      await victim.until((s) => s.chat.some((l) => l.text === 'still here?'));
      expect(host.room.state.members.get(victim.room.sessionId)?.role).toBe('spectator');
      expect(host.room.state.members.get(host.room.sessionId)?.role).toBe('host');
      expect((await server.get('/healthz')).status).toBe(200);
      console.info(`fuzz: 10,000 frames over ${reconnects} connection(s)`);
    } finally {
      await server.stop();
    }
  });
});

/** Sends up to `count` random frames; stops early when the server closes the connection. */
async function fuzzFrames(
  fuzzer: TestClient,
  random: () => number,
  count: number,
  victimId: string,
): Promise<number> {
  const ws = (fuzzer.room.connection as unknown as { transport: { ws: WebSocket } }).transport.ws;
  const names = ['say', 'react', 'typing', 'vote', 'host', 'time', 'nope', '', '\u0000', 'x'.repeat(300)];
  const values = [
    null,
    true,
    42,
    -1e308,
    'x'.repeat(3000),
    { text: 'hi' },
    { text: 7 },
    { action: 'kick', sessionId: victimId },
    { action: 'promote', sessionId: 'me' },
    { emoji: '💣' },
    [1, [2, [3]]],
    { t0: 'now' },
    { on: 'yes' },
    { text: 'x'.repeat(499) },
  ];
  let sent = 0;
  while (sent < count && ws.readyState === ws.OPEN) {
    const kind = random();
    if (kind < 0.5) {
      fuzzer.room.send(
        names[Math.floor(random() * names.length)],
        values[Math.floor(random() * values.length)],
      );
    } else {
      const junk = new Uint8Array(1 + Math.floor(random() * 64));
      for (let j = 0; j < junk.length; j++) junk[j] = Math.floor(random() * 256);
      if (kind < 0.8) junk[0] = random() < 0.5 ? 13 : 17; // ROOM_DATA / ROOM_DATA_BYTES with a junk body
      ws.send(junk);
    }
    sent++;
    if (sent % 250 === 0) await new Promise((r) => setTimeout(r, 2));
  }
  return sent;
}

export type { TestClient };
