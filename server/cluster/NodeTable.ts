import type { Redis } from 'ioredis';

/** Colyseus's discovery keys (@colyseus/core discovery): a set of `<processId>/<host:port>`. */
const NODES_SET = 'colyseus:nodes';
const DISCOVERY_CHANNEL = 'colyseus:nodes:discovery';
/** @colyseus/redis-driver keeps each live room's listing (with its processId) in this hash. */
const ROOM_CACHES = 'roomcaches';

/** What the proxy needs to know about the server processes. */
export interface NodeTableOptions {
  redis: Redis;
  /** How often the set is re-read and every node probed; default 1000 ms. */
  refreshMs?: number;
  /** Answers true when the process at `address` takes connections. */
  probe?: (address: string) => Promise<boolean>;
  onChange?: (alive: string[]) => void;
}

/**
 * The live server processes, as Colyseus registers them in Redis: processId → host:port. A node
 * that stops answering (killed, or draining and unregistered) drops out within one refresh, so
 * new requests go to the others.
 */
export class NodeTable {
  private nodes = new Map<string, string>();
  private alive = new Set<string>();
  private next = 0;
  private timer: NodeJS.Timeout | undefined;
  private subscriber: Redis | undefined;

  constructor(private readonly options: NodeTableOptions) {}

  async start(): Promise<void> {
    await this.refresh();
    this.subscriber = this.options.redis.duplicate();
    this.subscriber.on('error', () => undefined); // the main connection's handler reports problems
    this.subscriber.on('message', () => void this.refresh().catch(() => undefined));
    await this.subscriber.subscribe(DISCOVERY_CHANNEL);
    this.timer = setInterval(
      () => void this.refresh().catch(() => undefined),
      this.options.refreshMs ?? 1000,
    );
  }

  stop(): void {
    clearInterval(this.timer);
    this.subscriber?.disconnect();
  }

  /** The address of a live process, or undefined. */
  addressOf(processId: string): string | undefined {
    return this.alive.has(processId) ? this.nodes.get(processId) : undefined;
  }

  /** A process at `address` just refused a connection: route around it until the next refresh finds it up. */
  markDown(address: string): void {
    for (const [id, a] of this.nodes) if (a === address) this.alive.delete(id);
  }

  /** The address of the live process holding `roomId`, or undefined when none does. */
  async roomAddress(roomId: string): Promise<string | undefined> {
    const listing = await this.options.redis.hget(ROOM_CACHES, roomId).catch(() => null);
    if (!listing) return undefined;
    try {
      return this.addressOf((JSON.parse(listing) as { processId?: string }).processId ?? '');
    } catch {
      return undefined;
    }
  }

  /** Any live process, in turn. */
  anyAddress(): string | undefined {
    const ids = [...this.alive];
    if (ids.length === 0) return undefined;
    return this.nodes.get(ids[this.next++ % ids.length]);
  }

  /** Re-reads the set and probes each node. */
  async refresh(): Promise<void> {
    const members = await this.options.redis.smembers(NODES_SET);
    const nodes = new Map<string, string>();
    for (const m of members) {
      const slash = m.indexOf('/');
      if (slash > 0) nodes.set(m.slice(0, slash), m.slice(slash + 1));
    }
    const probe = this.options.probe ?? probeHttp;
    const checks = await Promise.all(
      [...nodes].map(async ([id, address]) => [id, await probe(address)] as const),
    );
    const alive = new Set(checks.filter(([, up]) => up).map(([id]) => id));
    const changed = alive.size !== this.alive.size || [...alive].some((id) => !this.alive.has(id));
    this.nodes = nodes;
    this.alive = alive;
    if (changed) this.options.onChange?.([...alive].map((id) => `${id} at ${nodes.get(id)}`));
  }
}

/** Any HTTP answer from /healthz (even 503: the process is up) counts as alive. */
async function probeHttp(address: string): Promise<boolean> {
  try {
    await fetch(`http://${address}/healthz`, { signal: AbortSignal.timeout(800) });
    return true;
  } catch {
    return false;
  }
}
