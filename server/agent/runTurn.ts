import type { AgentEvent, Turn } from '../turn';
import { isLlmError, type LlmProvider, type TurnContext } from '../llm';
import type { Moderator } from '../moderation';
import { apologyFor, deflectionFor } from './apology';
import { buildPrompt, isUntrusted } from './buildPrompt';
import type { KnowledgeSource } from './knowledgeSource';
import type { SentenceCutterOptions } from './sentenceCutter';
import { estimateSpeech, type SpeakFn, type SpeakRequest, type SpeechAudio } from './speech';
import { type SegmentStep, SpeechSegmenter } from './speechSegmenter';
import type { TurnMetrics, TurnOutcome, TurnTimings } from './turnMetrics';
import { UtterancePipeline } from './UtterancePipeline';
import { withTimeout } from './withTimeout';

/** The subset of a pino logger the agent uses. */
export interface TurnLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

/** Tuning for one turn; all optional. */
export interface RunTurnOptions {
  /** Knowledge passages to fetch. Default 4. */
  knowledgeTopK?: number;
  /** Give up on the knowledge base after this long and answer without it. Default 1500 ms. */
  knowledgeTimeoutMs?: number;
  /** Longest the voice may take for one sentence before the turn fails. Default 30 s. */
  speakTimeoutMs?: number;
  maxTokens?: number;
  temperature?: number;
  cutter?: Omit<SentenceCutterOptions, 'language'>;
}

/** What `runTurn` needs from the worker. */
export interface RunTurnDeps {
  llm: LlmProvider;
  /** Publishes an event on the room's channel; may be async (the result is not awaited). */
  emit: (event: AgentEvent) => void | Promise<void>;
  /** Aborted by a host interrupt: the turn stops quietly and emits nothing more. */
  signal: AbortSignal;
  /** Server clock, ms since the epoch (compared with `turn.enqueuedAt`). */
  now: () => number;
  knowledge?: KnowledgeSource;
  /** The voice stage; defaults to a text-only estimate (`estimateSpeech`). */
  speak?: SpeakFn;
  /** Screens every sentence before it is spoken; a flagged one is replaced by a deflection. */
  moderator?: Moderator;
  metrics?: TurnMetrics;
  logger?: TurnLogger;
  options?: RunTurnOptions;
}

/** How a turn went. */
export interface TurnResult {
  outcome: TurnOutcome;
  /** What the character said (utterance texts, including an apology). */
  text: string;
  utterances: number;
  timings: TurnTimings;
  error?: { code: string; message: string };
}

/**
 * Runs one turn end to end: prompt → LLM stream → `subtitle` events as text arrives → each
 * sentence to the voice as soon as it is complete → `utterance` events in order → `done`.
 * On failure it apologises in character, emits `error`, then `done`; on abort it stops
 * quietly. Never throws.
 */
export async function runTurn(turn: Turn, deps: RunTurnDeps): Promise<TurnResult> {
  return new TurnRun(turn, deps).run();
}

/** Longer than any phrase the local rules or a blocklist entry match. */
const SCREEN_TAIL_CHARS = 256;

class TurnRun {
  private readonly inner = new AbortController();
  private readonly startedAt: number;
  private readonly marks: {
    llmStart?: number;
    firstToken?: number;
    firstSentence?: number;
    firstUtterance?: number;
  } = {};
  private readonly pipeline: UtterancePipeline;
  private readonly joiner: string;
  private readonly onAbort = () => this.inner.abort(this.deps.signal.reason);
  private subtitleSeq = 0;
  private subtitle = '';
  /** Set once the streamed text breaks the local rules: no more subtitles this turn (utterances carry the deflection). */
  private subtitlesStopped = false;
  private released = 0;
  private readonly spoken: string[] = [];

  constructor(
    private readonly turn: Turn,
    private readonly deps: RunTurnDeps,
  ) {
    this.startedAt = deps.now();
    this.joiner = turn.character.language === 'ja' ? '' : ' ';
    if (deps.signal.aborted) this.onAbort();
    else deps.signal.addEventListener('abort', this.onAbort, { once: true });
    this.pipeline = new UtterancePipeline(
      { roomId: turn.roomId, turnId: turn.turnId },
      turn.character,
      this.speakWithin(deps.speak ?? estimateSpeech),
      this.inner.signal,
      (req, audio) => this.emitUtterance(req, audio),
      () => this.inner.abort(new Error('voice failed')), // stop the LLM: the reply cannot be spoken
      deps.moderator ? (req) => this.screen(req, deps.moderator!) : undefined,
    );
  }

