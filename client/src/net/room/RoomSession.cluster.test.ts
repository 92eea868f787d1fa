import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, eventually } from '../../../../test-support/clusterClient';
import { startFakeOpenAi, chunksOf, type FakeOpenAi } from '../../../../test-support/fakeOpenAi';
import { postgresUrl, serviceAvailable } from '../../../../test-support/services';
import { startTestCluster, type TestCluster } from '../../../../test-support/testCluster';
import { RoomSession } from './RoomSession';

const REPLY = 'Let me think about that for a while. Here is a long answer. It takes a few seconds to stream.';

/** The web client's session through the cluster's proxy while the server holding its room goes away. */
describe.runIf(serviceAvailable('PostgreSQL', postgresUrl))('a room whose server process goes away', () => {
  let llm: FakeOpenAi;
  let cluster: TestCluster;
  beforeAll(async () => {
    llm = await startFakeOpenAi({ fallback: { chunks: chunksOf(REPLY), chunkDelayMs: 100 } });
    cluster = await startTestCluster({
      servers: 3,
      workers: 1,
      env: { LLM_BASE_URL: llm.baseURL, LLM_MODEL: 'm', TTS_PROVIDER: 'none', DRAIN_TIMEOUT_SECONDS: '20' },
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    await llm?.close();
  });

  async function roomWithHistory(name: string) {
    const owner = await api(cluster.url, 'POST', '/api/auth/guest', { name });
    const room = await api(cluster.url, 'POST', '/api/rooms', {}, owner.accessToken);
    const session = new RoomSession({
      roomId: room.roomId,
      endpoint: cluster.url,
      accessToken: async () => owner.accessToken,
    });
    const statuses: { status: string; at: number }[] = [];
    session.connection.onStatus((s) => statuses.push({ status: s.status, at: Date.now() }));
    await session.join();
    return { roomId: room.roomId as string, session, statuses };
  }

  const chatTexts = (s: RoomSession) => s.store.view.chat.map((l) => l.text);

  it('SIGKILL: its clients are told within 10 s and land back in the same room, reopened elsewhere, with history', async () => {
    const { roomId, session, statuses } = await roomWithHistory('Olivia');
    session.send('say', { text: 'Remember this line' });
    await eventually(() => chatTexts(session).includes(REPLY), 'the first reply');
    await eventually(async () => (await cluster.holderOf(roomId)) !== undefined, 'the room listed');
    const holder = (await cluster.holderOf(roomId))!;

    await cluster.kill(holder, 'SIGKILL');
    const killedAt = Date.now();
    await eventually(() => statuses.some((s) => s.status === 'reconnecting'), 'the client told', 10_000);
    expect(statuses.find((s) => s.status === 'reconnecting')!.at - killedAt).toBeLessThan(10_000);
    await eventually(() => session.connection.state.status === 'connected', 'back in the room', 60_000).catch(
      (err) => {
        throw new Error(
          `${err.message}; statuses ${JSON.stringify(statuses)} ${JSON.stringify(session.connection.state)}`,
        );
      },
    );
    const newHolder = await cluster.holderOf(roomId);
    expect(newHolder).toBeDefined();
    expect(newHolder).not.toBe(holder);
    await eventually(() => chatTexts(session).includes('Remember this line'), 'the history');
    expect(chatTexts(session)).toContain(REPLY);
    session.send('say', { text: 'Still here?' });
    await eventually(
      () => chatTexts(session).filter((t) => t === REPLY).length === 2,
      'a reply on the new process',
      60_000,
    );
    await session.dispose();
  }, 120_000);

  it('SIGTERM drains: the in-flight turn finishes, clients move to another process, the process exits in time', async () => {
    const { roomId, session } = await roomWithHistory('Ben');
    await eventually(async () => (await cluster.holderOf(roomId)) !== undefined, 'the room listed');
    const holder = (await cluster.holderOf(roomId))!;
    session.send('say', { text: 'Answer me while the server stops' });
    await eventually(() => session.store.view.subtitle !== null, 'the reply streaming');

    const exited = cluster.kill(holder, 'SIGTERM');
    expect(await exited).toBe(0);
    // The reply was finished before the clients were moved, so it is in the history they come back to.
    await eventually(
      () => session.connection.state.status === 'connected' && chatTexts(session).includes(REPLY),
      'moved with the reply',
      60_000,
    );
    const newHolder = await cluster.holderOf(roomId);
    expect(newHolder).toBeDefined();
    expect(newHolder).not.toBe(holder);
    expect(chatTexts(session).filter((t) => t === 'Answer me while the server stops')).toHaveLength(1);
    expect(await cluster.log(holder)).toContain('Draining 1 room(s)');
    await session.dispose();
  }, 120_000);
});
