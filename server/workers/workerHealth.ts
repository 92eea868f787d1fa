import { createServer } from 'node:http';
import express from 'express';
import { Redis } from 'ioredis';
import { healthRoutes } from '../http';
import type { Logger, Metrics } from '../observability';

/** /healthz (Redis reachable) and /metrics (turn stage histograms) of a standalone worker. */
export async function serveWorkerHealth(
  port: number,
  redisUrl: string,
  metrics: Metrics,
  log: Logger,
): Promise<() => Promise<void>> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined); // the bus reports connection problems
  const app = express();
  app.use(healthRoutes([{ name: 'redis', check: async () => (await redis.ping()) === 'PONG' }], metrics));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(port, '0.0.0.0', resolve));
  log.info(`Worker health and metrics on http://localhost:${port}/healthz and /metrics`);
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    redis.disconnect();
  };
}
