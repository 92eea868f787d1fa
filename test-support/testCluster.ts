import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { clusterPlan, startCluster, type RunningCluster } from '../server/cluster';
import { createScratchDatabase } from './databases';
import { startScratchRedis, type ScratchRedis } from './redisServer';

/** A cluster as `npm run cluster` starts it, on a scratch database and a redis-server of its own. */
export interface TestCluster {
  /** The proxy: what clients use. */
  url: string;
  redis: ScratchRedis;
  databaseUrl: string;
  running: RunningCluster;
  /** The cluster process (`server-1`…) holding `roomId` now, from the presence data in Redis. */
  holderOf(roomId: string): Promise<string | undefined>;
  /** Sends `signal` to one process and resolves once it has exited (with its exit code). */
  kill(name: string, signal: NodeJS.Signals): Promise<number | null>;
  /** Starts a process of the plan that is not running (left out by `only`, or killed). */
  start(name: string): Promise<void>;
  /** What one process wrote so far. */
  log(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Options of `startTestCluster`. */
export interface TestClusterOptions {
  servers: number;
  workers: number;
  /** Extra variables for every process (e.g. LLM_BASE_URL, TURN_VISIBILITY_TIMEOUT_MS). */
  env?: Record<string, string>;
  /** Start only these processes at first (the others with `start`); default all. */
  only?: string[];
  /** Use this database (e.g. through a TCP proxy) instead of a fresh scratch one. */
  databaseUrl?: string;
}

/** Starts the proxy, servers and workers on consecutive free ports. */
export async function startTestCluster(o: TestClusterOptions): Promise<TestCluster> {
  const redis = await startScratchRedis();
  const dataDir = await mkdtemp(join(tmpdir(), 'kotodama-cluster-'));
  const databaseUrl = o.databaseUrl ?? (await createScratchDatabase());
  const plan = clusterPlan({
    servers: o.servers,
    workers: o.workers,
    port: await freePortRange(1 + o.servers + o.workers),
    host: '127.0.0.1',
    databaseUrl,
    redisUrl: redis.url,
    jwtSecret: 'cluster-test-secret-'.padEnd(40, 'x'),
    dataDir,
  });
  const logDir = join(dataDir, 'logs');
  const baseEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    HOST: '127.0.0.1',
    ...o.env,
  };
  const running = await startCluster(plan, { baseEnv, logDir, say: () => undefined, only: o.only }).catch(
    async (err) => {
      await redis.close();
      throw err;
    },
  );
  const admin = new Redis(redis.url, { maxRetriesPerRequest: 1, lazyConnect: true });
  admin.on('error', () => undefined);
  const byName = (name: string) => {
    const found = running.processes.findLast((p) => p.spec.name === name);
    if (!found) throw new Error(`no cluster process named ${name}`);
    return found;
  };
  return {
    url: `http://127.0.0.1:${plan[0]!.port}`,
    redis,
    databaseUrl,
    running,
    async holderOf(roomId) {
      const listing = await admin.hget('roomcaches', roomId);
      if (!listing) return undefined;
      const processId = (JSON.parse(listing) as { processId: string }).processId;
      const node = (await admin.smembers('colyseus:nodes')).find((m) => m.startsWith(`${processId}/`));
      const port = Number(node?.split(':').at(-1));
      return plan.find((p) => p.role === 'server' && p.port === port)?.name;
    },
    kill(name, signal) {
      const { child } = byName(name);
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
      return new Promise((resolve) => {
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
    async start(name) {
      const spec = plan.find((p) => p.name === name);
      if (!spec) throw new Error(`no cluster process named ${name}`);
      await running.start(spec);
    },
    log: (name) => readFile(join(logDir, `${name}.log`), 'utf8').catch(() => ''),
    async stop() {
      await running.stop(10_000);
      admin.disconnect();
      await redis.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The first of `count` consecutive ports that are all free. */
async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all(Array.from({ length: count }, (_, i) => portFree(base + i)));
    if (free.every(Boolean)) return base;
  }
  throw new Error(`could not find ${count} consecutive free ports`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