  async run(): Promise<TurnResult> {
    let failure: unknown;
    try {
      await this.generate();
    } catch (err) {
      failure = err;
    }
    const voice = this.pipeline.failure();
    if (voice.failed) failure = voice.error; // the LLM abort it caused is not the story
    try {
      if (this.deps.signal.aborted) return this.finish('aborted');
      if (failure === undefined) {
        this.emit({ type: 'done', ...this.ids(), text: this.spokenText(), utterances: this.released });
        return this.finish('ok');
      }
      const error = describeFailure(failure, voice.failed);
      await this.apologise(error, voice.failed).catch(() => {
        // Even the apology failed: still tell the room, so the turn is never left hanging.
        this.emit({ type: 'error', ...this.ids(), code: error.code, message: error.message });
        this.emit({ type: 'done', ...this.ids(), text: this.spokenText(), utterances: this.released });
      });
      return this.finish(this.deps.signal.aborted ? 'aborted' : 'error', error);
    } finally {
      this.deps.signal.removeEventListener('abort', this.onAbort);
    }
  }

  private async generate(): Promise<void> {
    const { turn, deps } = this;
    const knowledge = await this.lookUp();
    const context: TurnContext = {
      character: turn.character,
      transcript: turn.transcript,
      knowledge,
      messages: turn.messages.map((m) => ({ ...m, flagged: isUntrusted(m) })),
    };
    const messages = buildPrompt({ character: turn.character, turn, transcript: turn.transcript, knowledge });
    const segmenter = new SpeechSegmenter({ language: turn.character.language, ...deps.options?.cutter });
    this.marks.llmStart = deps.now();
    const stream = deps.llm.stream({
      messages,
      signal: this.inner.signal,
      context,
      maxTokens: deps.options?.maxTokens,
      temperature: deps.options?.temperature,
    });
    for await (const delta of stream) {
      this.marks.firstToken ??= deps.now();
      this.take(segmenter.push(delta));
    }
    this.take(segmenter.end());
    await this.pipeline.drain();
    const voice = this.pipeline.failure();
    if (voice.failed) throw voice.error;
    if (this.released === 0) throw new EmptyReplyError();
  }

  /** Emits the new subtitle text and hands finished sentences to the voice. */
  private take(step: SegmentStep): void {
    if (step.spoken) this.emitSubtitle(step.spoken);
    for (const sentence of step.sentences) {
      this.marks.firstSentence ??= this.deps.now();
      this.pipeline.add(sentence);
    }
  }

  private async lookUp(): Promise<string[]> {
    const source = this.deps.knowledge;
    if (!source) return [];
    const query = this.turn.messages.map((m) => m.text).join('\n');
    const k = this.deps.options?.knowledgeTopK ?? 4;
    try {
      const ms = this.deps.options?.knowledgeTimeoutMs ?? 1_500;
      return await withTimeout(
        source.search(this.turn.character.id, query, k),
        ms,
        `knowledge search took over ${ms} ms`,
      );
    } catch (err) {
      this.deps.logger?.warn(
        { ...this.ids(), err: String(err) },
        'knowledge search failed; answering without it',
      );
      return [];
    }
  }

  /** Speaks an in-character apology after whatever was already said, then `error` and `done`. */
  private async apologise(error: { code: string; message: string }, voiceFailed: boolean): Promise<void> {
    await this.pipeline.drain();
    const sentence = apologyFor(this.turn.character.language, error.code);
    this.emitSubtitle(sentence.text, true);
    const request: SpeakRequest = { ...sentence, ...this.ids(), seq: this.released };
    let audio: SpeechAudio;
    try {
      if (voiceFailed || !this.deps.speak) throw new Error('no voice');
      audio = await this.speakWithin(this.deps.speak)(request, this.turn.character, this.deps.signal);
    } catch {
      audio = await estimateSpeech(request, this.turn.character, this.deps.signal);
    }
    this.emitUtterance(request, audio);
    this.emit({ type: 'error', ...this.ids(), code: error.code, message: error.message });
    this.emit({ type: 'done', ...this.ids(), text: this.spokenText(), utterances: this.released });
  }

  /** The sentence itself, or the character's deflection when the moderator flags it. */
  private async screen(request: SpeakRequest, moderator: Moderator): Promise<SpeakRequest> {
    const verdict = await moderator.screen(request.text, this.inner.signal);
    if (!verdict.flagged) return request;
    this.deps.logger?.warn(
      { ...this.ids(), seq: request.seq, categories: verdict.categories, moderator: moderator.name },
      'a sentence of the reply was flagged and replaced before it was spoken',
    );
    return { ...request, ...deflectionFor(this.turn.character.language), gesture: undefined };
  }

  /** A voice that cannot hang the turn: a sentence over the limit fails with code `timeout`. */
  private speakWithin(speak: SpeakFn): SpeakFn {
    const ms = this.deps.options?.speakTimeoutMs ?? 30_000;
    return (s, character, signal) =>
      withTimeout(speak(s, character, signal), ms, `The voice took over ${ms} ms for one sentence.`);
  }

