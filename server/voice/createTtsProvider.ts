/**
 * Builds the voice stage from plain options (the config module fills them from the
 * environment): the offline eSpeak voice, Koeiromap and OpenAI when their keys are given,
 * a cache in front of each, and eSpeak's phonemizer behind the cloud voices so their
 * lip-sync gets the text-aligned vowel sequence too.
 */
import type { VoiceProvider } from '@shared';
import { EspeakTtsProvider, type EspeakTtsOptions } from './espeak/EspeakTtsProvider';
import { KoeiromapTtsProvider, type KoeiromapOptions } from './koeiromap/KoeiromapTtsProvider';
import { OpenAiTtsProvider, type OpenAiTtsOptions } from './openai/OpenAiTtsProvider';
import { CachedTtsProvider, SpeechCache, type SpeechCacheOptions } from './SpeechCache';
import { type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from './types';

/** Names a character's VoiceSettings.provider can take. */
export type TtsProviderName = VoiceProvider;

/** Everything the voice stage needs to know. */
export interface TtsProviderOptions {
  /** Used when a character names no provider, or one that is not configured (default `espeak`). */
  defaultProvider?: TtsProviderName;
  /** The offline voice; `false` turns it off (then no phonemizer either). */
  espeak?: EspeakTtsOptions | false;
  /** Present = Koeiromap on. */
  koeiromap?: KoeiromapOptions;
  /** Present = OpenAI speech on. */
  openai?: OpenAiTtsOptions;
  /** `false` turns the cache off. */
  cache?: SpeechCacheOptions | false;
  /** Called when a request names a provider that is not configured and the default speaks instead. */
  onFallback?: (requested: string, used: string) => void;
}

/** The voice stage: routes each request to its provider. */
export interface VoiceService extends TtsProvider {
  /** Providers that are configured, default first. */
  readonly providers: readonly TtsProviderName[];
  /** Start eSpeak's workers now rather than on the first sentence. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
}

/** Create the voice stage. Throws (with the reason) if the default provider is not configured. */
export function createTtsProvider(options: TtsProviderOptions = {}): VoiceService {
  const espeak = options.espeak === false ? undefined : new EspeakTtsProvider(options.espeak ?? {});
  const raw = new Map<TtsProviderName, TtsProvider>();
  if (espeak) raw.set('espeak', espeak);
  if (options.koeiromap)
    raw.set('koeiromap', withPhonemes(new KoeiromapTtsProvider(options.koeiromap), espeak));
  if (options.openai) raw.set('openai', withPhonemes(new OpenAiTtsProvider(options.openai), espeak));
  const defaultName = options.defaultProvider ?? 'espeak';
  if (!raw.has(defaultName)) {
    throw new Error(
      `The default voice provider "${defaultName}" is not configured; configure it or choose one of: ${[...raw.keys()].join(', ') || 'none'}.`,
    );
  }
  const cache = options.cache === false ? undefined : new SpeechCache(options.cache);
  const stacks = new Map(
    [...raw].map(([name, p]) => [name, cache ? new CachedTtsProvider(p, cache) : p] as const),
  );
  const providers = [defaultName, ...[...stacks.keys()].filter((n) => n !== defaultName)];

  return {
    name: 'voice',
    providers,
    synthesize(request: SpeechRequest): Promise<SynthesizedSpeech> {
      const requested = request.voice.provider ?? defaultName;
      const stack = stacks.get(requested);
      if (stack) return stack.synthesize(request);
      options.onFallback?.(requested, defaultName);
      return stacks.get(defaultName)!.synthesize(request);
    },
    async warmUp() {
      await espeak?.warmUp();
    },
    async close() {
      await Promise.all([...raw.values()].map((p) => p.close?.()));
    },
  };
}

/** Adds eSpeak's IPA of the English text to a cloud provider's speech (best effort: never fails the call). */
export function withPhonemes(provider: TtsProvider, phonemizer: EspeakTtsProvider | undefined): TtsProvider {
  if (!phonemizer) return provider;
  return {
    name: provider.name,
    async synthesize(request) {
      const phonemes =
        request.language === 'en'
          ? phonemizer.phonemize(request.text, request.language, request.signal).catch(() => undefined)
          : Promise.resolve(undefined);
      const speech = await provider.synthesize(request);
      const ipa = await phonemes;
      return ipa && ipa.length > 0 ? { ...speech, phonemes: ipa } : speech;
    },
    close: () => provider.close?.() ?? Promise.resolve(),
  };
}
