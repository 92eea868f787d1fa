/**
 * Koeiromap (rinna): Japanese neural voices placed on a 2-D speaker map. Its HTTP API takes
 * `text`, `speaker_x`, `speaker_y` (−3…3), `style` (talk, happy, sad, angry, fear, surprised)
 * and `output_format`, and answers `{ audio: "data:audio/…;base64,…" }`. We ask for WAV so the
 * audio can be analysed without an MP3 decoder. Pitch and speed are not part of its API.
 */
import { type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from '../types';
import { voiceErrorForStatus } from '../httpStatus';
import { withRetry, type RetryOptions } from '../retry';
import { VoiceError } from '../voiceError';
import { decodeWav } from '../wav';

/** Options of the Koeiromap provider. */
export interface KoeiromapOptions extends RetryOptions {
  apiKey: string;
  /**
   * Default `https://api.rinna.co.jp`; the path `/koeiromap/v1.0/infer` is appended unless the
   * URL already names an endpoint ending in `/infer`.
   */
  baseUrl?: string;
}

export const KOEIROMAP_DEFAULT_BASE_URL = 'https://api.rinna.co.jp';
const PATH = '/koeiromap/v1.0/infer';
const STYLES = new Set(['talk', 'happy', 'sad', 'angry', 'fear', 'surprised']);

/** Text-to-speech through Koeiromap's HTTP API. */
export class KoeiromapTtsProvider implements TtsProvider {
  readonly name = 'koeiromap';
  private readonly url: string;

  constructor(private readonly options: KoeiromapOptions) {
    if (!options.apiKey)
      throw new VoiceError('unauthorized', 'Koeiromap needs an API key: set KOEIROMAP_API_KEY.', this.name);
    const base = (options.baseUrl ?? KOEIROMAP_DEFAULT_BASE_URL).replace(/\/+$/, '');
    this.url = /\/infer$/.test(base) ? base : `${base}${PATH}`;
  }

  async synthesize(request: SpeechRequest): Promise<SynthesizedSpeech> {
    const body = JSON.stringify({
      text: request.text,
      speaker_x: clampSpeaker(request.voice.speakerX),
      speaker_y: clampSpeaker(request.voice.speakerY),
      style: STYLES.has(request.voice.style ?? '') ? request.voice.style : 'talk',
      output_format: 'wav',
    });
    const audio = await withRetry(
      this.name,
      (signal) => this.post(body, signal),
      this.options,
      request.signal,
    );
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

  private async post(body: string, signal: AbortSignal): Promise<Uint8Array> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Ocp-Apim-Subscription-Key': this.options.apiKey },
      body,
      signal,
    });
    const text = await response.text();
    if (!response.ok)
      throw voiceErrorForStatus(
        this.name,
        response.status,
        text,
        response.headers.get('retry-after'),
        'KOEIROMAP_API_KEY',
      );
    return audioFromAnswer(text);
  }
}

/** `{ audio: "data:audio/wav;base64,…" }` (or bare base64) → bytes; refuses MP3 with a clear message. */
export function audioFromAnswer(text: string): Uint8Array {
  let audio: unknown;
  try {
    audio = (JSON.parse(text) as { audio?: unknown }).audio;
  } catch {
    throw new VoiceError('bad_audio', 'Koeiromap answered with something that is not JSON.', 'koeiromap');
  }
  if (typeof audio !== 'string' || audio.length === 0)
    throw new VoiceError('bad_audio', 'Koeiromap answered without audio.', 'koeiromap');
  const base64 = audio.startsWith('data:') ? audio.slice(audio.indexOf(',') + 1) : audio;
  const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
  if (
    (bytes[0] === 0x49 && bytes[1] === 0x44 && bytes[2] === 0x33) ||
    (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)
  ) {
    throw new VoiceError(
      'bad_audio',
      'Koeiromap returned MP3 although WAV was requested; the lip-sync needs WAV (output_format "wav").',
      'koeiromap',
    );
  }
  return bytes;
}

function clampSpeaker(value: number | undefined): number {
  return Number.isFinite(value) ? Math.max(-3, Math.min(3, value as number)) : 0;
}
