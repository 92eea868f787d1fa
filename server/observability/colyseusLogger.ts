import type { Logger } from 'pino';

/** Colyseus's logger interface (console-like). */
export interface ColyseusLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

/**
 * Routes Colyseus's own log lines into pino. Colyseus logs an error for every undecodable frame a
 * client sends, so errors are rate limited: a client sending junk cannot flood the logs.
 */
export function colyseusLogger(log: Logger, maxErrorsPerMinute = 20): ColyseusLogger {
  let windowStart = 0;
  let count = 0;
  let suppressed = 0;
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
  return {
    debug: (...args) => log.debug(text(args)),
    info: (...args) => log.debug(text(args)),
    warn: (...args) => log.warn(text(args)),
    error: (...args) => {
      const now = Date.now();
      if (now - windowStart > 60_000) {
        if (suppressed)
          log.warn(
            `Colyseus: ${suppressed} similar errors suppressed in the last minute (usually malformed client frames).`,
          );
        windowStart = now;
        count = 0;
        suppressed = 0;
      }
      if (++count <= maxErrorsPerMinute) log.warn(`Colyseus: ${text(args)}`);
      else suppressed++;
    },
  };
}
