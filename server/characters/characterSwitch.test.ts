import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@shared';
import { buildVrm } from '../media/vrm/vrm.testkit';
import { createRoom, joinRoom, signIn, type TestClient } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';
import { call, uploadAvatar } from './catalogue.testkit';

const PERSONA = 'Rin is a cheerful astronomer who explains the night sky simply and never invents facts.';

describe("the host switches the room's character and every client swaps the avatar", () => {
  let server: TestServer;
  let host: TestClient;
  let participant: TestClient;
  let spectator: TestClient;
  let participantToken: string;
  let spectatorLink: string;
  let rin: { id: string; avatarUrl: string };

  beforeAll(async () => {
    server = await bootTestServer({ EMBEDDED_WORKER: 'false' });
    const owner = await signIn(server, 'Hana');
    const guest = await signIn(server, 'Ken');
    participantToken = guest.accessToken;
    const avatar = await uploadAvatar(server, owner.accessToken, buildVrm({ expressions: ['aa', 'happy'] }), {
      name: 'Rin',
    });
    rin = (
      await call(
        server,
        'POST',
        '/api/characters',
        { name: 'Rin', persona: PERSONA, avatarId: avatar.body.id },
        owner.accessToken,
      )
    ).body;
    expect(rin.avatarUrl).toBe(avatar.body.url);
    const room = await createRoom(server, owner.accessToken);
    spectatorLink = room.spectator;
    host = await joinRoom(server, room.roomId, { token: owner.accessToken });
    participant = await joinRoom(server, room.roomId, { token: guest.accessToken, link: room.participant });
    spectator = await joinRoom(server, room.roomId, { link: room.spectator });
    await host.until((s) => s.members.size === 3);
  });
  afterAll(async () => {
    await Promise.all([host, participant, spectator].map((c) => c?.room.leave().catch(() => undefined)));
    await server?.stop();
  });

  it('starts every client on the default character', () => {
    for (const c of [host, participant, spectator]) {
      expect(c.room.state.character.name).toBe('Kotoha');
      expect(c.room.state.character.avatarUrl).toBe('/avatars/kotoha.vrm');
    }
  });

  it('refuses a participant who tries to switch: an error, and nothing changes', async () => {
    participant.room.send('host', { action: 'character', characterId: rin.id });
    const error = await participant.next('error', (e) => e.code === ERROR_CODES.forbidden);
    expect(error.message).toMatch(/host/i);
    spectator.room.send('host', { action: 'character', characterId: rin.id });
    await spectator.next('error', (e) => e.code === ERROR_CODES.forbidden);
    expect(host.room.state.character.name).toBe('Kotoha');
  });

  it('tells the host when the character does not exist or is not theirs to use', async () => {
    host.room.send('host', { action: 'character', characterId: 'not-a-character' });
    await host.next('error', (e) => e.code === ERROR_CODES.notFound);
    const theirs = await call(
      server,
      'POST',
      '/api/characters',
      { name: 'Secret', persona: PERSONA },
      participantToken,
    );
    host.room.send('host', { action: 'character', characterId: theirs.body.id });
    await host.next(
      'error',
      (e) =>
        e.code === ERROR_CODES.notFound &&
        host.messages('error').filter((m) => m.code === ERROR_CODES.notFound).length >= 2,
    );
    expect(host.room.state.character.name).toBe('Kotoha');
  });

  it('reaches the participant and the spectator over their open connections', async () => {
    const sessions = [participant, spectator].map((c) => c.room.sessionId);
    host.room.send('host', { action: 'character', characterId: rin.id });
    for (const c of [host, participant, spectator]) {
      await c.until(
        (s) =>
          s.character.id === rin.id && s.character.name === 'Rin' && s.character.avatarUrl === rin.avatarUrl,
      );
    }
    // Same sessions: nobody reconnected to see the new avatar.
    expect([participant, spectator].map((c) => c.room.sessionId)).toEqual(sessions);
    expect(rin.avatarUrl).toMatch(/^\/media\/avatars\/[0-9a-f]{64}\.vrm$/);
    expect((await fetch(`${server.url}${rin.avatarUrl}`)).status).toBe(200);
  });

  it('shows the new character to someone who joins afterwards, and in the room list', async () => {
    const late = await joinRoom(server, host.room.roomId, { link: spectatorLink });
    expect(late.room.state.character).toMatchObject({ name: 'Rin', avatarUrl: rin.avatarUrl });
    await late.room.leave();
    const listed = (await server.get('/api/rooms')).body.rooms.find(
      (r: { roomId: string }) => r.roomId === host.room.roomId,
    );
    expect(listed?.character.name).toBe('Rin');
  });
});
