/**
 * A standalone agent worker for the two-process test: takes one turn, publishes its first
 * subtitle, says so on stdout, then hangs without heart-beating until the test SIGKILLs it.
 * Usage: node --import tsx crashingWorker.testkit.ts <redisUrl> <prefix>
 */
import { createBus, publishAgentEvent, type BusLogger } from './index';

const [redisUrl, prefix] = process.argv.slice(2);
const toStderr = (obj: object, msg?: string) => { process.stderr.write(`${JSON.stringify({ ...obj, msg })}\n`); };
const log: BusLogger = { debug: () => undefined, info: toStderr, warn: toStderr, error: toStderr };
const bus = createBus({ redisUrl, prefix, log });

bus.queue.consume(async (job) => {
  const { roomId, turnId } = job.turn;
  await publishAgentEvent(bus.events, { type: 'subtitle', roomId, turnId, seq: 0, delta: 'Hel', text: 'Hel' });
  process.stdout.write(`TOOK ${turnId} ${job.attempt}\n`);
  await new Promise(() => undefined);
}, { concurrency: 1 });
process.stdout.write('READY\n');
