import { collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/** The process's Prometheus registry with the standard process metrics and our room gauges. */
export interface Metrics {
  registry: Registry;
  rooms: Gauge;
  clients: Gauge<'role'>;
  httpDuration: Histogram<'route' | 'method' | 'status'>;
  /** In the room: from the say to the reply's first subtitle, first utterance broadcast, and done. */
  turnReply: Histogram<'stage'>;
  /** Stops the event-loop sampler. */
  close(): void;
}

/** Creates a registry with process metrics, event-loop lag percentiles and room/client gauges. */
export function createMetrics(roomCount: () => number = () => 0): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  registerLoopLag(registry, loop);
  return {
    registry,
    rooms: new Gauge({
      name: 'kotodama_rooms',
      help: 'Rooms open in this process',
      registers: [registry],
      collect() {
        this.set(roomCount());
      },
    }),
    clients: new Gauge({
      name: 'kotodama_clients',
      help: 'Connected clients by role',
      labelNames: ['role'],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'kotodama_http_request_duration_seconds',
      help: 'HTTP API request duration',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    turnReply: new Histogram({
      name: 'kotodama_turn_reply_seconds',
      help: 'From the say to each stage of the reply at the room: first_subtitle, first_utterance (broadcast), done',
      labelNames: ['stage'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 40],
      registers: [registry],
    }),
    close: () => loop.disable(),
  };
}

function registerLoopLag(registry: Registry, loop: IntervalHistogram): void {
  new Gauge({
    name: 'kotodama_event_loop_lag_p99_seconds',
    help: 'Event-loop delay P99 since the last scrape',
    registers: [registry],
    collect() {
      this.set(loop.percentile(99) / 1e9);
      loop.reset();
    },
  });
}
