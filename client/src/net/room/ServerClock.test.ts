import { describe, expect, it } from 'vitest';
import { CLOCK_SYNC } from '@shared';
import { CLOCK_HUNT, ServerClock, type Timers } from './ServerClock';

/** A manual clock and timer queue. */
function fakeTime() {
  let now = 0;
  let queue: { at: number; fn: () => void; id: number }[] = [];
  let ids = 0;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      const id = ++ids;
      queue.push({ at: now + ms, fn, id });
      return id;
    },
    clearTimeout: (id) => {
      queue = queue.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      queue.sort((a, b) => a.at - b.at);
      const next = queue[0];
      if (!next || next.at > end) break;
      queue.shift();
      now = next.at;
      next.fn();
    }
    now = end;
  };
  return { now: () => now, timers, advance };
}

describe('ServerClock', () => {
  it('pings quickly while warming up, then slowly once a fast round trip was seen', () => {
    const t = fakeTime();
    const clock = new ServerClock(t.now, t.timers);
    const sent: number[] = [];
    clock.start((t0) => {
      sent.push(t0);
      clock.onReply({ t0, t1: t0 + 5 });
    });
    t.advance(CLOCK_SYNC.warmupIntervalMs * (CLOCK_SYNC.warmupPings - 1));
    expect(sent.length).toBe(CLOCK_SYNC.warmupPings);
    t.advance(CLOCK_SYNC.resyncIntervalMs - 1);
    expect(sent.length).toBe(CLOCK_SYNC.warmupPings);
    t.advance(1);
    expect(sent.length).toBe(CLOCK_SYNC.warmupPings + 1);
    clock.stop();
    t.advance(CLOCK_SYNC.resyncIntervalMs * 3);
    expect(sent.length).toBe(CLOCK_SYNC.warmupPings + 1);
  });

  it('converts a server start time to the local time base using the replies', () => {
    const t = fakeTime();
    const clock = new ServerClock(t.now, t.timers);
    const server = (local: number) => local + 1_700_000_000_000;
    let t0 = 0;
    clock.start((x) => {
      t0 = x;
    });
    t.advance(10); // the reply comes back 10 ms later, stamped by the server at the midpoint
    clock.onReply({ t0, t1: server(t0 + 5) });
    expect(clock.offsetMs).toBe(1_700_000_000_000);
    expect(clock.toLocal(server(5000))).toBe(5000);
    expect(clock.serverNow()).toBe(server(10));
    expect(clock.rttMs).toBe(10);
  });

  it('keeps pinging at a medium pace while every round trip was slow, up to a limit', () => {
    const t = fakeTime();
    const clock = new ServerClock(t.now, t.timers);
    const sent: number[] = [];
    clock.start((t0) => sent.push(t0)); // no replies: the round trip stays unknown (poor)
    t.advance(CLOCK_SYNC.warmupIntervalMs * CLOCK_SYNC.warmupPings + CLOCK_HUNT.intervalMs * 10);
    expect(sent.length).toBe(CLOCK_SYNC.warmupPings + 10);
    t.advance(CLOCK_HUNT.intervalMs * CLOCK_HUNT.maxPings + CLOCK_SYNC.resyncIntervalMs * 2);
    expect(sent.length).toBeLessThanOrEqual(CLOCK_SYNC.warmupPings + CLOCK_HUNT.maxPings + 3);
  });

  it('can run the warm-up burst again once the page is less busy', () => {
    const t = fakeTime();
    const clock = new ServerClock(t.now, t.timers);
    const sent: number[] = [];
    clock.start((t0) => sent.push(t0));
    t.advance(CLOCK_SYNC.resyncIntervalMs);
    const before = sent.length;
    clock.rewarm();
    t.advance(CLOCK_SYNC.warmupIntervalMs * (CLOCK_SYNC.warmupPings - 1));
    expect(sent.length - before).toBe(CLOCK_SYNC.warmupPings);
  });

  it('asks for a quiet main thread from each warm-up ping until its reply', () => {
    const t = fakeTime();
    const clock = new ServerClock(t.now, t.timers);
    const quiet: boolean[] = [];
    clock.setQuietWindow((on) => quiet.push(on), 60);
    let t0 = 0;
    clock.start((x) => {
      t0 = x;
    });
    expect(quiet).toEqual([true]);
    t.advance(2);
    clock.onReply({ t0, t1: t0 + 1 });
    expect(quiet).toEqual([true, false]);
    t.advance(CLOCK_SYNC.warmupIntervalMs);
    t.advance(100); // no reply: the pause ends on its own
    expect(quiet).toEqual([true, false, true, false]);
  });

  it('does not pause rendering while it hunts for a faster sample on a slow network', () => {
    const t = fakeTime();
    const clock = new ServerClock(t.now, t.timers);
    const quiet: boolean[] = [];
    clock.setQuietWindow((on) => quiet.push(on), 60);
    clock.start((t0) => {
      t.advance(80);
      clock.onReply({ t0, t1: t0 + 40 });
    }); // every round trip 80 ms
    t.advance(CLOCK_SYNC.warmupIntervalMs * CLOCK_SYNC.warmupPings + 5_000);
    expect(quiet.filter((on) => on)).toHaveLength(CLOCK_SYNC.warmupPings);
  });

  it('reports no latency before the first reply', () => {
    expect(new ServerClock(() => 0).rttMs).toBeNull();
  });
});
