import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES, ERROR_CODES, utteranceId } from '@shared';
import { startBusAgent, type BusAgent } from '../../../test-support/busAgent';
import { createRoom, joinRoom, signIn, type TestClient } from '../../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../../test-support/testServer';

describe('talking in a character room', () => {
  let server: TestServer;
  let agent: BusAgent;
  let host: TestClient;
  let aiko: TestClient;
  let ben: TestClient;
  let spectator: TestClient;
  let clients: TestClient[];
  let roomId: string;
  let spectatorLink: string;

  beforeAll(async () => {
    server = await bootTestServer(
      { EMBEDDED_WORKER: 'false' },
      { sayBurst: 100, sayPerSecond: 100, leadMs: 50 },
    );
    agent = startBusAgent(server);
  });
  afterAll(async () => {
    await agent.stop();
    await server.stop();
  });

  beforeEach(async () => {
    const owner = await signIn(server, 'Olivia');
    const room = await createRoom(server, owner.accessToken);
    roomId = room.roomId;
    spectatorLink = room.spectator;
    const [a, b] = await Promise.all([signIn(server, 'Aiko'), signIn(server, 'Ben')]);
    host = await joinRoom(server, room.roomId, { token: owner.accessToken });
    aiko = await joinRoom(server, room.roomId, { token: a.accessToken, link: room.participant });
    ben = await joinRoom(server, room.roomId, { token: b.accessToken, link: room.participant });
    spectator = await joinRoom(server, room.roomId, { link: room.spectator });
    clients = [host, aiko, ben, spectator];
    await host.until((s) => s.members.size === 4);
  });
  afterEach(async () => {
    await Promise.all(clients.map((c) => Promise.race([c.room.leave().catch(() => undefined), c.closed])));
  });

  it('delivers a chat line to everyone at once and queues a turn naming the speaker', async () => {
    aiko.room.send('say', { text: '  Hello Kotoha!  ' });
    for (const c of clients) {
      const line = await c.next('chat', (l) => l.text === 'Hello Kotoha!');
      expect(line).toMatchObject({ kind: 'user', name: 'Aiko' });
    }
    const turn = await agent.nextTurn(5000, roomId);
    expect(turn.messages).toEqual([expect.objectContaining({ name: 'Aiko', text: 'Hello Kotoha!' })]);
    expect(turn.character.name).toBe('Kotoha');
    await host.until((s) => s.activeTurnId === turn.turnId && s.chat.some((l) => l.text === 'Hello Kotoha!'));
  });

  it('refuses a spectator who tries to speak: an error, no chat line, no turn', async () => {
    spectator.room.send('say', { text: 'let me in' });
    const error = await spectator.next('error');
    expect(error.code).toBe(ERROR_CODES.forbidden);
    aiko.room.send('say', { text: 'marker' });
    await host.next('chat', (l) => l.text === 'marker');
    expect(host.messages('chat').map((l) => l.text)).not.toContain('let me in');
    expect((await agent.nextTurn(5000, roomId)).messages[0].text).toBe('marker');
  });

  it('refuses a line that breaks the room rules: the sender is told, nobody else sees it, no turn', async () => {
    aiko.room.send('say', { text: 'Ben, go kill yourself' });
    const error = await aiko.next('error');
    expect(error).toMatchObject({
      code: ERROR_CODES.moderated,
      message: expect.stringMatching(/not posted.*rephrase/),
      about: 'say',
    });
    aiko.room.send('say', { text: 'marker' });
    await host.next('chat', (l) => l.text === 'marker');
    for (const c of clients)
      expect(c.messages('chat').map((l) => l.text)).not.toContain('Ben, go kill yourself');
    expect(host.room.state.chat.map((l) => l.text)).not.toContain('Ben, go kill yourself');
    expect((await agent.nextTurn(5000, roomId)).messages[0].text).toBe('marker');
  });

  it('refuses host actions from anyone but the host, changing nothing', async () => {
    aiko.room.send('host', { action: 'pause' });
    aiko.room.send('host', { action: 'kick', sessionId: ben.room.sessionId });
    spectator.room.send('host', { action: 'mode', mode: 'hosted' });
    await aiko.next('error', (e) => e.code === ERROR_CODES.forbidden);
    await spectator.next('error', (e) => e.code === ERROR_CODES.forbidden);
    expect(host.room.state.paused).toBe(false);
    expect(host.room.state.mode).toBe('open');
    expect(host.room.state.members.has(ben.room.sessionId)).toBe(true);
  });

  it('answers malformed messages with a clear error and changes nothing', async () => {
    aiko.room.send('say', { text: '   ' });
    aiko.room.send('say', { text: 'x'.repeat(501) });
    aiko.room.send('say', { words: 'hi' });
    aiko.room.send('dance', { now: true });
    const errors = await Promise.all([
      aiko.next('error', (e) => /Type something/.test(e.message)),
      aiko.next('error', (e) => /at most 500/.test(e.message)),
      aiko.next('error', (e) => e.code === ERROR_CODES.unknownMessage),
    ]);
    expect(errors).toHaveLength(3);
    expect(
      aiko.messages('error').filter((e) => e.code === ERROR_CODES.invalidMessage).length,
    ).toBeGreaterThanOrEqual(3);
    expect(host.room.state.queue.length).toBe(0);
  });

  it('plays the reply: subtitles, utterances back to back, speech state, then the reply in chat', async () => {
    aiko.room.send('say', { text: 'Tell me a story' });
    const turn = await agent.nextTurn(5000, roomId);
    await agent.reply(turn, ['Once upon a time.', 'The end.'], 300);
    for (const c of clients) {
      const [u0, u1] = [
        await c.next('utterance', (u) => u.seq === 0),
        await c.next('utterance', (u) => u.seq === 1),
      ];
      expect(u1.startAt).toBe(u0.startAt + 300);
      expect(c.messages('subtitle')[0]).toEqual({ turnId: turn.turnId, text: 'Once upon a time. The end.' });
    }
    await spectator.until((s) => s.speech.turnId === turn.turnId && s.character.speaking);
    await spectator.until((s) =>
      s.chat.some((l) => l.kind === 'character' && l.text === 'Once upon a time. The end.'),
    );
    await spectator.until((s) => !s.character.speaking && s.speech.turnId === '', 15_000);
  });

  it('drops duplicate agent events of a redelivered turn', async () => {
    aiko.room.send('say', { text: 'once only' });
    const turn = await agent.nextTurn(5000, roomId);
    await agent.reply(turn, ['Only once.'], 100);
    await agent.reply(turn, ['Only once.'], 100); // a second worker replays the turn
    await host.until((s) => s.chat.some((l) => l.kind === 'character'));
    // The next turn's reply travels the same bus channel and socket after the replay: once it is
    // here, anything the replay would have caused is here too.
    aiko.room.send('say', { text: 'and again' });
    const after = await agent.nextTurn(5000, roomId);
    await agent.reply(after, ['After.'], 100);
    await host.next('utterance', (u) => u.turnId === after.turnId);
    expect(host.messages('utterance').filter((u) => u.turnId === turn.turnId)).toHaveLength(1);
    expect(host.room.state.chat.filter((l) => l.kind === 'character')).toHaveLength(1);
  });

  it('answers the next person when a reply is done, merging short messages', async () => {
    aiko.room.send('say', { text: 'first' });
    const first = await agent.nextTurn(5000, roomId);
    aiko.room.send('say', { text: 'second from Aiko' });
    ben.room.send('say', { text: 'hi from Ben' });
    await host.until((s) => s.queue.length === 2);
    await agent.reply(first, ['One.'], 50);
    const merged = await agent.nextTurn(5000, roomId);
    expect(merged.messages.map((m) => m.name).sort()).toEqual(['Aiko', 'Ben']);
    expect(merged.transcript.some((l) => l.text === 'first')).toBe(true);
  });

  it('caps each person at 3 waiting messages', async () => {
    aiko.room.send('say', { text: 'busy' });
    await agent.nextTurn(5000, roomId);
    for (const t of ['a', 'b', 'c', 'd']) aiko.room.send('say', { text: t });
    const refused = await aiko.next('error', (e) => e.code === ERROR_CODES.queueFull);
    expect(refused.message).toMatch(/3 messages waiting/);
    await host.until((s) => s.queue.length === 3);
  });

  it('stops everything on interrupt and goes on with the next message', async () => {
    aiko.room.send('say', { text: 'talk for a long time' });
    const turn = await agent.nextTurn(5000, roomId);
    await agent.publish({
      type: 'utterance',
      roomId: turn.roomId,
      turnId: turn.turnId,
      seq: 0,
      text: 'Long...',
      expression: 'neutral',
      audioUrl: '',
      durationMs: 10_000,
      visemes: [],
    });
    await spectator.until((s) => s.character.speaking);
    ben.room.send('say', { text: 'my turn' });
    await host.until((s) => s.queue.length === 1);
    host.room.send('host', { action: 'interrupt' });
    for (const c of clients) expect(await c.next('interrupt')).toEqual({ turnId: turn.turnId });
    await spectator.until((s) => !s.character.speaking && s.speech.turnId === '');
    const next = await agent.nextTurn(5000, roomId);
    expect(next.messages[0].text).toBe('my turn');
    // late events of the cancelled turn change nothing
    await agent.publish({
      type: 'done',
      roomId: turn.roomId,
      turnId: turn.turnId,
      text: 'ghost',
      utterances: 1,
    });
    // The next turn's reply comes after the ghost on the same channel: once it is in, so is the ghost's effect.
    await agent.reply(next, ['After the ghost.'], 100);
    await host.until((s) => s.chat.some((l) => l.text === 'After the ghost.'));
    expect(host.room.state.chat.some((l) => l.text === 'ghost')).toBe(false);
  });

  it('in hosted mode waits for the host to pick a question', async () => {
    host.room.send('host', { action: 'mode', mode: 'hosted' });
    await aiko.until((s) => s.mode === 'hosted');
    aiko.room.send('say', { text: 'question A' });
    ben.room.send('say', { text: 'question B' });
    await host.until((s) => s.queue.length === 2);
    spectator.room.send('vote', { queueId: host.room.state.queue[1].id });
    await host.until((s) => s.queue[1].votes === 1);
    await expect(agent.nextTurn(400, roomId)).rejects.toThrow(/no turn/);
    host.room.send('host', { action: 'pick', queueId: host.room.state.queue[1].id });
    expect((await agent.nextTurn(5000, roomId)).messages[0].text).toBe('question B');
  });

  it('lets the host pause, mute, promote and kick', async () => {
    host.room.send('host', { action: 'pause' });
    await aiko.until((s) => s.paused);
    aiko.room.send('say', { text: 'while paused' });
    await host.until((s) => s.queue.length === 1);
    await expect(agent.nextTurn(300, roomId)).rejects.toThrow();
    host.room.send('host', { action: 'resume' });
    expect((await agent.nextTurn(5000, roomId)).messages[0].text).toBe('while paused');

    host.room.send('host', { action: 'mute', sessionId: ben.room.sessionId });
    await ben.until((s) => s.members.get(ben.room.sessionId)!.muted);
    ben.room.send('say', { text: 'muted words' });
    expect((await ben.next('error')).code).toBe(ERROR_CODES.muted);

    host.room.send('host', { action: 'promote', sessionId: aiko.room.sessionId });
    await aiko.until((s) => s.members.get(aiko.room.sessionId)!.role === 'host');

    aiko.room.send('host', { action: 'kick', sessionId: ben.room.sessionId });
    expect(await ben.closed).toBe(CLOSE_CODES.kicked);
    await host.until((s) => !s.members.has(ben.room.sessionId));
  });

  it('lets the host revoke the links: old links stop working, new ones work', async () => {
    const summary = await server.get(`/api/rooms/${roomId}`, (await signIn(server, 'x')).accessToken);
    expect(summary.body.links).toBeUndefined();
    host.room.send('host', { action: 'revokeLinks' });
    const links = await host.next('links');
    const linkOf = (url: string) => new URL(url).searchParams.get('link')!;
    const refused = await joinRoom(server, roomId, { link: spectatorLink }).then(
      () => 'joined',
      (e) => e.code,
    );
    expect(refused).toBe(4102);
    const fresh = await joinRoom(server, roomId, { link: linkOf(links.spectator) });
    clients.push(fresh);
    expect(fresh.room.state.members.get(fresh.room.sessionId)?.role).toBe('spectator');
  });

  it('shows who is typing, and clears it when they send', async () => {
    aiko.room.send('typing', { on: true });
    await spectator.until((s) => s.members.get(aiko.room.sessionId)!.typing);
    spectator.room.send('typing', { on: true }); // spectators do not type
    aiko.room.send('say', { text: 'done typing' });
    await spectator.until((s) => !s.members.get(aiko.room.sessionId)!.typing);
    expect(host.room.state.members.get(spectator.room.sessionId)!.typing).toBe(false);
  });

  it('answers clock pings with the server time', async () => {
    const t0 = performance.now();
    const sent = Date.now();
    aiko.room.send('time', { t0 });
    const reply = await aiko.next('time');
    const received = Date.now();
    expect(reply.t0).toBe(t0);
    // Same machine, same wall clock: the server read it between the ping leaving and the reply landing.
    expect(reply.t1).toBeGreaterThanOrEqual(sent);
    expect(reply.t1).toBeLessThanOrEqual(received);
  });

  it('sends a late joiner the utterances still to play', async () => {
    aiko.room.send('say', { text: 'long answer please' });
    const turn = await agent.nextTurn(5000, roomId);
    await agent.reply(turn, ['First part.', 'Second part.'], 2000);
    await host.next('utterance', (u) => u.seq === 1);
    const late = await joinRoom(server, host.room.roomId, {}); // a public room: anyone may watch
    clients.push(late);
    const ids = [
      await late.next('utterance', (u) => u.seq === 0),
      await late.next('utterance', (u) => u.seq === 1),
    ].map(utteranceId);
    expect(ids).toEqual([`${turn.turnId}:0`, `${turn.turnId}:1`]);
  });
});
