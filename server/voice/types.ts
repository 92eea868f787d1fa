/**
 * The voice stage's contract: a sentence in, audio (plus what the lip-sync needs) out.
 * Every provider — offline eSpeak NG, Koeiromap, OpenAI — implements `TtsProvider`.
 */
import { type Language, type VoiceSettings } from '../turn';
import { type PhoneMark } from './lipsync/markShapes';

export type { PhoneMark };

/** One sentence to speak. */
export interface SpeechRequest {
  text: string;
  language: Language;
  voice: VoiceSettings;
  /** Aborts the call (host interrupt); the promise then rejects with VoiceError `aborted`. */
  signal?: AbortSignal;
}

/** Spoken audio, decoded for analysis. Shared by the cache: treat it as read-only. */
export interface SynthesizedSpeech {
  /** The file to store and serve. */
  audio: Uint8Array;
  contentType: string;
  format: 'wav' | 'mp3';
  durationMs: number;
  /** Mono PCM of `audio`, −1..1, for the viseme analysis. */
  pcm: Float32Array;
  sampleRate: number;
  /** Phone timestamps, when the provider gives them (they beat any analysis). */
  marks?: PhoneMark[];
  /** IPA per clause (eSpeak `--ipa`): the vowel sequence for the text-aligned lip-sync. */
  phonemes?: string[];
  /** Which provider actually spoke (after any fallback). */
  provider: string;
}

/** A text-to-speech service. */
export interface TtsProvider {
  readonly name: string;
  synthesize(request: SpeechRequest): Promise<SynthesizedSpeech>;
  /** Release workers and sockets. */
  close?(): Promise<void>;
}
