/**
 * The slice of a pino logger the bus uses. A structural type, so callers pass their process
 * logger and tests pass a recorder, without the bus depending on a logger instance.
 */
export interface BusLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const ignore = (): void => undefined;

/** A logger that drops everything; the default of the low-level classes. */
export const silentLogger: BusLogger = { debug: ignore, info: ignore, warn: ignore, error: ignore };
