import { LlmError } from './LlmError';
import { OfflinePersonaProvider, type OfflinePacing } from './offline';
import { OpenAiProvider } from './OpenAiProvider';
import { DEFAULT_RETRY_POLICY } from './retryPolicy';
import type { LlmProvider, SleepFn } from './types';

/** Tuning shared by the remote providers; every field has a sensible default. */
export interface RemoteLlmTuning {
  /** Default 15 s for OpenAI, 60 s for a local server (the first call may load the model). */
  firstTokenTimeoutMs?: number;
  /** Longest silence mid-reply. Default 20 s. */
  idleTimeoutMs?: number;
  /** Retries before the first token on 429/5xx/connection errors. Default 2. */
  maxRetries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  /** Default cap on a reply's length; spoken replies are short. Default 400. */
  maxTokens?: number;
  temperature?: number;
  sleep?: SleepFn;
  random?: () => number;
}

/** Which LLM to use; the shapes match `config.llm`, plus optional tuning. */
export type LlmProviderOptions =
  | ({ kind: 'openai'; apiKey: string; model?: string; baseUrl?: string } & RemoteLlmTuning)
  | ({ kind: 'openai-compatible'; baseUrl: string; model: string; apiKey?: string } & RemoteLlmTuning)
  | { kind: 'offline'; seed?: number; pacing?: OfflinePacing; sleep?: SleepFn };

/** Default OpenAI model when none is configured. */
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

/**
 * Creates the configured provider: OpenAI, an OpenAI-compatible server (Ollama, vLLM,
 * llama.cpp, LM Studio) or the offline persona engine. Throws `LlmError('config')` on bad options.
 * @example createLlmProvider({ kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.1' })
 */
export function createLlmProvider(options: LlmProviderOptions): LlmProvider {
  if (options.kind === 'offline') return new OfflinePersonaProvider(options);
  if (options.kind === 'openai-compatible' && !/^https?:\/\//.test(options.baseUrl ?? '')) {
    throw new LlmError(
      'config',
      `LLM_BASE_URL must be an http(s) URL such as http://127.0.0.1:11434/v1, got "${options.baseUrl}".`,
    );
  }
  const local = options.kind === 'openai-compatible';
  return new OpenAiProvider({
    kind: options.kind,
    model: options.model ?? DEFAULT_OPENAI_MODEL,
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeouts: {
      firstTokenMs: options.firstTokenTimeoutMs ?? (local ? 60_000 : 15_000),
      idleMs: options.idleTimeoutMs ?? 20_000,
    },
    retry: {
      maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
      baseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: options.retryMaxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    },
    maxTokens: options.maxTokens ?? 400,
    temperature: options.temperature,
    sleep: options.sleep,
    random: options.random,
  });
}
