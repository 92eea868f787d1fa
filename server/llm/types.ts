import type { CharacterProfile, TranscriptLine, TurnMessage } from '../turn';

/** One chat message as every provider understands it. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * A structured view of the same turn the prompt describes in prose. Real LLMs ignore it; the
 * offline persona engine, which cannot read prose, answers from it.
 */
export interface TurnContext {
  character: CharacterProfile;
  messages: TurnMessage[];
  transcript: TranscriptLine[];
  /** Knowledge-base passages found for this turn, best first. */
  knowledge: string[];
}

/** One streaming completion request. */
export interface LlmRequest {
  messages: ChatMessage[];
  /** Aborting it (a host interrupt) stops the stream and closes the connection. */
  signal: AbortSignal;
  maxTokens?: number;
  temperature?: number;
  context?: TurnContext;
}

/** An LLM behind one streaming interface: yields text deltas as they arrive. */
export interface LlmProvider {
  /** Shown in logs and the UI, e.g. `openai:gpt-4o-mini` or `offline-persona`. */
  readonly name: string;
  /** True for the built-in engine that runs without any LLM. */
  readonly offline: boolean;
  /** Streams the reply; throws `LlmError` (code `aborted` when `signal` fired). */
  stream(req: LlmRequest): AsyncIterable<string>;
}

/** Waits `ms`, or rejects early when `signal` aborts; injectable so tests run fast. */
export type SleepFn = (ms: number, signal?: AbortSignal) => Promise<void>;
