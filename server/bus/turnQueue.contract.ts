import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gate, type Gate, sampleTurn, sleep } from './turnSamples.testkit';
import type { DeadLetterHandler, TurnHandler, TurnJob, TurnQueue } from './TurnQueue';

/** Timing of the contract: short, so takeovers happen within a second. */
export const CONTRACT_TIMING = { visibilityTimeoutMs: 300, reclaimIntervalMs: 30, maxAttempts: 3 };

/** How long a test waits for an event before it fails: generous, as the machine may be busy. */
const EVENT = { timeout: 15_000 };
/** Turns of this id prefix are the reclaim barrier's (see `reclaimPassed`), never a test's. */
const SENTINEL = 'sentinel-';

/** One backend's queue, as several processes would see it. */
export interface TurnQueueWorld {
  /** Another process's handle on the same queue: Redis opens a new connection; in-process returns the one queue. */
  open(): TurnQueue;
  teardown(): Promise<void>;
}

/** A queue implementation the contract runs against. */
export interface TurnQueueBackend {
  name: string;
  available: boolean;
  setup(options: typeof CONTRACT_TIMING & { onDeadLetter: DeadLetterHandler }): Promise<TurnQueueWorld>;
}

/** The behaviour every TurnQueue must show; `describe.each`-style, one call per backend. */
export function describeTurnQueueContract(backend: TurnQueueBackend): void {
  describe(`TurnQueue contract on ${backend.name}`, () => {
    const run = backend.available;
    const { visibilityTimeoutMs: visibility } = CONTRACT_TIMING;
    let world: TurnQueueWorld;
    let deadLetters: { turnId: string; attempts: number }[];
    let gates: Gate[];
    /** A handler body that never settles by itself (a hung or dead worker); released before teardown. */
    const hang = (): Promise<void> => {
      const g = gate();
      gates.push(g);
      return g.promise;
    };
    /** Attempts seen of each sentinel turn. */
    let sentinels: Map<string, number[]>;
    /** A test's handler that also plays the sentinel's part: left unfinished twice, then finished. */
    const aware =
      (handler: TurnHandler): TurnHandler =>
      async (job) => {
        const { turnId } = job.turn;
        if (!turnId.startsWith(SENTINEL)) return handler(job);
        sentinels.set(turnId, [...(sentinels.get(turnId) ?? []), job.attempt]);
        if (job.attempt < 3) await hang();
      };
    /**
     * Waits, instead of a fixed sleep, until the queue has certainly looked for stale deliveries
     * again: a sentinel turn left unfinished twice comes back a third time only after a whole
     * reclaim pass begun a visibility timeout after now (Redis: XAUTOCLAIM walks the pending list
     * from its start; in-process: lease timers fire in order). Any older delivery still due would
     * have been handed out first, to the test's `handler` (also run by the barrier's own consumer).
     */
    const reclaimPassed = async (handler: TurnHandler): Promise<void> => {
      const turnId = `${SENTINEL}${sentinels.size + 1}`;
      sentinels.set(turnId, []);
      world.open().consume(aware(handler), { concurrency: 3 });
      await world.open().enqueue({ ...sampleTurn(900 + sentinels.size), turnId });
      await vi.waitFor(() => expect(sentinels.get(turnId)).toEqual([1, 2, 3]), EVENT);
    };

    beforeEach(async () => {
      if (!run) return;
      deadLetters = [];
      gates = [];
      sentinels = new Map();
      world = await backend.setup({
        ...CONTRACT_TIMING,
        onDeadLetter: (turn, attempts) => deadLetters.push({ turnId: turn.turnId, attempts }),
      });
    });
    afterEach(async () => {
      if (!run) return;
      for (const g of gates) g.open();
      await world.teardown();
    });

    it.runIf(run)('delivers turns intact, in FIFO order, with concurrency 1', async () => {
      const queue = world.open();
      for (let n = 1; n <= 5; n++) await queue.enqueue(sampleTurn(n));
      const seen: TurnJob[] = [];
      queue.consume(
        async (job) => {
          seen.push(job);
          await sleep(5);
        },
        { concurrency: 1 },
      );
      await vi.waitFor(() => expect(seen).toHaveLength(5), EVENT);
      expect(seen.map((j) => j.turn.turnId)).toEqual(['turn-1', 'turn-2', 'turn-3', 'turn-4', 'turn-5']);
      expect(seen.map((j) => j.attempt)).toEqual([1, 1, 1, 1, 1]);
      expect(seen[2].turn).toEqual(sampleTurn(3));
    });

    it.runIf(run)(
      'keeps a turn enqueued before any consumer exists, and takes turns enqueued while consuming',
      async () => {
        await world.open().enqueue(sampleTurn(1));
        const seen: string[] = [];
        const later = world.open();
        later.consume(
          async (job) => {
            seen.push(job.turn.turnId);
          },
          { concurrency: 1 },
        );
        await vi.waitFor(() => expect(seen).toEqual(['turn-1']), EVENT);
        await world.open().enqueue(sampleTurn(2));
        await vi.waitFor(() => expect(seen).toEqual(['turn-1', 'turn-2']), EVENT);
      },
    );

    it.runIf(run)('runs N turns at once with concurrency N, and never more', async () => {
      const queue = world.open();
      let peak = 0;
      const running: Gate[] = [];
      const done: string[] = [];
      queue.consume(
        async (job) => {
          const held = gate();
          running.push(held);
          peak = Math.max(peak, running.length);
          await held.promise;
          done.push(job.turn.turnId);
        },
        { concurrency: 3 },
      );
      for (let n = 1; n <= 8; n++) await queue.enqueue(sampleTurn(n));
      // Handlers finish only when the test says: each time 3 (or all that are left) run, one ends.
      for (let left = 8; left > 0; left--) {
        await vi.waitFor(() => expect(running).toHaveLength(Math.min(3, left)), EVENT);
        running.shift()!.open();
        await vi.waitFor(() => expect(done).toHaveLength(9 - left), EVENT);
      }
      expect(done).toHaveLength(8);
      expect(peak).toBe(3);
    });

    it.runIf(run)('hands each turn to exactly one of several consumers when all succeed', async () => {
      const handled = new Map<string, string[]>();
      const by =
        (name: string): TurnHandler =>
        async (job) => {
          handled.set(job.turn.turnId, [...(handled.get(job.turn.turnId) ?? []), name]);
          await sleep(15);
        };
      for (const name of ['a', 'b', 'c']) world.open().consume(aware(by(name)), { concurrency: 2 });
      const producer = world.open();
      for (let n = 1; n <= 24; n++) await producer.enqueue(sampleTurn(n));
      await vi.waitFor(() => expect(handled.size).toBe(24), EVENT);
      await reclaimPassed(by('late'));
      expect([...handled.values()].every((by) => by.length === 1)).toBe(true);
      expect(new Set([...handled.values()].flat()).size).toBeGreaterThan(1);
    });

    it.runIf(run)('acknowledges a turn whose handler rejects: no redelivery loop', async () => {
      const queue = world.open();
      const calls: string[] = [];
      const handler: TurnHandler = async (job) => {
        calls.push(job.turn.turnId);
        if (job.turn.turnId === 'turn-1') throw new Error('LLM exploded');
      };
      queue.consume(aware(handler), { concurrency: 1 });
      await queue.enqueue(sampleTurn(1));
      await queue.enqueue(sampleTurn(2));
      await vi.waitFor(() => expect(calls).toEqual(['turn-1', 'turn-2']), EVENT);
      await reclaimPassed(handler);
      expect(calls).toEqual(['turn-1', 'turn-2']);
    });

    it.runIf(run)(
      'gives the turn of a worker that went silent mid-turn to another consumer, as attempt 2, after the timeout',
      async () => {
        const taken: { by: string; job: TurnJob; at: number }[] = [];
        const dead = world.open().consume(
          aware(async (job) => {
            taken.push({ by: 'dead', job, at: Date.now() });
            await hang();
          }),
          { concurrency: 1 },
        );
        await world.open().enqueue(sampleTurn(1));
        await vi.waitFor(() => expect(taken).toHaveLength(1), EVENT);
        const healthy: TurnHandler = async (job) => {
          taken.push({ by: 'healthy', job, at: Date.now() });
        };
        world.open().consume(aware(healthy), { concurrency: 1 });
        await vi.waitFor(() => expect(taken).toHaveLength(2), EVENT);
        const [first, second] = taken;
        expect(second).toMatchObject({ by: 'healthy', job: { attempt: 2, turn: { turnId: 'turn-1' } } });
        expect(second.at - first.at).toBeGreaterThanOrEqual(visibility * 0.9);
        await first.job.heartbeat();
        expect(first.job.signal.aborted).toBe(true);
        for (const g of gates) g.open();
        await dead.stop();
        await reclaimPassed(healthy);
        expect(taken).toHaveLength(2);
      },
    );

    it.runIf(run)('does not take over a long-running turn whose worker keeps heart-beating', async () => {
      // The promise holds for a worker that beats within the timeout. On a starved machine this
      // process may really fall silent longer (a takeover is then right), so a run counts only when
      // every gap between beats, measured around them, stayed well inside the timeout.
      for (let n = 1; n <= 5; n++) {
        const { taken, widestGapMs } = await heartBeatingTurn(n);
        if (widestGapMs >= visibility * 0.8 && n < 5) continue;
        expect(widestGapMs, 'this process beat within the timeout in one of 5 runs').toBeLessThan(
          visibility * 0.8,
        );
        expect(taken.map((j) => j.turn.turnId)).toEqual([`turn-${n}`]);
        expect(taken[0].signal.aborted).toBe(false);
        return;
      }
    });

    /** A turn whose worker beats every visibility/10 for twice the timeout while another consumer waits. */
    async function heartBeatingTurn(n: number): Promise<{ taken: TurnJob[]; widestGapMs: number }> {
      const taken: TurnJob[] = [];
      // The lease is renewed somewhere within each beat's call; the gaps are bounded from outside.
      const marks: { called: number; done: number }[] = [];
      const beat = async (job: TurnJob) => {
        const called = Date.now();
        await job.heartbeat();
        marks.push({ called, done: Date.now() });
      };
      let release = false;
      const worker = world.open().consume(
        async (job) => {
          taken.push(job);
          while (!release) {
            await sleep(visibility / 10);
            await beat(job);
          }
          await beat(job); // a takeover meanwhile aborts the signal here
        },
        { concurrency: 1 },
      );
      const enqueued = Date.now();
      await world.open().enqueue(sampleTurn(n));
      await vi.waitFor(() => expect(taken).toHaveLength(1), EVENT);
      const other = world.open().consume(
        async (job) => {
          taken.push(job);
        },
        { concurrency: 1 },
      );
      await vi.waitFor(
        () => expect(marks.at(-1)?.done ?? 0).toBeGreaterThan(enqueued + 2 * visibility),
        EVENT,
      );
      release = true;
      await worker.stop(); // resolves once the turn is acknowledged
      const stopped = Date.now();
      await other.stop(); // and any takeover under way has reached its handler
      // Each silence lasts at most from one beat's call (or the enqueue) to the next one's return (or the ack).
      const from = [enqueued, ...marks.map((m) => m.called)];
      const to = [...marks.map((m) => m.done), stopped];
      return { taken, widestGapMs: Math.max(...from.map((at, i) => to[i] - at)) };
    }

    it.runIf(run)(
      'dead-letters a turn after maxAttempts silent deliveries, and hands it out no more',
      async () => {
        const attempts: number[] = [];
        const hung: TurnHandler = async (job) => {
          attempts.push(job.attempt);
          await hang();
        };
        world.open().consume(aware(hung), { concurrency: 5 });
        await world.open().enqueue(sampleTurn(1));
        await vi.waitFor(() => expect(deadLetters).toEqual([{ turnId: 'turn-1', attempts: 3 }]), EVENT);
        await reclaimPassed(hung);
        expect(attempts).toEqual([1, 2, 3]);
        expect(deadLetters).toHaveLength(1);
      },
    );

    it.runIf(run)(
      'stop() waits for running handlers, and a stopped consumer takes nothing more',
      async () => {
        const queue = world.open();
        let finished = false;
        const seen: string[] = [];
        const consumer = queue.consume(
          async (job) => {
            seen.push(job.turn.turnId);
            await sleep(150);
            finished = true;
          },
          { concurrency: 1 },
        );
        await queue.enqueue(sampleTurn(1));
        await vi.waitFor(() => expect(seen).toEqual(['turn-1']), EVENT);
        await consumer.stop();
        expect(finished).toBe(true);
        await queue.enqueue(sampleTurn(2));
        const next: string[] = [];
        world.open().consume(
          async (job) => {
            next.push(job.turn.turnId);
          },
          { concurrency: 1 },
        );
        await vi.waitFor(() => expect(next).toEqual(['turn-2']), EVENT);
        // turn-2 went to the live consumer, once: the stopped one took nothing after stop().
        expect(seen).toEqual(['turn-1']);
      },
    );

    it.runIf(run)(
      'rejects a malformed turn at enqueue, where the room can report it, and delivers nothing',
      async () => {
        const queue = world.open();
        const seen: string[] = [];
        queue.consume(
          async (job) => {
            seen.push(job.turn.turnId);
          },
          { concurrency: 1 },
        );
        const broken = { ...sampleTurn(1), roomId: '', enqueuedAt: Number.NaN };
        await expect(queue.enqueue(broken)).rejects.toThrow(/roomId/);
        await queue.enqueue(sampleTurn(2));
        await vi.waitFor(() => expect(seen).toEqual(['turn-2']), EVENT);
      },
    );

    it.runIf(run)('stops an idle consumer promptly and refuses turns once closed', async () => {
      // Promptly: not after its poll for new turns ends. With a minute between reclaim passes
      // that poll blocks for a minute, so a stop() that waited for it would fail this test's timeout.
      const slow = await backend.setup({
        ...CONTRACT_TIMING,
        reclaimIntervalMs: 60_000,
        onDeadLetter: () => undefined,
      });
      try {
        const queue = slow.open();
        const seen: string[] = [];
        const consumer = queue.consume(
          async (job) => {
            seen.push(job.turn.turnId);
          },
          { concurrency: 2 },
        );
        await queue.enqueue(sampleTurn(1));
        await vi.waitFor(() => expect(seen).toEqual(['turn-1']), EVENT); // it is polling now
        await consumer.stop();
        await queue.close();
        await expect(queue.enqueue(sampleTurn(2))).rejects.toThrow(/closed/);
      } finally {
        await slow.teardown();
      }
    });
  });
}
