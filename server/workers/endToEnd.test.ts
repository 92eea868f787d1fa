import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeWav } from '../voice';
import { createRoom, joinRoom, signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

/** A turn through a booted server, with the real in-process worker and the offline persona engine. */
describe('a turn end to end', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('reaches every client as subtitles and ordered utterances, then lands in chat and the database', async () => {
    const owner = await signIn(server, 'Olivia');
    const aikoAccount = await signIn(server, 'Aiko');
    const room = await createRoom(server, owner.accessToken);
    const host = await joinRoom(server, room.roomId, { token: owner.accessToken });
    const aiko = await joinRoom(server, room.roomId, {
      token: aikoAccount.accessToken,
      link: room.participant,
    });
    const spectator = await joinRoom(server, room.roomId, { link: room.spectator });
    const clients = [host, aiko, spectator];

    aiko.room.send('say', { text: 'Hi Kotoha! What do you like?' });
    for (const c of clients) await c.until((s) => s.chat.some((l) => l.kind === 'character'), 20_000);
    const reply = host.room.state.chat.find((l) => l.kind === 'character')!;
    expect(reply.name).toBe('Kotoha');
    expect(reply.text).toMatch(/Aiko/);
    expect(reply.text).not.toMatch(/\[(happy|wave|sad|relaxed)\]/);

    for (const c of clients) {
      const subtitles = c.messages('subtitle');
      const utterances = c.messages('utterance');
      expect(subtitles.length).toBeGreaterThan(0);
      expect(subtitles.at(-1).text).toBe(reply.text);
      expect(utterances.map((u) => u.seq)).toEqual(utterances.map((_, i) => i));
      expect(utterances.map((u) => u.text).join(' ')).toBe(reply.text);
      for (let i = 1; i < utterances.length; i++)
        expect(utterances[i].startAt).toBe(utterances[i - 1].startAt + utterances[i - 1].durationMs);
    }
    // everyone received the identical performance
    expect(aiko.messages('utterance')).toEqual(host.messages('utterance'));
    expect(spectator.messages('utterance')).toEqual(host.messages('utterance'));

    // the voice: real audio, served with long-lived caching, as long as the utterance says
    for (const u of host.messages('utterance')) {
      expect(u.audioUrl).toMatch(/^\/media\/audio\/[0-9a-f]{32}\.wav$/);
      const res = await fetch(`${server.url}${u.audioUrl}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('audio/wav');
      expect(res.headers.get('cache-control')).toMatch(/immutable/);
      const audio = decodeWav(new Uint8Array(await res.arrayBuffer()));
      expect(Math.abs(audio.durationMs - u.durationMs)).toBeLessThan(25);
      expect(u.visemes.length).toBeGreaterThan(2);
      expect(u.visemes.some((k: [number, string, number]) => k[2] > 0.3)).toBe(true);
    }

    await server.services.chat.flush();
    const record = await server.services.repos.rooms.findById(room.roomId);
    const stored = await server.services.repos.conversations.recentMessages(record!.conversationId);
    expect(stored.map((m) => [m.kind, m.text])).toEqual([
      ['user', 'Hi Kotoha! What do you like?'],
      ['character', reply.text],
    ]);
    await Promise.all(clients.map((c) => c.room.leave()));
  });
});
