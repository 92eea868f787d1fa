import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gate, type Gate, sampleTurn, sleep } from './turnSamples.testkit';
import type { DeadLetterHandler, TurnJob, TurnQueue } from './TurnQueue';

/** Timing of the contract: short, so takeovers happen within a second. */
export const CONTRACT_TIMING = { visibilityTimeoutMs: 300, reclaimIntervalMs: 30, maxAttempts: 3 };

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
    const { visibilityTimeoutMs: visibility, reclaimIntervalMs: reclaim } = CONTRACT_TIMING;
    let world: TurnQueueWorld;
    let deadLetters: { turnId: string; attempts: number }[];
    let gates: Gate[];
    /** A handler body that never settles by itself (a hung or dead worker); released before teardown. */
    const hang = (): Promise<void> => {
      const g = gate();
      gates.push(g);
      return g.promise;
    };

    beforeEach(async () => {
      if (!run) return;
      deadLetters = [];
      gates = [];
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
      await vi.waitFor(() => expect(seen).toHaveLength(5), { timeout: 3_000 });
      expect(seen.map((j) => j.turn.turnId)).toEqual(['turn-1', 'turn-2', 'turn-3', 'turn-4', 'turn-5']);
      expect(seen.map((j) => j.attempt)).toEqual([1, 1, 1, 1, 1]);
      expect(seen[2].turn).toEqual(sampleTurn(3));
    });

    it.runIf(run)(
      'keeps a turn enqueued before any consumer exists, and takes turns enqueued while consuming',
      async () => {
        await world.open().enqueue(sampleTurn(1));
        await sleep(50);
        const seen: string[] = [];
        const later = world.open();
        later.consume(
          async (job) => {
            seen.push(job.turn.turnId);
          },
          { concurrency: 1 },
        );
        await vi.waitFor(() => expect(seen).toEqual(['turn-1']), { timeout: 3_000 });
        await world.open().enqueue(sampleTurn(2));
        await vi.waitFor(() => expect(seen).toEqual(['turn-1', 'turn-2']), { timeout: 3_000 });
      },
    );

    it.runIf(run)('runs N turns at once with concurrency N, and never more', async () => {
      const queue = world.open();
      let inFlight = 0;
      let peak = 0;
      const done: string[] = [];
      queue.consume(
        async (job) => {
          peak = Math.max(peak, ++inFlight);
          await sleep(60);
          inFlight--;
          done.push(job.turn.turnId);
        },
        { concurrency: 3 },
      );
      for (let n = 1; n <= 8; n++) await queue.enqueue(sampleTurn(n));
      await vi.waitFor(() => expect(done).toHaveLength(8), { timeout: 5_000 });
      expect(peak).toBe(3);
    });

    it.runIf(run)('hands each turn to exactly one of several consumers when all succeed', async () => {
      const handled = new Map<string, string[]>();
      for (const name of ['a', 'b', 'c']) {
        world.open().consume(
          async (job) => {
            handled.set(job.turn.turnId, [...(handled.get(job.turn.turnId) ?? []), name]);
            await sleep(15);
          },
          { concurrency: 2 },
        );
      }
      const producer = world.open();
      for (let n = 1; n <= 24; n++) await producer.enqueue(sampleTurn(n));
      await vi.waitFor(() => expect(handled.size).toBe(24), { timeout: 5_000 });
      await sleep(visibility + 3 * reclaim);
      expect([...handled.values()].every((by) => by.length === 1)).toBe(true);
      expect(new Set([...handled.values()].flat()).size).toBeGreaterThan(1);
    });

    it.runIf(run)('acknowledges a turn whose handler rejects: no redelivery loop', async () => {
      const queue = world.open();
      const calls: string[] = [];
      queue.consume(
        async (job) => {
          calls.push(job.turn.turnId);
          if (job.turn.turnId === 'turn-1') throw new Error('LLM exploded');
        },
        { concurrency: 1 },
      );
      await queue.enqueue(sampleTurn(1));
      await queue.enqueue(sampleTurn(2));
      await vi.waitFor(() => expect(calls).toEqual(['turn-1', 'turn-2']), { timeout: 3_000 });
      await sleep(visibility + 4 * reclaim);
      expect(calls).toEqual(['turn-1', 'turn-2']);
    });

    it.runIf(run)(
      'gives the turn of a worker that went silent mid-turn to another consumer, as attempt 2, after the timeout',
      async () => {
        const taken: { by: string; job: TurnJob; at: number }[] = [];
        const dead = world.open().consume(
          async (job) => {
            taken.push({ by: 'dead', job, at: Date.now() });
            await hang();
          },
          { concurrency: 1 },
        );
        await world.open().enqueue(sampleTurn(1));
        await vi.waitFor(() => expect(taken).toHaveLength(1), { timeout: 3_000 });
        world.open().consume(
          async (job) => {
            taken.push({ by: 'healthy', job, at: Date.now() });
          },
          { concurrency: 1 },
        );
        await vi.waitFor(() => expect(taken).toHaveLength(2), { timeout: 3_000 });
        const [first, second] = taken;
        expect(second).toMatchObject({ by: 'healthy', job: { attempt: 2, turn: { turnId: 'turn-1' } } });
        expect(second.at - first.at).toBeGreaterThanOrEqual(visibility * 0.9);
        await first.job.heartbeat();
        expect(first.job.signal.aborted).toBe(true);
        for (const g of gates) g.open();
        await dead.stop();
        await sleep(visibility + 4 * reclaim);
        expect(taken).toHaveLength(2);
      },
    );

    it.runIf(run)('does not take over a long-running turn whose worker keeps heart-beating', async () => {
      const taken: TurnJob[] = [];
      let finished = false;
      world.open().consume(
        async (job) => {
          taken.push(job);
          for (let i = 0; i < 10; i++) {
            await sleep(visibility / 5);
            await job.heartbeat();
          }
          finished = true;
        },
        { concurrency: 1 },
      );
      await world.open().enqueue(sampleTurn(1));
      await vi.waitFor(() => expect(taken).toHaveLength(1), { timeout: 3_000 });
      world.open().consume(
        async (job) => {
          taken.push(job);
        },
        { concurrency: 1 },
      );
      await vi.waitFor(() => expect(finished).toBe(true), { timeout: 5_000 });
      await sleep(visibility + 4 * reclaim);
      expect(taken).toHaveLength(1);
      expect(taken[0].signal.aborted).toBe(false);
    });

    it.runIf(run)(
      'dead-letters a turn after maxAttempts silent deliveries, and hands it out no more',
      async () => {
        const attempts: number[] = [];
        world.open().consume(
          async (job) => {
            attempts.push(job.attempt);
            await hang();
          },
          { concurrency: 5 },
        );
        await world.open().enqueue(sampleTurn(1));
        await vi.waitFor(() => expect(deadLetters).toEqual([{ turnId: 'turn-1', attempts: 3 }]), {
          timeout: 5 * visibility + 2_000,
        });
        await sleep(visibility + 4 * reclaim);
        expect(attempts).toEqual([1, 2, 3]);
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
        await vi.waitFor(() => expect(seen).toEqual(['turn-1']), { timeout: 3_000 });
        await consumer.stop();
        expect(finished).toBe(true);
        await queue.enqueue(sampleTurn(2));
        await sleep(100);
        expect(seen).toEqual(['turn-1']);
        const next: string[] = [];
        world.open().consume(
          async (job) => {
            next.push(job.turn.turnId);
          },
          { concurrency: 1 },
        );
        await vi.waitFor(() => expect(next).toEqual(['turn-2']), { timeout: 3_000 });
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
        await vi.waitFor(() => expect(seen).toEqual(['turn-2']), { timeout: 3_000 });
      },
    );

    it.runIf(run)('stops an idle consumer promptly and refuses turns once closed', async () => {
      const queue = world.open();
      const consumer = queue.consume(async () => undefined, { concurrency: 2 });
      await sleep(50);
      const started = Date.now();
      await consumer.stop();
      expect(Date.now() - started).toBeLessThan(500);
      await queue.close();
      await expect(queue.enqueue(sampleTurn(1))).rejects.toThrow(/closed/);
    });
  });
}
