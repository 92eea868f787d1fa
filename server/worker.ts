import { createBus } from './bus';
import { ConfigError, describeServices, loadConfig } from './config';
import { createStorage } from './media/storage';
import { createLogger, createMetrics, startTracing } from './observability';
import { serveWorkerHealth, startAgentWorker } from './workers';

/**
 * Entry point of `npm run worker`: a standalone agent worker for the scaled-out deployment.
 * It takes turns from the Redis queue, so any number can run beside the server processes, and
 * writes utterance audio to the same storage the servers serve /media from.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.redis) {
    throw new ConfigError(
      'A standalone worker takes turns from Redis: set REDIS_URL (and EMBEDDED_WORKER=false on the servers so they leave the turns to the workers).',
    );
  }
  const log = createLogger({ level: config.logLevel, pretty: !config.logJson });
  for (const line of describeServices(config).filter((l) => /^(llm|voice|moderation|presence|files)/.test(l)))
    log.info(line);
  if (config.files.kind === 'disk') {
    log.info(
      `Utterance audio goes to ${config.files.dir}: the servers must share that directory (same DATA_DIR or a shared volume), or configure S3 on both.`,
    );
  }
  const stopTracing = startTracing(config.tracing, 'worker');
  const metrics = createMetrics();
  const bus = createBus({
    redisUrl: config.redis.url,
    log,
    visibilityTimeoutMs: config.cluster.turnVisibilityTimeoutMs,
  });
  const storage = createStorage(config.files);
  const agent = await startAgentWorker(config, { log, bus, metrics, storage });
  const port = config.cluster.healthPort;
  const stopHealth =
    port === undefined ? null : await serveWorkerHealth(port, config.redis.url, metrics, log);
  const shutdown = async (signal: string) => {
    log.info(`${signal} received: finishing running turns, then stopping.`);
    const boundMs = (config.cluster.drainTimeoutSeconds + 10) * 1000;
    setTimeout(() => {
      log.error(
        `Running turns took longer than ${boundMs / 1000} s to finish; exiting anyway (they are redelivered).`,
      );
      process.exit(1);
    }, boundMs).unref();
    await agent.stop();
    await stopHealth?.();
    await bus.close();
    storage.close?.();
    metrics.close();
    await stopTracing();
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? `Kotodama worker cannot start: ${err.message}` : err);
  process.exit(1);
});
