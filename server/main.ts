import { startServer } from './app';
import { ConfigError, loadConfig } from './config';
import { startTracing } from './observability';

/** Entry point of `npm start`: validate settings, boot, and stop cleanly on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  const config = loadConfig();
  const stopTracing = startTracing(config.tracing, 'server');
  const server = await startServer(config);
  const log = server.services.log;
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal} received.`);
    // Draining waits up to DRAIN_TIMEOUT_SECONDS for in-flight turns; the rest of the shutdown gets 10 s.
    const boundMs = (config.cluster.drainTimeoutSeconds + 10) * 1000;
    const force = setTimeout(() => {
      log.error(`Shutdown took longer than ${boundMs / 1000} s; exiting anyway.`);
      process.exit(1);
    }, boundMs);
    force.unref();
    server.stop().then(
      () => stopTracing().finally(() => process.exit(0)),
      (err) => {
        log.error({ err }, 'Shutdown failed.');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Kotodama cannot start: ${err.message}`);
  } else {
    console.error('Kotodama failed to start:', err);
  }
  process.exit(1);
});
