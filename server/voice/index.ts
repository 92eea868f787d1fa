/**
 * The voice stage: text → speech (offline eSpeak NG, Koeiromap, OpenAI) → lip-sync track.
 *
 * @example
 * const voice = createTtsProvider({ openai: { apiKey } });
 * const speech = await voice.synthesize({ text, language: 'en', voice: character.voice, signal });
 * const analyzer = new VisemeAnalyzer(); // worker threads: off the rooms' event loop
 * const visemes = await analyzer.analyze({ ...speech, text, language: 'en' });
 */
export {
  createTtsProvider,
  type TtsProviderName,
  type TtsProviderOptions,
  type VoiceService,
} from './createTtsProvider';
export { type PhoneMark, type SpeechRequest, type SynthesizedSpeech, type TtsProvider } from './types';
export { isVoiceError, VoiceError, VOICE_ERROR_CODES, type VoiceErrorCode } from './voiceError';
export { computeVisemeTrack, type VisemeTrackInput } from './lipsync/computeVisemeTrack';
export { sampleVisemeTrack, type MouthSample } from './lipsync/sampleVisemeTrack';
export {
  VisemeAnalyzer,
  type VisemeAnalysis,
  type VisemeAnalyzerLog,
  type VisemeAnalyzerOptions,
} from './visemes/VisemeAnalyzer';
export { visemeForPhone } from './lipsync/vowelMap';
export { decodePcm16, decodeWav, encodeWav, toMono, type DecodedAudio } from './wav';
export { EspeakTtsProvider, type EspeakTtsOptions } from './espeak/EspeakTtsProvider';
export { KoeiromapTtsProvider, type KoeiromapOptions } from './koeiromap/KoeiromapTtsProvider';
export { OpenAiTtsProvider, type OpenAiTtsOptions } from './openai/OpenAiTtsProvider';
export { CachedTtsProvider, SpeechCache, type SpeechCacheOptions } from './SpeechCache';
export { type RetryOptions } from './retry';
