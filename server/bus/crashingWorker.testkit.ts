/**
 * A standalone agent worker for the two-process test: takes one turn, publishes its first
 * subtitle, says so on stdout, then hangs without heart-beating until the test SIGKILLs it.
 * Imports only what it uses, to start quickly. Usage: node --import tsx crashingWorker.testkit.ts <redisUrl> <prefix>
 */
import { Redis } from 'ioredis';
import { publishAgentEvent } from './agentEvents';
import { RedisEventBus } from './RedisEventBus';
import { RedisTurnQueue } from './RedisTurnQueue';

const [redisUrl, prefix] = process.argv.slice(2);
const redis = new Redis(redisUrl);
const events = new RedisEventBus({ redis, prefix });
const queue = new RedisTurnQueue({ redis, prefix });

queue.consume(
  async (job) => {
    const { roomId, turnId } = job.turn;
    await publishAgentEvent(events, { type: 'subtitle', roomId, turnId, seq: 0, delta: 'Hel', text: 'Hel' });
    process.stdout.write(`TOOK ${turnId} ${job.attempt}\n`);
    await new Promise(() => undefined);
  },
  { concurrency: 1 },
);
process.stdout.write('READY\n');
