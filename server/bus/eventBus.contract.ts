import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  publishAgentEvent,
  publishCancel,
  roomChannel,
  subscribeCancels,
  subscribeRoom,
} from './agentEvents';
import type { BusLogger } from './BusLogger';
import type { EventBus } from './EventBus';
import { sleep } from './turnSamples.testkit';
import type { AgentEvent, TurnCancel } from '../turn';

/** One backend's bus, as several processes would see it. */
export interface EventBusWorld {
  /** Another process's handle on the same bus: Redis opens new connections; in-process returns the one bus. */
  open(): EventBus;
  /** Publishes a value the typed helpers would never produce, as a buggy or hostile process could. */
  publishRaw(channel: string, value: unknown): Promise<void>;
  teardown(): Promise<void>;
}

/** A bus implementation the contract runs against. */
export interface EventBusBackend {
  name: string;
  available: boolean;
  setup(log: BusLogger): Promise<EventBusWorld>;
}

/** Waits until nothing more can be in flight: a round trip on the same channel is delivered after it. */
async function settled(bus: EventBus, channel: string): Promise<void> {
  let seen = false;
  const unsubscribe = await bus.subscribe(channel, (e) => {
    if ((e as { marker?: boolean }).marker) seen = true;
  });
  await bus.publish(channel, { marker: true });
  await vi.waitFor(() => expect(seen).toBe(true), { timeout: 2_000 });
  await unsubscribe();
}

/** What a handler received, minus the markers of `settled`. */
const real = (received: unknown[]): unknown[] => received.filter((e) => !(e as { marker?: boolean }).marker);

const subtitle = (seq: number, roomId = 'room-1'): AgentEvent => ({
  type: 'subtitle',
  roomId,
  turnId: 't1',
  seq,
  delta: 'a',
  text: 'a'.repeat(seq + 1),
});

