import { createTurnMetrics } from './agent';
import { createBus } from './bus';
import { ConfigError, describeServices, loadConfig } from './config';
import { createLlmProvider } from './llm';
import { createLogger, createMetrics } from './observability';
import { AgentWorker } from './workers';

/**
 * Entry point of `npm run worker`: a standalone agent worker for the scaled-out deployment.
 * It takes turns from the Redis queue, so any number can run beside the server processes.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redis) {
    throw new ConfigError('A standalone worker takes turns from Redis: set REDIS_URL (and EMBEDDED_WORKER=false on the servers so they leave the turns to the workers).');
  }
  const log = createLogger({ level: config.logLevel, pretty: !config.production });
  for (const line of describeServices(config).filter((l) => /^(llm|voice|knowledge|presence)/.test(l))) log.info(line);
  const metrics = createMetrics();
  const bus = createBus({ redisUrl: config.redis.url, log });
  const worker = new AgentWorker({
    bus, log, llm: createLlmProvider(config.llm), concurrency: config.agent.concurrency, metrics: createTurnMetrics(metrics.registry),
  });
  await worker.start();
  const shutdown = async (signal: string) => {
    log.info(`${signal} received: finishing running turns, then stopping.`);
    await worker.stop();
    await bus.close();
    metrics.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `Kotodama worker cannot start: ${err.message}` : err);
  process.exit(1);
});
