import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, guestWithRoom, joinVia } from '../../../test-support/clusterClient';
import { chunksOf, startFakeOpenAi, type FakeOpenAi } from '../../../test-support/fakeOpenAi';
import { postgresUrl, serviceAvailable } from '../../../test-support/services';
import { startTestCluster, type TestCluster } from '../../../test-support/testCluster';

const REPLY =
  'Hello Aiko. This reply is long enough. It streams slowly. So a worker can die in the middle. Then another one finishes it.';

describe.runIf(serviceAvailable('PostgreSQL', postgresUrl))('a worker SIGKILLed mid-turn', () => {
  let llm: FakeOpenAi;
  let cluster: TestCluster;
  beforeAll(async () => {
    llm = await startFakeOpenAi({ fallback: { chunks: chunksOf(REPLY), chunkDelayMs: 120 } });
    cluster = await startTestCluster({
      servers: 1,
      workers: 2,
      only: ['proxy', 'server-1', 'worker-1'],
      env: {
        LLM_BASE_URL: llm.baseURL,
        LLM_MODEL: 'm',
        TTS_PROVIDER: 'none',
        TURN_VISIBILITY_TIMEOUT_MS: '2000',
      },
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    await llm?.close();
  });

  it('has its turn finished by another worker; clients get each (turnId, seq) once and one reply', async () => {
    const r = await guestWithRoom(cluster.url, 'Aiko');
    const host = await joinVia(cluster.url, r.roomId, { token: r.token });
    const spectator = await joinVia(cluster.url, r.roomId, { link: r.spectator });
    host.room.send('say', { text: 'Tell me something, slowly.' });
    await eventually(() => host.received.some((m) => m.type === 'subtitle'), 'the first subtitle');
    expect(await cluster.kill('worker-1', 'SIGKILL')).toBeNull();
    await cluster.start('worker-2');

    for (const c of [host, spectator]) {
      await eventually(() => c.room.state.chat.some((l) => l.kind === 'character'), 'the reply', 60_000);
      const replies = c.room.state.chat.filter((l) => l.kind === 'character');
      expect(replies.map((l) => l.text)).toEqual([REPLY]);
      for (const type of ['subtitle', 'utterance']) {
        const keys = c.received
          .filter((m) => m.type === type)
          .map((m) => `${m.payload.turnId}:${m.payload.seq ?? m.payload.text}`);
        expect(new Set(keys).size, `${type}s are not repeated`).toBe(keys.length);
      }
      const utterances = c.received.filter((m) => m.type === 'utterance').map((m) => m.payload);
      expect(utterances.map((u) => u.seq)).toEqual(utterances.map((_, i) => i));
      expect(utterances.map((u) => u.text).join(' ')).toBe(REPLY);
    }
    // Two deliveries of one turn reached the LLM: the dead worker's, then the new one's.
    expect(llm.requests).toHaveLength(2);
    expect(await cluster.log('worker-2')).toContain('Took over a turn whose worker went silent');
    await Promise.all([host.room.leave(), spectator.room.leave()]);
  });
});
