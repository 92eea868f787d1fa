import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_ERRORS, PROTOCOL_VERSION } from '@shared';
import { Client } from 'colyseus.js';
import { startTcpProxy, type TcpProxy } from '../../../../test-support/tcpProxy';
import { bootTestServer, type TestServer } from '../../../../test-support/testServer';
import { JoinFailure, RoomConnection, type ClientLike } from './RoomConnection';
import { RoomSession } from './RoomSession';

/** Waits until `check()` is true (polling), or fails with `what`. */
async function until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('RoomSession against the real server', () => {
  let server: TestServer;
  let proxy: TcpProxy;
  let host: { token: string; roomId: string; links: { participant: string; spectator: string } };

  beforeAll(async () => {
    server = await bootTestServer();
    proxy = await startTcpProxy('127.0.0.1', server.port);
    const guest = await server.post('/api/auth/guest', { name: 'Aiko' });
    const room = await server.post('/api/rooms', {}, guest.body.accessToken);
    await server.get(`/api/rooms/${room.body.roomId}`);
    host = { token: guest.body.accessToken, roomId: room.body.roomId, links: room.body.links };
  }, 90_000);

  afterAll(async () => {
    await proxy?.close();
    await server?.stop();
  });

  const session = (endpoint = server.url, token: string | null = host.token, link?: string) =>
    new RoomSession({ roomId: host.roomId, endpoint, accessToken: async () => token, link });
  const linkOf = (url: string) => new URL(url).searchParams.get('link') ?? undefined;

  it('joins as host, learns the server clock, and shows a chat line once', async () => {
    const s = session();
    await s.join();
    await until(() => s.store.view.me !== null, 'the member entry');
    expect(s.store.view.me?.role).toBe('host');
    await until(() => s.clock.synced && s.clock.rttMs !== null, 'a clock reply');
    // Same machine: the server clock is this process's wall clock, and one sample knows it to
    // within half its round trip (+1 ms for whole-millisecond Date.now() on both sides).
    expect(Math.abs(s.clock.serverNow() - Date.now())).toBeLessThanOrEqual(s.clock.rttMs! / 2 + 2);
    s.send('say', { text: 'Hello from the test' });
    await until(() => s.store.view.chat.some((c) => c.text === 'Hello from the test'), 'the chat line');
    // A second line, sent after it on the same connection, arrives after any duplicate of the first.
    s.send('say', { text: 'And a second one' });
    await until(() => s.store.view.chat.some((c) => c.text === 'And a second one'), 'the second line');
    expect(s.store.view.chat.filter((c) => c.text === 'Hello from the test')).toHaveLength(1);
    await s.dispose();
  }, 30_000);

  it('shows reconnecting when the connection drops and comes back with the same seat', async () => {
    const s = session(`http://127.0.0.1:${proxy.port}`);
    const seen: string[] = [];
    s.store.subscribe((v, p) => {
      if (v.connection.status !== p.connection.status) seen.push(v.connection.status);
    });
    await s.join();
    await until(() => s.store.view.me !== null, 'the member entry');
    const seat = s.connection.sessionId;
    proxy.cut();
    await until(() => s.store.view.connection.status === 'reconnecting', 'reconnecting');
    proxy.restore();
    await until(() => s.store.view.connection.status === 'connected', 'connected again');
    expect(s.connection.sessionId).toBe(seat);
    expect(seen).toEqual(['connecting', 'connected', 'reconnecting', 'connected']);
    await s.dispose();
  }, 40_000);

  it('lets a spectator link alone watch, and asks for a name on a participant link', async () => {
    const viewer = session(server.url, null, linkOf(host.links.spectator));
    await viewer.join();
    await until(() => viewer.store.view.me !== null, 'the spectator entry');
    expect(viewer.store.view.me?.role).toBe('spectator');
    await viewer.dispose();
    const err = await session(server.url, null, linkOf(host.links.participant))
      .join()
      .catch((e) => e);
    expect(err).toBeInstanceOf(JoinFailure);
    expect(err.problem).toMatchObject({ code: JOIN_ERRORS.signInRequired, remedy: 'signIn' });
  }, 30_000);

  it('asks an outdated page to reload', async () => {
    const client = new Client(server.url) as unknown as ClientLike;
    const conn = new RoomConnection(client, host.roomId, async () => ({
      token: host.token,
      protocol: PROTOCOL_VERSION + 1,
    }));
    const err = await conn.join().catch((e) => e);
    expect(err.problem).toMatchObject({ code: JOIN_ERRORS.protocolMismatch, remedy: 'reload' });
  }, 30_000);
});
