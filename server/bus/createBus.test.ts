import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteKeys, recordingLogger, redisClient, scratchPrefix } from '../../test-support/bus';
import { redisUrl, serviceAvailable } from '../../test-support/services';
import type { AgentEvent } from '../turn';
import {
  type Bus,
  createBus,
  MemoryTurnQueue,
  publishAgentEvent,
  RedisTurnQueue,
  subscribeRoom,
} from './index';
import { sampleTurn } from './turnSamples.testkit';

const redisAvailable = serviceAvailable('Redis', redisUrl);

describe.each([
  { name: 'in-process', available: true, url: () => null, kind: MemoryTurnQueue },
  { name: 'Redis', available: redisAvailable, url: () => redisUrl!, kind: RedisTurnQueue },
])('createBus ($name)', ({ available, url, kind }) => {
  const prefix = scratchPrefix();
  let bus: Bus;
  afterEach(async () => {
    if (!available) return;
    await bus.close();
    await bus.close();
    if (url()) {
      const admin = redisClient();
      await deleteKeys(admin, prefix);
      await admin.quit();
    }
  });

  it.runIf(available)('carries a turn to a worker and its reply back to the room', async () => {
    bus = createBus({ redisUrl: url(), prefix, log: recordingLogger() });
    expect(bus.queue).toBeInstanceOf(kind);
    const heard: AgentEvent[] = [];
    await subscribeRoom(bus.events, 'room-1', (e) => heard.push(e));
    bus.queue.consume(
      async ({ turn }) => {
        await publishAgentEvent(bus.events, {
          type: 'done',
          roomId: turn.roomId,
          turnId: turn.turnId,
          text: 'Hi!',
          utterances: 0,
        });
      },
      { concurrency: 1 },
    );
    await bus.queue.enqueue(sampleTurn(1));
    await vi.waitFor(
      () =>
        expect(heard).toEqual([
          { type: 'done', roomId: 'room-1', turnId: 'turn-1', text: 'Hi!', utterances: 0 },
        ]),
      { timeout: 3_000 },
    );
  });

  it.runIf(available)(
    'tells the room when its turn is dead-lettered, instead of leaving it waiting',
    async () => {
      bus = createBus({
        redisUrl: url(),
        prefix,
        log: recordingLogger(),
        visibilityTimeoutMs: 150,
        reclaimIntervalMs: 20,
        maxAttempts: 1,
      });
      const heard: AgentEvent[] = [];
      await subscribeRoom(bus.events, 'room-1', (e) => heard.push(e));
      let release!: () => void;
      const hung = new Promise<void>((resolve) => {
        release = resolve;
      });
      bus.queue.consume(() => hung, { concurrency: 2 });
      try {
        await bus.queue.enqueue(sampleTurn(1));
        await vi.waitFor(
          () =>
            expect(heard).toMatchObject([
              { type: 'error', roomId: 'room-1', turnId: 'turn-1', code: 'turn_failed' },
            ]),
          { timeout: 3_000 },
        );
      } finally {
        release();
      }
    },
  );
});