  private emitSubtitle(delta: string, separate = false): void {
    if (this.subtitlesStopped) return;
    const piece = separate && this.subtitle ? this.joiner + delta : delta;
    // Only the tail can hold a new match (earlier text already passed): the check stays O(delta), not O(reply).
    if (this.deps.moderator?.flagsNow((this.subtitle + piece).slice(-SCREEN_TAIL_CHARS))) {
      this.subtitlesStopped = true;
      return;
    }
    this.subtitle += piece;
    this.emit({
      type: 'subtitle',
      ...this.ids(),
      seq: this.subtitleSeq++,
      delta: piece,
      text: this.subtitle,
    });
  }

  private emitUtterance(req: SpeakRequest, audio: SpeechAudio): void {
    if (this.deps.signal.aborted) return;
    this.marks.firstUtterance ??= this.deps.now();
    this.spoken.push(req.text);
    this.emit({
      type: 'utterance',
      roomId: req.roomId,
      turnId: req.turnId,
      seq: this.released++,
      text: req.text,
      expression: req.expression,
      ...(req.gesture ? { gesture: req.gesture } : {}),
      audioUrl: audio.audioUrl,
      durationMs: audio.durationMs,
      visemes: audio.visemes,
    });
  }

  private spokenText(): string {
    return this.spoken.join(this.joiner);
  }

  /** Publishes unless the turn was interrupted; a failing publisher is logged, never fatal. */
  private emit(event: AgentEvent): void {
    if (this.deps.signal.aborted) return;
    try {
      const result = this.deps.emit(event);
      if (result)
        result.catch((err: unknown) =>
          this.deps.logger?.warn(
            { ...this.ids(), event: event.type, err: String(err) },
            'publishing an agent event failed',
          ),
        );
    } catch (err) {
      this.deps.logger?.warn(
        { ...this.ids(), event: event.type, err: String(err) },
        'publishing an agent event failed',
      );
    }
  }

  private ids(): { roomId: string; turnId: string } {
    return { roomId: this.turn.roomId, turnId: this.turn.turnId };
  }

  private finish(outcome: TurnOutcome, error?: { code: string; message: string }): TurnResult {
    const timings = this.timings();
    const result: TurnResult = {
      outcome,
      text: this.spokenText(),
      utterances: this.released,
      timings,
      ...(error ? { error } : {}),
    };
    try {
      this.deps.metrics?.observe(timings, outcome);
      this.log(outcome, result, error);
    } catch {
      // Metrics and logs must never turn a finished turn into a failed one.
    }
    return result;
  }

  private log(outcome: TurnOutcome, result: TurnResult, error?: { code: string; message: string }): void {
    const line = {
      ...this.ids(),
      provider: this.deps.llm.name,
      offline: this.deps.llm.offline,
      outcome,
      utterances: result.utterances,
      chars: result.text.length,
      ...result.timings,
      ...(error ? { errorCode: error.code, errorMessage: error.message } : {}),
    };
    if (outcome === 'error') this.deps.logger?.warn(line, 'turn failed');
    else this.deps.logger?.info(line, outcome === 'aborted' ? 'turn interrupted' : 'turn finished');
  }

  private timings(): TurnTimings {
    const since = (t: number | undefined, from: number | undefined) =>
      t === undefined || from === undefined ? undefined : t - from;
    return {
      queueWaitMs: Math.max(0, this.startedAt - this.turn.enqueuedAt),
      llmStartMs: since(this.marks.llmStart, this.startedAt),
      llmFirstTokenMs: since(this.marks.firstToken, this.marks.llmStart),
      firstSentenceMs: since(this.marks.firstSentence, this.startedAt),
      firstUtteranceMs: since(this.marks.firstUtterance, this.startedAt),
      totalMs: this.deps.now() - this.startedAt,
    };
  }
}

/** The LLM streamed nothing speakable. */
class EmptyReplyError extends Error {
  readonly code = 'empty_reply';
  constructor() {
    super(
      'The LLM returned no speakable text. Check the model and its settings (a tiny max_tokens, or a model that only emits tags).',
    );
  }
}

/** A stable code and a readable message for the room's `error` event. */
function describeFailure(err: unknown, voice: boolean): { code: string; message: string } {
  if (isLlmError(err)) return { code: `llm_${err.code}`, message: err.message };
  if (err instanceof EmptyReplyError) return { code: err.code, message: err.message };
  const code =
    typeof (err as { code?: unknown })?.code === 'string' ? (err as { code: string }).code : undefined;
  const message = err instanceof Error ? err.message : String(err);
  if (voice) return { code: `voice_${code ?? 'failed'}`, message };
  return { code: 'internal', message: `The agent failed: ${message}` };
}
