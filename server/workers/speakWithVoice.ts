import { createHash } from 'node:crypto';
import type { SpeakFn } from '../agent';
import type { Config } from '../config';
import type { FileStorage } from '../media/storage';
import { computeVisemeTrack, createTtsProvider, type VisemeAnalyzer, type VoiceService } from '../voice';

/** Analysis on the calling thread, for callers without a VisemeAnalyzer. */
const IN_THREAD: Pick<VisemeAnalyzer, 'analyze'> = { analyze: async (input) => computeVisemeTrack(input) };

/**
 * The agent's voice stage: synthesise a sentence, compute its viseme track from the audio (and
 * the text) — in the analyzer's worker threads, off the rooms' event loop — while the audio is
 * stored once under its content hash, and hand back what the utterance needs.
 */
export function speakWithVoice(
  voice: VoiceService,
  storage: FileStorage,
  analyzer: Pick<VisemeAnalyzer, 'analyze'> = IN_THREAD,
): SpeakFn {
  return async (sentence, character, signal) => {
    const speech = await voice.synthesize({
      text: sentence.text,
      language: character.language,
      voice: character.voice,
      signal,
    });
    const analysis = analyzer.analyze({
      pcm: speech.pcm,
      sampleRate: speech.sampleRate,
      text: sentence.text,
      language: character.language,
      marks: speech.marks,
      phonemes: speech.phonemes,
    });
    const hash = createHash('sha256').update(speech.audio).digest('hex').slice(0, 32);
    const key = `audio/${hash}.${speech.format}`;
    const [visemes] = await Promise.all([analysis, storage.put(key, speech.audio, speech.contentType)]);
    return { audioUrl: storage.urlOf(key), durationMs: Math.round(speech.durationMs), visemes };
  };
}

/** The voice stage the configuration asks for, or null for text-only replies (`TTS_PROVIDER=none`). */
export function voiceFromConfig(config: Readonly<Config>): VoiceService | null {
  const v = config.voice;
  if (v.kind === 'none') return null;
  return createTtsProvider({
    defaultProvider: v.kind,
    koeiromap: v.kind === 'koeiromap' ? { apiKey: v.apiKey, baseUrl: v.url } : undefined,
    openai:
      v.kind === 'openai'
        ? { apiKey: v.apiKey }
        : config.llm.kind === 'openai'
          ? { apiKey: config.llm.apiKey }
          : undefined,
  });
}
