import type { Redis } from 'ioredis';

/** One stream entry as read or claimed: its id, its `turn` field, and how often it was delivered. */
export interface StreamEntry {
  id: string;
  payload: string | undefined;
  deliveries: number;
}

/** Refreshes a delivery's idle time only while `consumer` still owns it (atomic against XAUTOCLAIM). */
const HEARTBEAT = `
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #p == 0 or p[1][2] ~= ARGV[2] then return 0 end
redis.call('XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'JUSTID')
return 1`;

/** Deletes consumers that own nothing and have not touched the group for ARGV[2] ms (dead workers). */
const PRUNE_CONSUMERS = `
local removed = 0
for _, c in ipairs(redis.call('XINFO', 'CONSUMERS', KEYS[1], ARGV[1])) do
  local info = {}
  for i = 1, #c, 2 do info[c[i]] = c[i + 1] end
  if info['pending'] == 0 and info['idle'] > tonumber(ARGV[2]) then
    redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], info['name'])
    removed = removed + 1
  end
end
return removed`;

/** Deletes a consumer only if it owns no pending entries (DELCONSUMER would otherwise drop them). */
const DELETE_IF_IDLE = `
local p = redis.call('XPENDING', KEYS[1], ARGV[1], '-', '+', 1, ARGV[2])
if #p > 0 then return 0 end
redis.call('XGROUP', 'DELCONSUMER', KEYS[1], ARGV[1], ARGV[2])
return 1`;

/** Names of the keys one queue uses, all under its prefix. */
export function turnStreamKeys(prefix: string): { stream: string; dead: string; group: string } {
  return { stream: `${prefix}:turns`, dead: `${prefix}:turns:dead`, group: 'agents' };
}

/** The Redis commands of the turn queue, on its non-blocking connection (blocking reads get their own). */
export class TurnStream {
  readonly stream: string;
  readonly dead: string;
  readonly group: string;

  constructor(
    private readonly redis: Redis,
    prefix: string,
    private readonly maxLength: number,
  ) {
    ({ stream: this.stream, dead: this.dead, group: this.group } = turnStreamKeys(prefix));
  }

  /** Creates the stream and group if missing. From id 0, so turns enqueued before any worker are delivered. */
  async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.stream, this.group, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
  }

  /** Appends a turn; approximate trimming keeps the stream bounded at little cost. */
  async add(payload: string): Promise<string> {
    const id = await this.redis.xadd(this.stream, 'MAXLEN', '~', this.maxLength, '*', 'turn', payload);
    return id!;
  }

  /** Takes up to `count` never-delivered entries, waiting up to `blockMs` on the given (blocking) connection. */
  async readNew(blocking: Redis, consumer: string, count: number, blockMs: number): Promise<StreamEntry[]> {
    const reply = (await blocking.xreadgroup(
      'GROUP',
      this.group,
      consumer,
      'COUNT',
      count,
      'BLOCK',
      blockMs,
      'STREAMS',
      this.stream,
      '>',
    )) as [string, [string, string[]][]][] | null;
    return (reply?.[0]?.[1] ?? []).map(([id, fields]) => ({
      id,
      payload: field(fields, 'turn'),
      deliveries: 1,
    }));
  }

  /** Claims up to `count` deliveries idle longer than `minIdleMs`, with their delivery counts (incremented by the claim). */
  async reclaim(
    consumer: string,
    minIdleMs: number,
    cursor: string,
    count: number,
  ): Promise<{ cursor: string; entries: StreamEntry[] }> {
    const [next, claimed] = (await this.redis.xautoclaim(
      this.stream,
      this.group,
      consumer,
      minIdleMs,
      cursor,
      'COUNT',
      count,
    )) as [string, [string, string[] | null][]];
    if (claimed.length === 0) return { cursor: next, entries: [] };
    const pipeline = this.redis.pipeline();
    for (const [id] of claimed) pipeline.xpending(this.stream, this.group, id, id, 1);
    const counts = (await pipeline.exec()) ?? [];
    const entries = claimed.map(([id, fields], i) => {
      const pending = counts[i]?.[1] as [string, string, number, number][] | undefined;
      return { id, payload: fields ? field(fields, 'turn') : undefined, deliveries: pending?.[0]?.[3] ?? 1 };
    });
    return { cursor: next, entries };
  }

  /** Resets the idle time of a delivery; false when another consumer has taken it over. */
  async heartbeat(consumer: string, id: string): Promise<boolean> {
    return (await this.redis.eval(HEARTBEAT, 1, this.stream, this.group, consumer, id)) === 1;
  }

  async ack(id: string): Promise<void> {
    await this.redis.xack(this.stream, this.group, id);
  }

  /** Moves an entry to the dead-letter stream (bounded) and acknowledges it, in one transaction. */
  async deadLetter(entry: StreamEntry, reason: string): Promise<void> {
    await this.redis
      .multi()
      .xadd(
        this.dead,
        'MAXLEN',
        '~',
        1000,
        '*',
        'turn',
        entry.payload ?? '',
        'id',
        entry.id,
        'deliveries',
        String(entry.deliveries),
        'reason',
        reason,
        'at',
        String(Date.now()),
      )
      .xack(this.stream, this.group, entry.id)
      .exec();
  }

  /** Ids of the entries `consumer` owns. */
  async pendingOf(consumer: string, count = 100): Promise<string[]> {
    const rows = (await this.redis.xpending(this.stream, this.group, '-', '+', count, consumer)) as [
      string,
      ...unknown[],
    ][];
    return rows.map(([id]) => id);
  }

  /** Makes deliveries immediately claimable by others (a stopping consumer got them but will not run them). */
  async release(consumer: string, ids: string[], visibilityTimeoutMs: number): Promise<void> {
    if (ids.length === 0) return;
    await this.redis.xclaim(
      this.stream,
      this.group,
      consumer,
      0,
      ...ids,
      'IDLE',
      visibilityTimeoutMs,
      'JUSTID',
    );
  }

  /** Leaves the group if nothing is pending for the consumer; true when it left. */
  async leave(consumer: string): Promise<boolean> {
    return (await this.redis.eval(DELETE_IF_IDLE, 1, this.stream, this.group, consumer)) === 1;
  }

  /** Forgets consumers of dead workers (nothing pending, silent for `idleMs`); returns how many. */
  async pruneConsumers(idleMs: number): Promise<number> {
    return (await this.redis.eval(PRUNE_CONSUMERS, 1, this.stream, this.group, String(idleMs))) as number;
  }
}

function field(fields: string[], name: string): string | undefined {
  for (let i = 0; i < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
