/**
 * Pipeline overhead of the agent core: how much time `runTurn` adds on top of the LLM.
 *
 *   npx tsx bench/pipeline.ts [--turns 120] [--concurrency 4] [--ttft 40] [--token-ms 8]
 *
 * A fake OpenAI-compatible server streams a fixed reply at a fixed time to first token and
 * token rate; turns go through the real `openai` SDK and `runTurn` with an instant voice.
 * Measured, per turn:
 *   - first chunk written by the fake LLM → first `subtitle` emitted (HTTP + SDK + runTurn)
 *   - first token yielded by the provider → first `subtitle` emitted (runTurn alone)
 *   - sentence complete (voice called) → its `utterance` emitted
 * To extend to "first subtitle at every client", pass `onEvent` that publishes through a booted
 * server's bus and record client receive times against `TurnTrace.firstChunkWrittenAt`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { runTurn, type SpeakFn } from '../server/agent';
import type { AgentEvent, CharacterProfile, Turn } from '../server/turn';
import { createLlmProvider, type LlmProvider } from '../server/llm';
import { chunksOf, type FakeOpenAi, startFakeOpenAi } from '../test-support/fakeOpenAi';

/** Settings of one bench run. */
export interface PipelineBenchOptions {
  turns: number;
  concurrency: number;
  /** Fake LLM time to first token, ms (the reply opens with tags, as models are told to). */
  ttftMs: number;
  /** Fake LLM pause between tokens, ms. */
  tokenMs: number;
  /** Turns run first and thrown away (JIT warm-up). */
  warmup: number;
  /** Sees every event as it is emitted (e.g. to publish it through a real server). */
  onEvent?: (event: AgentEvent, at: number) => void;
}

/** Timestamps (performance.now) of one turn. */
export interface TurnTrace {
  /** When the fake LLM wrote the first chunk with words (after the opening tags). */
  firstChunkWrittenAt?: number;
  /** When that chunk came out of the provider into runTurn. */
  firstTokenYieldedAt?: number;
  firstSubtitleAt?: number;
  /** One entry per sentence: when the voice was called and when its utterance was emitted. */
  sentences: Array<{ completeAt: number; utteranceAt?: number }>;
}

const REPLY =
  '[happy][wave] Hi Aiko and Ben, thanks for waiting! [think] Let me see. Hydrangeas bloom in June, and they turn blue in acid soil. [relaxed] Come and see them at the shop sometime.';

const CHARACTER: CharacterProfile = {
  id: 'hana',
  name: 'Hana',
  language: 'en',
  voice: {},
  persona: 'You are Hana, a cheerful florist from Kyoto.',
  greeting: 'Hi!',
};

const CHUNKS = chunksOf(REPLY);
/** True when a chunk carries words to show, not only tags or spaces (a subtitle can only follow those). */
const speaks = (delta: string) => delta.replace(/\[[^\]]*\]/g, '').trim().length > 0;
/** The first chunk with words: subtitle latency is measured from it, since a leading tag shows nothing. */
const FIRST_SPOKEN_CHUNK = CHUNKS.findIndex(speaks);

/** Wraps a provider to note when its first chunk with words reaches runTurn. */
function timedProvider(inner: LlmProvider, trace: () => TurnTrace): LlmProvider {
  return {
    name: inner.name,
    offline: inner.offline,
    async *stream(req) {
      for await (const delta of inner.stream(req)) {
        if (speaks(delta)) trace().firstTokenYieldedAt ??= performance.now();
        yield delta;
      }
    },
  };
}

