/**
 * OpenAI text-to-speech through the official SDK (`audio.speech.create`), asking for WAV so
 * the audio decodes without an MP3 decoder. Works with OpenAI-compatible servers via `baseURL`.
 * The SDK retries 408/409/429/5xx with backoff and enforces the timeout; errors become
 * VoiceErrors.
 */
import OpenAI from 'openai';
import { throwIfAborted } from '../abort';
import { type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from '../types';
import { VoiceError } from '../voiceError';
import { decodeWav } from '../wav';

/** Options of the OpenAI speech provider. */
export interface OpenAiTtsOptions {
  apiKey: string;
  baseURL?: string;
  /** Default `gpt-4o-mini-tts`. */
  model?: string;
  /** Default voice when the character names none (default `alloy`). */
  voice?: string;
  /** Style prompt for models that take one (not tts-1). */
  instructions?: string;
  timeoutMs?: number;
  maxRetries?: number;
}

/** Text-to-speech with OpenAI. */
export class OpenAiTtsProvider implements TtsProvider {
  readonly name = 'openai';
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiTtsOptions) {
    if (!options.apiKey)
      throw new VoiceError('unauthorized', 'OpenAI speech needs an API key: set OPENAI_API_KEY.', this.name);
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: options.timeoutMs ?? 20_000,
      maxRetries: options.maxRetries ?? 2,
    });
  }

  async synthesize(request: SpeechRequest): Promise<SynthesizedSpeech> {
    throwIfAborted(request.signal, this.name);
    let audio: Uint8Array;
    try {
      const response = await this.client.audio.speech.create(
        {
          model: this.options.model ?? 'gpt-4o-mini-tts',
          voice: request.voice.voice ?? this.options.voice ?? 'alloy',
          input: request.text,
          response_format: 'wav',
          ...(request.voice.speed ? { speed: Math.max(0.25, Math.min(4, request.voice.speed)) } : {}),
          ...(this.options.instructions ? { instructions: this.options.instructions } : {}),
        },
        { signal: request.signal },
      );
      audio = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      throw toVoiceError(error, request.signal);
    }
    const decoded = decodeWav(audio);
    return {
      audio,
      contentType: 'audio/wav',
      format: 'wav',
      durationMs: decoded.durationMs,
      pcm: decoded.pcm,
      sampleRate: decoded.sampleRate,
      provider: this.name,
    };
  }
}

function toVoiceError(error: unknown, signal: AbortSignal | undefined): VoiceError {
  const name = 'openai';
  if (error instanceof VoiceError) return error;
  if (signal?.aborted || error instanceof OpenAI.APIUserAbortError)
    return new VoiceError('aborted', 'Speech was cancelled before it finished.', name, { cause: error });
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new VoiceError(
      'timeout',
      'OpenAI speech did not answer in time; raise the timeout or try again.',
      name,
      { cause: error },
    );
  if (error instanceof OpenAI.APIConnectionError)
    return new VoiceError(
      'network',
      `Could not reach OpenAI speech (${error.message}); check the network and the base URL.`,
      name,
      { cause: error },
    );
  if (error instanceof OpenAI.APIError) {
    const status = error.status ?? 0;
    const detail = ` (OpenAI said: ${error.message})`;
    if (status === 401 || status === 403)
      return new VoiceError(
        'unauthorized',
        `OpenAI rejected the API key (HTTP ${status}); check OPENAI_API_KEY.${detail}`,
        name,
        { cause: error },
      );
    if (status === 429)
      return new VoiceError(
        'rate_limited',
        `OpenAI is rate-limiting speech (HTTP 429); slow down or raise the quota.${detail}`,
        name,
        { cause: error },
      );
    if (status >= 500)
      return new VoiceError(
        'provider_error',
        `OpenAI speech failed on its side (HTTP ${status}).${detail}`,
        name,
        { cause: error },
      );
    return new VoiceError(
      'bad_request',
      `OpenAI refused the speech request (HTTP ${status}); check the model, voice and text.${detail}`,
      name,
      { cause: error },
    );
  }
  return new VoiceError(
    'provider_error',
    `OpenAI speech failed: ${error instanceof Error ? error.message : String(error)}`,
    name,
    { cause: error },
  );
}
