import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { BusLogger } from '../server/bus';
import { redisUrl } from './services';

/** A key prefix of its own for one Redis test, so suites sharing the server never collide. */
export function scratchPrefix(): string {
  return `test:bus:${randomBytes(6).toString('hex')}`;
}

/** A plain client on REDIS_URL; a `connectionName` lets a test find and kill its connections. */
export function redisClient(options: RedisOptions = {}): Redis {
  return new Redis(redisUrl!, { maxRetriesPerRequest: 1, ...options });
}

/** Deletes every key under `prefix` (never FLUSHDB: other suites share the server). */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let deleted = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) deleted += await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  return deleted;
}

/** Kills, server-side, the connections named `name` (optionally only those matching `filter`): a crash as Redis sees it. */
export async function killConnections(
  admin: Redis,
  name: string,
  filter: (fields: Record<string, string>) => boolean = () => true,
): Promise<number> {
  const list = (await admin.client('LIST')) as string;
  const victims = list
    .split('\n')
    .filter(Boolean)
    .map((line) => Object.fromEntries(line.split(' ').map((pair) => pair.split('=', 2) as [string, string])))
    .filter((fields) => fields.name === name && filter(fields));
  for (const fields of victims) await admin.client('KILL', 'ID', fields.id);
  return victims.length;
}

/** One log call, as a recording logger keeps it. */
export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg?: string;
}

/** A logger that keeps what it is told, for assertions such as "the malformed event was warned about". */
export function recordingLogger(): BusLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at = (level: LogEntry['level']) => (obj: object, msg?: string) => {
    entries.push({ level, obj, msg });
  };
  return { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
