import { context, trace, type Context, type Span } from '@opentelemetry/api';
import { recordSpan, traceparentOf, tracer, type Metrics } from '../observability';
import type { Turn } from '../turn';

/**
 * The room's side of one turn's trace and timings: a `turn` span from the first message's say to
 * the end of the reply (the worker's spans join it through `turn.traceparent`), a span per utterance
 * broadcast, and the `kotodama_turn_reply_seconds` stages.
 */
export class TurnTrace {
  private readonly span: Span;
  private readonly parent: Context;
  private readonly saidAt: number;
  private subtitled = false;
  private uttered = false;

  constructor(
    turn: Turn,
    private readonly metrics: Metrics,
    private readonly now: () => number,
  ) {
    this.saidAt = Math.min(...turn.messages.map((m) => m.at), turn.enqueuedAt);
    this.span = tracer().startSpan('turn', {
      startTime: this.saidAt,
      attributes: {
        'kotodama.room_id': turn.roomId,
        'kotodama.turn_id': turn.turnId,
        'kotodama.messages': turn.messages.length,
      },
    });
    this.parent = trace.setSpan(context.active(), this.span);
    recordSpan('turn.waiting', this.parent, this.saidAt, turn.enqueuedAt); // in the room's queue
  }

  /** The `traceparent` the worker continues from. */
  get traceparent(): string | undefined {
    return traceparentOf(this.span);
  }

  subtitle(): void {
    if (this.subtitled) return;
    this.subtitled = true;
    this.observe('first_subtitle');
  }

  /** One utterance was broadcast (`receivedAt`: when its event reached the room). */
  utterance(seq: number, receivedAt: number): void {
    recordSpan('utterance.broadcast', this.parent, receivedAt, this.now(), { 'kotodama.seq': seq });
    if (this.uttered) return;
    this.uttered = true;
    this.observe('first_utterance');
  }

  end(outcome: 'done' | 'cancelled' | 'failed'): void {
    if (outcome === 'done') this.observe('done');
    this.span.setAttribute('kotodama.outcome', outcome);
    this.span.end(this.now());
  }

  private observe(stage: string): void {
    this.metrics.turnReply.observe({ stage }, Math.max(0, this.now() - this.saidAt) / 1000);
  }
}
