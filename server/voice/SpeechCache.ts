/**
 * A bounded in-memory LRU of synthesized speech keyed by (provider, language, voice settings,
 * text): a repeated line (greetings, "let me think…") costs nothing the second time. Identical
 * requests in flight share one call, which is cancelled only when every caller has given up.
 * In-process only: each server process keeps its own (the audio store persists files).
 */
import { raceAbort } from './abort';
import { type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from './types';

/** Size limits of the cache. */
export interface SpeechCacheOptions {
  /** Default 200 sentences. */
  maxEntries?: number;
  /** Default 64 MB (audio plus decoded PCM). */
  maxBytes?: number;
}

interface InFlight {
  promise: Promise<SynthesizedSpeech>;
  controller: AbortController;
  waiters: number;
  settled: boolean;
}

/** The LRU store (shared by several providers: the key names the provider). */
export class SpeechCache {
  private readonly entries = new Map<string, SynthesizedSpeech>();
  private totalBytes = 0;
  readonly maxEntries: number;
  readonly maxBytes: number;

  constructor(options: SpeechCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }
  get bytes(): number {
    return this.totalBytes;
  }

  get(key: string): SynthesizedSpeech | undefined {
    const speech = this.entries.get(key);
    if (speech) {
      this.entries.delete(key);
      this.entries.set(key, speech);
    } // most recent last
    return speech;
  }

  set(key: string, speech: SynthesizedSpeech): void {
    const size = sizeOf(speech);
    if (size > this.maxBytes) return;
    this.delete(key);
    this.entries.set(key, speech);
    this.totalBytes += size;
    while (this.entries.size > this.maxEntries || this.totalBytes > this.maxBytes) {
      this.delete(this.entries.keys().next().value as string);
    }
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.totalBytes -= sizeOf(old);
  }
}

/** The cache key: everything that changes the audio. */
export function speechKey(provider: string, request: SpeechRequest): string {
  const { provider: _ignored, ...voice } = request.voice;
  const settings = Object.entries(voice)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify([provider, request.language, settings, request.text.trim()]);
}

function sizeOf(speech: SynthesizedSpeech): number {
  return speech.audio.byteLength + speech.pcm.byteLength;
}

/** A provider with a cache in front. */
export class CachedTtsProvider implements TtsProvider {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly inner: TtsProvider,
    private readonly cache: SpeechCache,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  async synthesize(request: SpeechRequest): Promise<SynthesizedSpeech> {
    const key = speechKey(this.inner.name, request);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const entry = this.inFlight.get(key) ?? this.start(key, request);
    entry.waiters++;
    try {
      return await raceAbort(entry.promise, request.signal, this.inner.name);
    } finally {
      entry.waiters--;
      if (entry.waiters === 0 && !entry.settled) entry.controller.abort();
    }
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }

  private start(key: string, request: SpeechRequest): InFlight {
    const controller = new AbortController();
    const entry: InFlight = {
      controller,
      waiters: 0,
      settled: false,
      promise: Promise.resolve(undefined as never),
    };
    entry.promise = this.inner
      .synthesize({ ...request, signal: controller.signal })
      .then((speech) => {
        this.cache.set(key, speech);
        return speech;
      })
      .finally(() => {
        entry.settled = true;
        this.inFlight.delete(key);
      });
    entry.promise.catch(() => undefined); // every waiter gets the error; none is left unhandled
    this.inFlight.set(key, entry);
    return entry;
  }
}
