import { Histogram, type Registry } from 'prom-client';

/** Per-turn timings, in ms; a stage that never happened is undefined. */
export interface TurnTimings {
  /** From enqueue to the worker starting the turn. */
  queueWaitMs: number;
  /** From the start of the turn to sending the LLM request (knowledge look-up, prompt). */
  llmStartMs?: number;
  /** From sending the LLM request to its first text. */
  llmFirstTokenMs?: number;
  /** From the start of the turn to the first complete sentence. */
  firstSentenceMs?: number;
  /** From the start of the turn to the first utterance emitted. */
  firstUtteranceMs?: number;
  /** From the start of the turn to `done` (or to the abort). */
  totalMs: number;
}

/** How a turn ended. */
export type TurnOutcome = 'ok' | 'error' | 'aborted';

/** The `kotodama_turn_*_seconds` histograms. */
export interface TurnMetrics {
  observe(timings: TurnTimings, outcome: TurnOutcome): void;
  /** One sentence through the voice stage (synthesis, viseme analysis, storing the audio). */
  observeVoice?(ms: number): void;
}

const BUCKETS = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 20, 40];

/** Registers (once per registry) and returns the turn histograms. */
export function createTurnMetrics(registry: Registry): TurnMetrics {
  const h = (name: string, help: string, labelNames: string[] = []) =>
    (registry.getSingleMetric(name) as Histogram<string> | undefined) ??
    new Histogram({ name, help, labelNames, buckets: BUCKETS, registers: [registry] });
  const queueWait = h(
    'kotodama_turn_queue_wait_seconds',
    'Time a turn waited in the queue before a worker started it',
  );
  const firstToken = h('kotodama_turn_llm_first_token_seconds', 'LLM time to first token');
  const firstSentence = h('kotodama_turn_first_sentence_seconds', 'Turn start to first complete sentence');
  const firstUtterance = h('kotodama_turn_first_utterance_seconds', 'Turn start to first utterance emitted');
  const total = h('kotodama_turn_total_seconds', 'Turn start to done, by outcome', ['outcome']);
  const voice = h(
    'kotodama_turn_voice_seconds',
    'One sentence through the voice stage (synthesis, visemes, storage)',
  );
  return {
    observeVoice: (ms) => voice.observe(ms / 1000),
    observe(t, outcome) {
      queueWait.observe(t.queueWaitMs / 1000);
      if (t.llmFirstTokenMs !== undefined) firstToken.observe(t.llmFirstTokenMs / 1000);
      if (t.firstSentenceMs !== undefined) firstSentence.observe(t.firstSentenceMs / 1000);
      if (t.firstUtteranceMs !== undefined) firstUtterance.observe(t.firstUtteranceMs / 1000);
      total.observe({ outcome }, t.totalMs / 1000);
    },
  };
}