async function oneTurn(
  fake: FakeOpenAi,
  llm: LlmProvider,
  index: number,
  options: PipelineBenchOptions,
): Promise<TurnTrace> {
  const trace: TurnTrace = { sentences: [] };
  const marker = `(turn ${index})`;
  const speak: SpeakFn = async (s) => {
    trace.sentences[s.seq] = { completeAt: performance.now() };
    return { audioUrl: '', durationMs: 1000, visemes: [] };
  };
  const emit = (event: AgentEvent) => {
    const at = performance.now();
    if (event.type === 'subtitle') trace.firstSubtitleAt ??= at;
    if (event.type === 'utterance' && trace.sentences[event.seq]) trace.sentences[event.seq].utteranceAt = at;
    options.onEvent?.(event, at);
  };
  const turn: Turn = {
    turnId: `bench-${index}`,
    roomId: 'bench-room',
    character: CHARACTER,
    transcript: [],
    enqueuedAt: Date.now(),
    messages: [
      {
        id: `m${index}`,
        userId: 'u1',
        name: 'Aiko',
        text: `When do hydrangeas bloom? ${marker}`,
        at: Date.now(),
      },
    ],
  };
  const result = await runTurn(turn, {
    llm: timedProvider(llm, () => trace),
    emit,
    speak,
    signal: new AbortController().signal,
    now: Date.now,
  });
  if (result.outcome !== 'ok') throw new Error(`bench turn failed: ${result.error?.message}`);
  // The marker in the user text finds this turn's request among concurrent ones.
  const request = fake.requests.find((r) => r.body?.messages?.[1]?.content.includes(marker));
  trace.firstChunkWrittenAt = request?.chunkWrites[FIRST_SPOKEN_CHUNK];
  return trace;
}

/** Runs the bench and returns the traces of the measured (not warm-up) turns. */
export async function benchPipeline(options: PipelineBenchOptions): Promise<TurnTrace[]> {
  const fake = await startFakeOpenAi({
    fallback: { chunks: CHUNKS, firstChunkDelayMs: options.ttftMs, chunkDelayMs: options.tokenMs },
  });
  const llm = createLlmProvider({ kind: 'openai-compatible', baseUrl: fake.baseURL, model: 'bench' });
  try {
    for (let i = 0; i < options.warmup; i++) await oneTurn(fake, llm, -1 - i, options);
    const traces: TurnTrace[] = [];
    let next = 0;
    const lane = async () => {
      while (next < options.turns) traces.push(await oneTurn(fake, llm, next++, options));
    };
    await Promise.all(Array.from({ length: options.concurrency }, lane));
    return traces;
  } finally {
    await fake.close();
  }
}

/** Nearest-rank percentile of `values` (ms). */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** One printed row: name, n, P50/P95/P99/max in ms. */
export function row(name: string, values: number[]): string {
  const f = (v: number) => `${v.toFixed(2).padStart(8)} ms`;
  return `${name.padEnd(48)} ${String(values.length).padStart(5)} ${f(percentile(values, 50))} ${f(percentile(values, 95))} ${f(percentile(values, 99))} ${f(Math.max(...values))}`;
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const options: PipelineBenchOptions = {
    turns: arg('turns', 120),
    concurrency: arg('concurrency', 4),
    ttftMs: arg('ttft', 40),
    tokenMs: arg('token-ms', 8),
    warmup: arg('warmup', 10),
  };
  const traces = await benchPipeline(options);
  const diff = (a?: number, b?: number) => (a === undefined || b === undefined ? [] : [b - a]);
  const endToSubtitle = traces.flatMap((t) => diff(t.firstChunkWrittenAt, t.firstSubtitleAt));
  const tokenToSubtitle = traces.flatMap((t) => diff(t.firstTokenYieldedAt, t.firstSubtitleAt));
  const sentenceToUtterance = traces.flatMap((t) =>
    t.sentences.flatMap((s) => diff(s.completeAt, s.utteranceAt)),
  );
  console.log(
    `Kotodama agent pipeline overhead — fake LLM: first token after ${options.ttftMs} ms, then 1 token / ${options.tokenMs} ms;`,
  );
  console.log(
    `${options.turns} turns (${options.warmup} warm-up discarded), ${options.concurrency} at a time, instant voice; Node ${process.version}\n`,
  );
  console.log(
    `${'stage'.padEnd(48)} ${'n'.padStart(5)} ${'P50'.padStart(11)} ${'P95'.padStart(11)} ${'P99'.padStart(11)} ${'max'.padStart(11)}`,
  );
  console.log(row('LLM first words written → first subtitle emitted', endToSubtitle));
  console.log(row('  runTurn only: words yielded → subtitle', tokenToSubtitle));
  console.log(row('sentence complete → utterance emitted', sentenceToUtterance));
  console.log(
    '\nTargets (ARCHITECTURE §8, P95): first subtitle at every client ≤ 30 ms after the first token; first utterance',
  );
  console.log(
    'broadcast ≤ 100 ms after its audio is ready. This bench covers the agent side; the room/client hop is measured separately.',
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
