import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBusAgent } from '../../../test-support/busAgent';
import { postgresBackend, type TestDatabase } from '../../../test-support/databases';
import { createRoom, joinRoom, signIn } from '../../../test-support/roomClient';
import { startTcpProxy, viaProxy, type TcpProxy } from '../../../test-support/tcpProxy';
import { bootTestServer, type TestServer } from '../../../test-support/testServer';

describe.runIf(postgresBackend.available)('a room through a database outage', () => {
  let scratch: TestDatabase;
  let proxy: TcpProxy;
  let server: TestServer;

  beforeAll(async () => {
    scratch = await postgresBackend.open();
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(scratch.url!).port || 5432));
    server = await bootTestServer(
      { DATABASE_URL: viaProxy(scratch.url!, proxy), EMBEDDED_WORKER: 'false' },
      { sayBurst: 50, sayPerSecond: 50 },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    await scratch?.drop();
  });

  it('keeps serving chat while the database is down and writes every line once it is back', async () => {
    const owner = await signIn(server, 'Olivia');
    const room = await createRoom(server, owner.accessToken);
    const host = await joinRoom(server, room.roomId, { token: owner.accessToken });
    const agent = startBusAgent(server);
    let answering = true;
    void (async () => {
      while (answering) {
        const turn = await agent.nextTurn(60_000, room.roomId).catch(() => null);
        if (turn)
          await agent.publish({
            type: 'done',
            roomId: turn.roomId,
            turnId: turn.turnId,
            text: '',
            utterances: 0,
          });
      }
    })();
    proxy.cut();
    const lines = Array.from({ length: 20 }, (_, i) => `said during the outage ${i}`);
    for (const text of lines) {
      await host.until((s) => s.queue.length === 0 && !s.activeTurnId);
      host.room.send('say', { text });
      await host.until((s) => s.chat.some((l) => l.text === text));
    }
    expect((await server.get('/healthz')).status).toBe(503);
    expect(server.services.chat.pendingCount).toBeGreaterThan(0);

    proxy.restore();
    await expect.poll(() => server.services.chat.pendingCount, { timeout: 20_000, interval: 200 }).toBe(0);
    const record = await server.services.repos.rooms.findById(room.roomId);
    const stored = await server.services.repos.conversations.recentMessages(record!.conversationId);
    expect(stored.map((m) => m.text)).toEqual(lines);
    expect((await server.get('/healthz')).status).toBe(200);
    answering = false;
    await agent.stop();
    await host.room.leave();
  });
});