/** The behaviour every EventBus must show, and the typed helpers on top of it. */
export function describeEventBusContract(backend: EventBusBackend): void {
  describe(`EventBus contract on ${backend.name}`, () => {
    const run = backend.available;
    let world: EventBusWorld;
    let warnings: string[];
    let errors: string[];
    const log: BusLogger = {
      debug: () => undefined,
      info: () => undefined,
      warn: (_obj, msg) => {
        warnings.push(msg ?? '');
      },
      error: (_obj, msg) => {
        errors.push(msg ?? '');
      },
    };

    beforeEach(async () => {
      if (!run) return;
      warnings = [];
      errors = [];
      world = await backend.setup(log);
    });
    afterEach(async () => {
      if (run) await world.teardown();
    });

    it.runIf(run)('delivers the events of a channel in publish order, across processes', async () => {
      const received: unknown[] = [];
      await world.open().subscribe('room:a', (e) => received.push(e));
      const publisher = world.open();
      const sent = Array.from({ length: 200 }, (_, i) => ({ i, text: `event ${i}` }));
      await Promise.all(sent.map((e) => publisher.publish('room:a', e)));
      await vi.waitFor(() => expect(received).toHaveLength(200), { timeout: 3_000 });
      expect(received).toEqual(sent);
    });

    it.runIf(run)(
      'gives every event to every subscriber, in this process and others, and nothing from other channels',
      async () => {
        const here = world.open();
        const inbox = {
          one: [] as unknown[],
          two: [] as unknown[],
          elsewhere: [] as unknown[],
          otherRoom: [] as unknown[],
        };
        await here.subscribe('room:a', (e) => inbox.one.push(e));
        await here.subscribe('room:a', (e) => inbox.two.push(e));
        await world.open().subscribe('room:a', (e) => inbox.elsewhere.push(e));
        await here.subscribe('room:b', (e) => inbox.otherRoom.push(e));
        for (let i = 0; i < 3; i++) await here.publish('room:a', { i });
        await vi.waitFor(() => expect(inbox.elsewhere).toHaveLength(3), { timeout: 2_000 });
        await settled(here, 'room:a');
        expect(real(inbox.one)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
        expect(real(inbox.two)).toEqual(real(inbox.one));
        expect(inbox.otherRoom).toEqual([]);
      },
    );

    it.runIf(run)(
      'stops delivering to an unsubscribed handler while others on the channel keep receiving',
      async () => {
        const bus = world.open();
        const gone: unknown[] = [];
        const kept: unknown[] = [];
        const unsubscribe = await bus.subscribe('room:a', (e) => gone.push(e));
        await bus.subscribe('room:a', (e) => kept.push(e));
        await bus.publish('room:a', { n: 1 });
        await vi.waitFor(() => expect(gone).toHaveLength(1), { timeout: 2_000 });
        await unsubscribe();
        await unsubscribe();
        await bus.publish('room:a', { n: 2 });
        await vi.waitFor(() => expect(kept).toHaveLength(2), { timeout: 2_000 });
        await settled(bus, 'room:a');
        expect(real(gone)).toEqual([{ n: 1 }]);
      },
    );

    it.runIf(run)(
      'isolates a throwing handler: the others get every event and the bus keeps working',
      async () => {
        const bus = world.open();
        const received: unknown[] = [];
        await bus.subscribe('room:a', () => {
          throw new Error('room handler bug');
        });
        await bus.subscribe('room:a', async () => {
          throw new Error('async room handler bug');
        });
        await bus.subscribe('room:a', (e) => received.push(e));
        await bus.publish('room:a', { n: 1 });
        await bus.publish('room:a', { n: 2 });
        await vi.waitFor(() => expect(received).toEqual([{ n: 1 }, { n: 2 }]), { timeout: 2_000 });
        await vi.waitFor(() => expect(errors).toHaveLength(4), { timeout: 2_000 });
      },
    );

    it.runIf(run)("hands subscribers a copy made through JSON, never the publisher's object", async () => {
      const bus = world.open();
      const received: unknown[] = [];
      await bus.subscribe('room:a', (e) => received.push(e));
      const event = { text: 'hi', at: new Date(0), skipped: undefined as unknown };
      await bus.publish('room:a', event);
      event.text = 'changed';
      await vi.waitFor(() => expect(received).toEqual([{ text: 'hi', at: '1970-01-01T00:00:00.000Z' }]), {
        timeout: 2_000,
      });
      await expect(bus.publish('room:a', undefined)).rejects.toThrow(TypeError);
    });

    it.runIf(run)('routes agent events to their room and drops malformed ones with a warning', async () => {
      const got: AgentEvent[] = [];
      await subscribeRoom(world.open(), 'room-1', (e) => got.push(e), log);
      const publisher = world.open();
      await publishAgentEvent(publisher, subtitle(0));
      await world.publishRaw(roomChannel('room-1'), {
        type: 'subtitle',
        roomId: 'room-1',
        turnId: 't1',
        seq: 'one',
      });
      await world.publishRaw(roomChannel('room-1'), { type: 'explode' });
      await world.publishRaw(roomChannel('room-1'), { ...subtitle(9, 'room-2') });
      await publishAgentEvent(publisher, {
        type: 'done',
        roomId: 'room-1',
        turnId: 't1',
        text: 'aa',
        utterances: 0,
      });
      await publishAgentEvent(publisher, subtitle(5, 'room-2'));
      await vi.waitFor(() => expect(got.map((e) => e.type)).toEqual(['subtitle', 'done']), {
        timeout: 2_000,
      });
      expect(got[0]).toEqual(subtitle(0));
      expect(warnings.filter((w) => w.includes('malformed'))).toHaveLength(3);
    });

    it.runIf(run)(
      'carries cancels on the control channel to every worker, dropping malformed ones',
      async () => {
        const workerA: TurnCancel[] = [];
        const workerB: TurnCancel[] = [];
        await subscribeCancels(world.open(), (c) => workerA.push(c), log);
        await subscribeCancels(world.open(), (c) => workerB.push(c), log);
        await world.publishRaw('control', { type: 'cancel', roomId: 'room-1' });
        await publishCancel(world.open(), { roomId: 'room-1', turnId: 't1' });
        await vi.waitFor(() => expect(workerB).toEqual([{ roomId: 'room-1', turnId: 't1' }]), {
          timeout: 2_000,
        });
        await vi.waitFor(() => expect(workerA).toEqual([{ roomId: 'room-1', turnId: 't1' }]), {
          timeout: 2_000,
        });
        expect(warnings.filter((w) => w.includes('malformed'))).toHaveLength(2);
      },
    );

    it.runIf(run)(
      'refuses to publish or subscribe once closed, and delivers nothing afterwards',
      async () => {
        const bus = world.open();
        const received: unknown[] = [];
        await bus.subscribe('room:a', (e) => received.push(e));
        await bus.close();
        await expect(bus.publish('room:a', { n: 1 })).rejects.toThrow(/closed/);
        await expect(bus.subscribe('room:a', () => undefined)).rejects.toThrow(/closed/);
        await sleep(50);
        expect(received).toEqual([]);
      },
    );
  });
}
