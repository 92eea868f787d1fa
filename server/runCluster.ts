import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { clusterPlan, PASSED_THROUGH, startCluster } from './cluster';
import { ConfigError, loadConfig, passedEnvironment } from './config';

/**
 * Entry point of `npm run cluster`: N server processes and M standalone workers on the configured
 * PostgreSQL and Redis, the proxy in front on PORT; one line per process; Ctrl-C stops them all.
 * Sizes: CLUSTER_SERVERS and CLUSTER_WORKERS (default 2 and 2), or `npm run cluster -- 3 2`.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redis || config.database.kind !== 'postgres') {
    throw new ConfigError(
      'A cluster shares one PostgreSQL and one Redis: set DATABASE_URL and REDIS_URL (the embedded database and queue live inside one process).',
    );
  }
  const [servers, workers] = process.argv.slice(2).map(Number);
  const jwtSecret = config.jwtSecret ?? randomBytes(32).toString('hex');
  const dataDir = resolve(config.dataDir, 'cluster');
  const plan = clusterPlan({
    servers: servers || config.cluster.servers,
    workers: Number.isInteger(workers) ? workers! : config.cluster.workers,
    port: config.port,
    host: '127.0.0.1',
    databaseUrl: config.database.url,
    redisUrl: config.redis.url,
    jwtSecret,
    publicUrl: config.publicUrl,
    dataDir,
  });
  const say = (line: string) => console.log(line);
  if (!config.jwtSecret)
    say('JWT_SECRET is not set: this cluster signs with a secret made for this run (sign-ins end with it).');
  const baseEnv = passedEnvironment(['PATH', ...PASSED_THROUGH]);
  const cluster = await startCluster(plan, { baseEnv, logDir: `${dataDir}/logs`, say });
  say(`Kotodama cluster is up on http://localhost:${config.port} (Ctrl-C stops every process).`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    say('Stopping: servers move their clients and finish their turns, workers finish theirs…');
    void cluster.stop().then(() => {
      say('Every process stopped.');
      process.exit(0);
    });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `Kotodama cluster cannot start: ${err.message}` : err);
  process.exit(1);
});
