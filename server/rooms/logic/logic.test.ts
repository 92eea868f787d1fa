import { describe, expect, it } from 'vitest';
import { JOIN_ERRORS } from '@shared';
import { FloodGuard } from './FloodGuard';
import { decideRole, type RoomFacts } from './joinPolicy';
import { SeenEvents } from './SeenEvents';
import { TokenBucket } from './TokenBucket';
import { canEnqueue, DEFAULT_QUEUE_POLICY, nextBatch, type QueuedMessage } from './waitingMessages';
import { UtteranceSchedule } from './UtteranceSchedule';

const room: RoomFacts = {
  roomId: 'r1',
  ownerId: 'owner',
  linkGeneration: 2,
  isPublic: true,
  promoted: new Set(['vip']),
  banned: new Set(['troll']),
};
const user = (userId: string) => ({ userId, name: userId });
const link = (role: 'participant' | 'spectator', roomId = 'r1', generation = 2) => ({
  roomId,
  role,
  generation,
});

describe('decideRole', () => {
  it('makes the owner and promoted people hosts, whatever link they hold', () => {
    expect(decideRole({ user: user('owner'), link: link('spectator') }, room)).toEqual({
      ok: true,
      role: 'host',
    });
    expect(decideRole({ user: user('vip'), link: null }, room)).toEqual({ ok: true, role: 'host' });
  });
  it('needs an account for a participant link', () => {
    expect(decideRole({ user: user('a'), link: link('participant') }, room)).toEqual({
      ok: true,
      role: 'participant',
    });
    expect(decideRole({ user: null, link: link('participant') }, room)).toMatchObject({
      ok: false,
      code: JOIN_ERRORS.signInRequired,
    });
  });
  it('lets anyone watch with a spectator link, or a public room without one', () => {
    expect(decideRole({ user: null, link: link('spectator') }, room)).toEqual({
      ok: true,
      role: 'spectator',
    });
    expect(decideRole({ user: null, link: null }, room)).toEqual({ ok: true, role: 'spectator' });
    expect(decideRole({ user: null, link: null }, { ...room, isPublic: false })).toMatchObject({
      ok: false,
      code: JOIN_ERRORS.invalidLink,
    });
  });
  it('refuses links for other rooms, revoked links and banned people', () => {
    expect(decideRole({ user: user('a'), link: link('participant', 'r2') }, room)).toMatchObject({
      ok: false,
      code: JOIN_ERRORS.invalidLink,
    });
    expect(decideRole({ user: user('a'), link: link('participant', 'r1', 1) }, room)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/replaced/),
    });
    expect(decideRole({ user: user('troll'), link: link('participant') }, room)).toMatchObject({
      ok: false,
      code: JOIN_ERRORS.banned,
    });
  });
});

const msg = (id: string, userId: string, at: number, text = 'hi'): QueuedMessage => ({
  id,
  userId,
  sessionId: userId,
  name: userId,
  text,
  at,
  votes: 0,
  picked: false,
});

describe('turn queue', () => {
  it('caps pending messages per person', () => {
    const q = [msg('1', 'a', 1), msg('2', 'a', 2), msg('3', 'a', 3)];
    expect(canEnqueue(q, 'a', DEFAULT_QUEUE_POLICY).ok).toBe(false);
    expect(canEnqueue(q, 'b', DEFAULT_QUEUE_POLICY).ok).toBe(true);
  });
  it('merges short messages from different people into one reply, oldest first', () => {
    const q = [msg('1', 'a', 1), msg('2', 'a', 2), msg('3', 'b', 3), msg('4', 'c', 4), msg('5', 'd', 5)];
    expect(nextBatch(q, 'open', new Map(), DEFAULT_QUEUE_POLICY).map((m) => m.id)).toEqual(['1', '3', '4']);
  });
  it('answers a long message on its own', () => {
    const q = [msg('1', 'a', 1, 'x'.repeat(300)), msg('2', 'b', 2)];
    expect(nextBatch(q, 'open', new Map(), DEFAULT_QUEUE_POLICY).map((m) => m.id)).toEqual(['1']);
  });
  it('serves whoever was answered least recently first', () => {
    const q = [msg('1', 'a', 1, 'x'.repeat(300)), msg('2', 'b', 2, 'y'.repeat(300))];
    expect(nextBatch(q, 'open', new Map([['a', 100]]), DEFAULT_QUEUE_POLICY)[0].id).toBe('2');
  });
  it('in hosted mode answers only what the host picked', () => {
    const q = [msg('1', 'a', 1), { ...msg('2', 'b', 2), picked: true }];
    expect(nextBatch(q, 'hosted', new Map(), DEFAULT_QUEUE_POLICY).map((m) => m.id)).toEqual(['2']);
    expect(nextBatch([msg('1', 'a', 1)], 'hosted', new Map(), DEFAULT_QUEUE_POLICY)).toEqual([]);
  });
});

describe('UtteranceSchedule', () => {
  it('starts after the lead when silent and back to back after that', () => {
    const s = new UtteranceSchedule(300);
    expect(s.place(1000, 2000)).toBe(1300);
    expect(s.place(1500, 1000)).toBe(3300); // previous ends at 3300
    expect(s.place(9000, 500)).toBe(9300); // long gap: lead again
  });
  it('starts over after clear()', () => {
    const s = new UtteranceSchedule(300);
    s.place(0, 10_000);
    s.clear();
    expect(s.place(100, 100)).toBe(400);
  });
});

describe('SeenEvents', () => {
  it('accepts each (turn, seq) once', () => {
    const seen = new SeenEvents(2);
    expect(seen.firstTime('t1', 0)).toBe(true);
    expect(seen.firstTime('t1', 0)).toBe(false);
    expect(seen.firstTime('t1', 1)).toBe(true);
    expect(seen.firstTime('t2', 0)).toBe(true);
  });
});

describe('rate limits', () => {
  it('token bucket refills over time', () => {
    const b = new TokenBucket(2, 1, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([true, true, false]);
    expect(b.waitMs(0)).toBe(1000);
    expect(b.take(1000)).toBe(true);
  });
  it('flood guard warns once, drops, then disconnects a flood', () => {
    const g = new FloodGuard({ perSecond: 1, burst: 2, dropsBeforeDisconnect: 5, windowMs: 10_000 }, 0);
    const verdicts = Array.from({ length: 8 }, () => g.check(0));
    expect(verdicts).toEqual([
      'accept',
      'accept',
      'warn',
      'drop',
      'drop',
      'drop',
      'disconnect',
      'disconnect',
    ]);
  });
});
