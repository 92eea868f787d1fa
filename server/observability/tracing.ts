import { context, trace, TraceFlags, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Where traces go; `null` leaves tracing off (the API's no-op tracer). */
export type TracingSettings = { endpoint: string; serviceName: string } | null;

/**
 * Starts OpenTelemetry tracing for this process when an OTLP/HTTP endpoint is configured (what a
 * Grafana Tempo, Jaeger, Honeycomb or the Datadog Agent's OTLP intake accepts); returns its shutdown,
 * which flushes spans still waiting. Spans are made through `tracer()`, a no-op when off.
 */
export function startTracing(settings: TracingSettings, role: 'server' | 'worker'): () => Promise<void> {
  if (!settings) return async () => undefined;
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': settings.serviceName, 'kotodama.role': role }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${settings.endpoint}/v1/traces` })),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  return async () => {
    await provider.shutdown().catch(() => undefined);
    trace.disable();
  };
}

/** The process's tracer (no-op until `startTracing` registered a provider). */
export function tracer(): Tracer {
  return trace.getTracer('kotodama');
}

/** The W3C `traceparent` of a span, to carry a trace across the turn queue. */
export function traceparentOf(span: Span): string | undefined {
  const c = span.spanContext();
  if (!trace.isSpanContextValid(c)) return undefined;
  return `00-${c.traceId}-${c.spanId}-0${c.traceFlags & TraceFlags.SAMPLED ? 1 : 0}`;
}

/** A context whose parent is the span a `traceparent` names (the root context when absent or malformed). */
export function contextOf(traceparent: string | undefined): Context {
  const m = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0([01])$/.exec(traceparent ?? '');
  if (!m) return context.active();
  return trace.setSpanContext(context.active(), {
    traceId: m[1]!,
    spanId: m[2]!,
    traceFlags: Number(m[3]),
    isRemote: true,
  });
}

/** Records a finished stage as a span between two known times (ms since the epoch). */
export function recordSpan(
  name: string,
  parent: Context,
  startMs: number,
  endMs: number,
  attributes: Record<string, string | number | boolean> = {},
): void {
  tracer().startSpan(name, { startTime: startMs, attributes }, parent).end(endMs);
}
