import { Redis } from 'ioredis';
import { startProxy } from './cluster';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './observability';

/**
 * Entry point of the cluster's reverse proxy (`npm run proxy`; `npm run cluster` starts it): listens
 * on PORT and routes each room's traffic to the server process holding it, as Redis says.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redis)
    throw new ConfigError('The proxy routes by the room data the servers keep in Redis: set REDIS_URL.');
  const log = createLogger({ level: config.logLevel, pretty: !config.logJson });
  const redis = new Redis(config.redis.url, { maxRetriesPerRequest: 2 });
  redis.on('error', (err) =>
    log.warn({ err: err.message }, 'Proxy: Redis connection problem; retrying. Check REDIS_URL.'),
  );
  const proxy = await startProxy({ redis, port: config.port, host: config.host, log });
  log.info(`Kotodama proxy is listening on http://localhost:${proxy.port}`);
  const shutdown = () => {
    void proxy.stop().finally(() => {
      redis.disconnect();
      process.exit(0);
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `Kotodama proxy cannot start: ${err.message}` : err);
  process.exit(1);
});
