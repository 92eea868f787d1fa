import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deleteKeys, recordingLogger, redisClient, scratchPrefix } from '../../test-support/bus';
import { redisUrl, serviceAvailable } from '../../test-support/services';
import type { AgentEvent } from '../turn';
import { type Bus, createBus, publishAgentEvent, subscribeRoom } from './index';
import { sampleTurn } from './turnSamples.testkit';
import { turnStreamKeys } from './TurnStream';

const available = serviceAvailable('Redis', redisUrl);
const script = fileURLToPath(new URL('./crashingWorker.testkit.ts', import.meta.url));

describe.runIf(available)('a worker process killed mid-turn', () => {
  const prefix = scratchPrefix();
  let child: ChildProcess | undefined;
  let bus: Bus | undefined;
  afterEach(async () => {
    child?.kill('SIGKILL');
    await bus?.close();
    const admin = redisClient();
    await deleteKeys(admin, prefix);
    await admin.quit();
  });

  it('has its turn completed by another worker exactly once; one reply reaches the room', async () => {
    const visibilityTimeoutMs = 600;
    bus = createBus({
      redisUrl: redisUrl!,
      prefix,
      log: recordingLogger(),
      visibilityTimeoutMs,
      reclaimIntervalMs: 100,
    });
    const received: AgentEvent[] = [];
    await subscribeRoom(bus.events, 'room-1', (e) => received.push(e));
    await bus.queue.enqueue(sampleTurn(1));

    child = spawn(process.execPath, ['--import', 'tsx', script, redisUrl!, prefix], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const output = collect(child);
    await vi.waitFor(() => expect(output()).toContain('TOOK turn-1 1'), { timeout: 15_000, interval: 50 });
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const attempts: number[] = [];
    bus.queue.consume(
      async ({ turn, attempt }) => {
        attempts.push(attempt);
        const { roomId, turnId } = turn;
        await publishAgentEvent(bus!.events, {
          type: 'subtitle',
          roomId,
          turnId,
          seq: 0,
          delta: 'Hel',
          text: 'Hel',
        });
        await publishAgentEvent(bus!.events, { type: 'done', roomId, turnId, text: 'Hello!', utterances: 0 });
      },
      { concurrency: 2 },
    );
    await vi.waitFor(() => expect(received.filter((e) => e.type === 'done')).toHaveLength(1), {
      timeout: 15_000,
    });
    // Acknowledged (nothing pending in the group): the turn is never handed out again.
    const admin = redisClient();
    const { stream, group } = turnStreamKeys(prefix);
    await vi.waitFor(async () => expect(((await admin.xpending(stream, group)) as [number])[0]).toBe(0), {
      timeout: 15_000,
    });
    await admin.quit();

    expect(attempts).toEqual([2]);
    expect(received.filter((e) => e.type === 'done')).toHaveLength(1);
    // The dead worker's subtitle arrives too; the room drops it by (turnId, seq).
    const subtitles = received.filter((e) => e.type === 'subtitle');
    expect(subtitles).toHaveLength(2);
    expect(new Set(subtitles.map((e) => `${e.turnId}:${e.seq}`)).size).toBe(1);
  });
});

function collect(child: ChildProcess): () => string {
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return () => text;
}
