import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOIN_ERRORS } from '@shared';
import { createRoom, joinError, joinRoom, signIn } from '../../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../../test-support/testServer';

describe('joining a character room', () => {
  let server: TestServer;
  let owner: Awaited<ReturnType<typeof signIn>>;
  let guest: Awaited<ReturnType<typeof signIn>>;
  let room: Awaited<ReturnType<typeof createRoom>>;

  beforeAll(async () => {
    server = await bootTestServer({ EMBEDDED_WORKER: 'false' });
    owner = await signIn(server, 'Olivia');
    guest = await signIn(server, 'Ben');
    room = await createRoom(server, owner.accessToken);
  });
  afterAll(async () => {
    await server.stop();
  });

  it('makes the owner host, even with a spectator link', async () => {
    const c = await joinRoom(server, room.roomId, { token: owner.accessToken, link: room.spectator });
    expect(c.room.state.members.get(c.room.sessionId)?.role).toBe('host');
    expect(c.room.state.members.get(c.room.sessionId)?.name).toBe('Olivia');
    await c.room.leave();
  });

  it('makes an account with a participant link a participant', async () => {
    const c = await joinRoom(server, room.roomId, { token: guest.accessToken, link: room.participant });
    expect(c.room.state.members.get(c.room.sessionId)).toMatchObject({
      role: 'participant',
      name: 'Ben',
      userId: guest.user.id,
    });
    await c.room.leave();
  });

  it('lets an anonymous visitor watch with a spectator link', async () => {
    const c = await joinRoom(server, room.roomId, { link: room.spectator });
    expect(c.room.state.members.get(c.room.sessionId)?.role).toBe('spectator');
    await c.room.leave();
  });

  it('ignores a role the client claims for itself', async () => {
    const c = await joinRoom(server, room.roomId, {
      link: room.spectator,
      role: 'host',
      userId: owner.user.id,
    });
    expect(c.room.state.members.get(c.room.sessionId)?.role).toBe('spectator');
    await c.room.leave();
  });

  it('asks for an account when a participant link comes without one', async () => {
    expect(await joinError(server, room.roomId, { link: room.participant })).toMatchObject({
      code: JOIN_ERRORS.signInRequired,
    });
  });

  it('refuses a client that speaks another protocol version, saying to reload', async () => {
    const err = await joinError(server, room.roomId, { link: room.spectator, protocol: 999 });
    expect(err).toMatchObject({ code: JOIN_ERRORS.protocolMismatch });
    expect(err!.message).toMatch(/reload/);
  });

  it('refuses forged and foreign links and forged access tokens', async () => {
    expect(
      await joinError(server, room.roomId, { link: `${room.participant}x`, token: guest.accessToken }),
    ).toMatchObject({ code: JOIN_ERRORS.invalidLink });
    const other = await createRoom(server, owner.accessToken);
    expect(
      await joinError(server, room.roomId, { link: other.participant, token: guest.accessToken }),
    ).toMatchObject({ code: JOIN_ERRORS.invalidLink });
    expect(
      await joinError(server, room.roomId, {
        token: `${guest.accessToken.slice(0, -2)}xx`,
        link: room.participant,
      }),
    ).toMatchObject({ code: JOIN_ERRORS.signInRequired });
  });

  it('lists the room publicly with its counts and reopens it after everyone left', async () => {
    const list = await server.get('/api/rooms');
    expect(list.body.rooms.map((r: any) => r.roomId)).toContain(room.roomId);
    const summary = await server.get(`/api/rooms/${room.roomId}`, owner.accessToken);
    expect(summary.body).toMatchObject({ roomId: room.roomId, character: { name: 'Kotoha' }, mode: 'open' });
    expect(summary.body.links.participant).toContain(`/r/${room.roomId}?link=`);
    const notOwner = await server.get(`/api/rooms/${room.roomId}`, guest.accessToken);
    expect(notOwner.body.links).toBeUndefined();
    expect((await server.get('/api/rooms/nope')).status).toBe(404);
  });

  it('needs an account to create a room', async () => {
    expect((await server.post('/api/rooms', {})).status).toBe(401);
    expect((await server.post('/api/rooms', { mode: 'chaos' }, owner.accessToken)).status).toBe(400);
  });

  it('never seats more than maxClients under a join burst, and reopens an emptied room with its chat', async () => {
    const small = await bootTestServer({ EMBEDDED_WORKER: 'false' }, { maxClients: 5, emptyRoomTtlMs: 1500 });
    try {
      const host = await signIn(small, 'H');
      const r = await createRoom(small, host.accessToken);
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, () => joinRoom(small, r.roomId, { link: r.spectator })),
      );
      const joined = results.flatMap((x) => (x.status === 'fulfilled' ? [x.value] : []));
      expect(joined).toHaveLength(5);
      await joined[0].until((s) => s.members.size === 5);

      const speaker = joined[0];
      await Promise.all(joined.slice(1).map((c) => c.room.leave()));
      const chatter = await joinRoom(small, r.roomId, { token: host.accessToken });
      chatter.room.send('say', { text: 'remember me' });
      await chatter.until((s) => s.chat.some((l) => l.text === 'remember me'));
      await Promise.all([speaker.room.leave(), chatter.room.leave()]);
      await small.services.chat.flush();
      await expect
        .poll(async () => (await small.get('/api/rooms')).body.rooms.length, { timeout: 5000 })
        .toBe(0);

      expect((await small.get(`/api/rooms/${r.roomId}`)).status).toBe(200);
      const back = await joinRoom(small, r.roomId, { token: host.accessToken });
      expect(back.room.state.chat.map((l) => l.text)).toContain('remember me');
      await back.room.leave();
    } finally {
      await small.stop();
    }
  });
});
