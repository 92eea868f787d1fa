import { pino, type Logger } from 'pino';

export type { Logger };

/** Options for the process logger. */
export interface LoggerOptions {
  level: string;
  /** Human-readable lines for a terminal; JSON lines otherwise (production, log shippers). */
  pretty: boolean;
}

/** Creates the process logger: pretty in development, JSON in production. */
export function createLogger({ level, pretty }: LoggerOptions): Logger {
  if (!pretty) return pino({ level, base: { service: 'kotodama' } });
  return pino({
    level,
    transport: {
      target: 'pino-pretty',
      options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' },
    },
  });
}
