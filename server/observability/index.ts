/** Logging and metrics for every server process. */
export { createLogger, type Logger, type LoggerOptions } from './logger';
export { createMetrics, type Metrics } from './metrics';
export { colyseusLogger, type ColyseusLogger } from './colyseusLogger';
export { contextOf, recordSpan, startTracing, traceparentOf, tracer, type TracingSettings } from './tracing';
