import { trace, type Context, type Span } from '@opentelemetry/api';
import type { SpeakFn, TurnMetrics, TurnResult } from '../agent';
import { contextOf, recordSpan, tracer } from '../observability';
import type { Turn } from '../turn';

/**
 * The worker's side of a turn's trace: `turn.run` under the room's `turn` span (from the
 * traceparent the turn carries), with `turn.queue`, `llm.first_token`, `turn.first_sentence` and
 * one `voice.synthesize` per sentence; also feeds the voice-stage histogram.
 */
export class WorkerTrace {
  private readonly span: Span;
  private readonly ctx: Context;

  constructor(
    private readonly turn: Turn,
    attempt: number,
    private readonly startedAt: number,
    private readonly now: () => number,
    private readonly metrics?: TurnMetrics,
  ) {
    const parent = contextOf(turn.traceparent);
    this.span = tracer().startSpan(
      'turn.run',
      {
        startTime: startedAt,
        attributes: {
          'kotodama.room_id': turn.roomId,
          'kotodama.turn_id': turn.turnId,
          'kotodama.attempt': attempt,
        },
      },
      parent,
    );
    this.ctx = trace.setSpan(parent, this.span);
    recordSpan('turn.queue', this.ctx, Math.min(turn.enqueuedAt, startedAt), startedAt);
  }

  /** The trace id for the turn's log line (empty when tracing is off). */
  get traceId(): string {
    const id = this.span.spanContext().traceId;
    return /^0+$/.test(id) ? '' : id;
  }

  /** `speak` with a span and a histogram sample per sentence. */
  wrap(speak: SpeakFn | undefined): SpeakFn | undefined {
    if (!speak) return undefined;
    return async (sentence, character, signal) => {
      const start = this.now();
      try {
        return await speak(sentence, character, signal);
      } finally {
        const end = this.now();
        this.metrics?.observeVoice?.(end - start);
        recordSpan('voice.synthesize', this.ctx, start, end, { 'kotodama.seq': sentence.seq });
      }
    };
  }

  /** Records the stages the turn's timings describe and ends `turn.run`. */
  end(result: TurnResult): void {
    const t = result.timings;
    const at = (ms: number | undefined) => (ms === undefined ? undefined : this.startedAt + ms);
    const llmStart = at(t.llmStartMs);
    if (llmStart !== undefined && t.llmFirstTokenMs !== undefined)
      recordSpan('llm.first_token', this.ctx, llmStart, llmStart + t.llmFirstTokenMs);
    const sentence = at(t.firstSentenceMs);
    if (sentence !== undefined) recordSpan('turn.first_sentence', this.ctx, this.startedAt, sentence);
    this.span.setAttributes({ 'kotodama.outcome': result.outcome, 'kotodama.utterances': result.utterances });
    this.span.end(at(t.totalMs) ?? this.now());
  }
}
