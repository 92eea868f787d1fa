import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_SYNC, ClockSync, type TimeReply } from '@shared';
import { createRoom, joinRoom, signIn } from '../../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../../test-support/testServer';

/**
 * A Node client keeps the server clock the way the browser does: `time {t0}` pings, the
 * minimum-round-trip sample of a small window. Its local clock is performance.now(), whose
 * true offset to the server's Date.now() is known on one machine: performance.timeOrigin.
 */
describe('clock sync over a slow, jittery link', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer({ EMBEDDED_WORKER: 'false' });
    server.gameServer.simulateLatency(120); // 60 ms each way
  });
  afterAll(async () => {
    server.gameServer.simulateLatency(0);
    await server.stop();
  });

  it('estimates the offset within 10 ms of the truth', async () => {
    const owner = await signIn(server, 'Olivia');
    const room = await createRoom(server, owner.accessToken);
    const client = await joinRoom(server, room.roomId, { link: room.spectator });
    const sync = new ClockSync();
    const ping = async () => {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, Math.random() * 40)); // jitter on the way out
      client.room.send('time', { t0 });
      const reply: TimeReply = await client.next('time', (m) => m.t0 === t0, 5000);
      sync.add({ t0, t1: reply.t1, t2: performance.now() });
    };
    for (let i = 0; i < CLOCK_SYNC.windowSize; i++) await ping();
    const truth = performance.timeOrigin;
    const error = Math.abs(sync.offsetMs - truth);
    console.info(`clock sync: rtt ${sync.rttMs.toFixed(1)} ms, offset error ${error.toFixed(2)} ms`);
    expect(sync.rttMs).toBeGreaterThanOrEqual(110);
    expect(error).toBeLessThan(10);
    await client.room.leave();
  });
});
