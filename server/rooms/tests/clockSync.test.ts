import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_SYNC, ClockSync, type TimeReply } from '@shared';
import { createRng } from '../../llm/offline/random';
import { createRoom, joinRoom, signIn } from '../../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../../test-support/testServer';

/**
 * A Node client keeps the server clock the way the browser does: `time {t0}` pings, the
 * minimum-round-trip sample of a small window. Its local clock is performance.now(), whose
 * true offset to the server's Date.now() is known on one machine: performance.timeOrigin.
 *
 * The link adds exactly 60 ms each way, so a round trip of `rtt` bounds the estimate's error by
 * (rtt − 120) / 2: whatever queueing a busy machine adds is the only error left. The test asserts
 * that bound (it is tight on a quiet machine, ~1 ms) rather than a fixed number of milliseconds.
 */
const LINK_RTT_MS = 120;
/** Date.now() has whole milliseconds on the server side; one more for the two clocks' reading. */
const CLOCK_READ_SLACK_MS = 2;
describe('clock sync over a slow, jittery link', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer({ EMBEDDED_WORKER: 'false' });
    server.gameServer.simulateLatency(LINK_RTT_MS); // 60 ms each way
  });
  afterAll(async () => {
    server.gameServer.simulateLatency(0);
    await server.stop();
  });

  it('estimates the offset within half the round trip the link did not explain', async () => {
    const owner = await signIn(server, 'Olivia');
    const room = await createRoom(server, owner.accessToken);
    const client = await joinRoom(server, room.roomId, { link: room.spectator });
    const sync = new ClockSync();
    const jitter = createRng(0x5eed_c10c);
    const ping = async () => {
      const t0 = performance.now();
      await new Promise((r) => setTimeout(r, jitter.next() * 40)); // jitter on the way out
      client.room.send('time', { t0 });
      const reply: TimeReply = await client.next('time', (m) => m.t0 === t0, 20_000);
      sync.add({ t0, t1: reply.t1, t2: performance.now() });
    };
    for (let i = 0; i < CLOCK_SYNC.windowSize; i++) await ping();
    const truth = performance.timeOrigin;
    const error = Math.abs(sync.offsetMs - truth);
    console.info(`clock sync: rtt ${sync.rttMs.toFixed(1)} ms, offset error ${error.toFixed(2)} ms`);
    expect(sync.rttMs).toBeGreaterThanOrEqual(110);
    expect(error).toBeLessThanOrEqual((sync.rttMs - LINK_RTT_MS) / 2 + CLOCK_READ_SLACK_MS);
    await client.room.leave();
  });
});
