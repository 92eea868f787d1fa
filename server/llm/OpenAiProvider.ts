import OpenAI from 'openai';
import { LlmError } from './LlmError';
import { type ErrorContext, toLlmError } from './openAiErrors';
import { backoffDelayMs, type RetryPolicy } from './retryPolicy';
import { realSleep } from './sleep';
import { StreamWatchdog, type WatchdogTimeouts } from './streamWatchdog';
import type { LlmProvider, LlmRequest, SleepFn } from './types';

/** Settings for OpenAI itself or any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio). */
export interface OpenAiProviderOptions {
  /** `openai` talks to api.openai.com; `openai-compatible` to `baseURL`. */
  kind: 'openai' | 'openai-compatible';
  model: string;
  /** Required for `openai`; local servers usually need none. */
  apiKey?: string;
  /** e.g. `http://127.0.0.1:11434/v1` for Ollama. */
  baseURL?: string;
  timeouts: WatchdogTimeouts;
  retry: RetryPolicy;
  /** Default generation settings, overridable per request. */
  maxTokens?: number;
  temperature?: number;
  sleep?: SleepFn;
  /** Jitter source in [0, 1). */
  random?: () => number;
}

const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** Streams chat completions through the official `openai` SDK, with our own timeouts and retries. */
export class OpenAiProvider implements LlmProvider {
  readonly name: string;
  readonly offline = false;
  private readonly client: OpenAI;
  private readonly errorContext: ErrorContext;
  private readonly sleep: SleepFn;
  private readonly random: () => number;

  constructor(private readonly options: OpenAiProviderOptions) {
    const baseURL = options.baseURL ?? OPENAI_BASE_URL;
    if (options.kind === 'openai' && !options.apiKey) {
      throw new LlmError(
        'config',
        'The OpenAI provider needs an API key: set OPENAI_API_KEY, or leave it unset to use the offline persona engine.',
      );
    }
    // The SDK would read OPENAI_* from the environment when a value is missing: pass everything.
    this.client = new OpenAI({
      apiKey: options.apiKey || 'not-needed',
      baseURL,
      organization: null,
      project: null,
      maxRetries: 0, // retries are ours: only before the first token, with jitter
      timeout: options.timeouts.firstTokenMs + 1_000,
    });
    this.name =
      options.kind === 'openai' ? `openai:${options.model}` : `openai-compatible:${options.model}@${baseURL}`;
    const target = options.kind === 'openai' ? 'OpenAI' : `the LLM server at ${baseURL}`;
    this.errorContext = { target, model: options.model };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
  }

  /** Streams text deltas; retries 429/5xx/connection errors only while nothing has been yielded. */
  async *stream(req: LlmRequest): AsyncGenerator<string> {
    for (let attempt = 0; ; attempt++) {
      let emitted = false;
      try {
        for await (const delta of this.attempt(req)) {
          emitted = true;
          yield delta;
        }
        return;
      } catch (err) {
        const error = toLlmError(err, this.errorContext);
        if (emitted || !error.retryable) throw error;
        if (attempt >= this.options.retry.maxRetries) throw gaveUp(error, attempt + 1);
        await this.backoff(attempt, error, req.signal);
      }
    }
  }

  private async *attempt(req: LlmRequest): AsyncGenerator<string> {
    const watchdog = new StreamWatchdog(req.signal, this.options.timeouts, this.errorContext.target);
    try {
      const stream = await this.client.chat.completions
        .create(this.body(req), { signal: watchdog.signal })
        .catch((err: unknown) => {
          throw watchdog.failure() ?? err;
        });
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (!delta) continue;
        watchdog.tick();
        yield delta;
      }
      // The SDK ends its iterator quietly on abort: a timeout or interrupt must still surface.
      const failure = watchdog.failure();
      if (failure) throw failure;
    } catch (err) {
      throw watchdog.failure() ?? err;
    } finally {
      watchdog.dispose();
    }
  }

  private body(req: LlmRequest): OpenAI.Chat.ChatCompletionCreateParamsStreaming {
    const maxTokens = req.maxTokens ?? this.options.maxTokens;
    const temperature = req.temperature ?? this.options.temperature;
    return {
      model: this.options.model,
      messages: req.messages,
      stream: true,
      ...(maxTokens !== undefined ? { max_tokens: maxTokens } : {}),
      ...(temperature !== undefined ? { temperature } : {}),
    };
  }

  private async backoff(attempt: number, error: LlmError, signal: AbortSignal): Promise<void> {
    const delay = backoffDelayMs(attempt, this.options.retry, this.random, error.retryAfterMs);
    try {
      await this.sleep(delay, signal);
    } catch {
      throw new LlmError('aborted', 'The LLM request was cancelled (the turn was interrupted).');
    }
  }
}

function gaveUp(error: LlmError, attempts: number): LlmError {
  if (attempts < 2) return error;
  return new LlmError(error.code, `${error.message} (gave up after ${attempts} attempts)`, {
    status: error.status,
    retryAfterMs: error.retryAfterMs,
    cause: error.cause,
  });
}
