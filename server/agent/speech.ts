import type { VisemeKeyframe } from '@shared';
import type { CharacterProfile } from '../turn';
import type { SpokenSentence } from './speechSegmenter';

/** What the voice stage returns for one sentence. */
export interface SpeechAudio {
  /** Where the audio is served; '' when there is none (text-only voice). */
  audioUrl: string;
  durationMs: number;
  visemes: VisemeKeyframe[];
}

/** One sentence handed to the voice stage, with where it belongs (for naming audio files). */
export interface SpeakRequest extends SpokenSentence {
  roomId: string;
  turnId: string;
  seq: number;
}

/** The voice stage: synthesises one sentence; must reject promptly when `signal` aborts. */
export type SpeakFn = (
  sentence: SpeakRequest,
  character: CharacterProfile,
  signal: AbortSignal,
) => Promise<SpeechAudio>;

/** Characters spoken per second at speed 1: English ~15 (≈170 wpm), Japanese ~8 (≈8 morae/s). */
const CHARS_PER_SECOND: Record<CharacterProfile['language'], number> = { en: 15, ja: 8 };

/**
 * The stand-in voice until a TTS is wired: no audio, a duration estimated from the text's
 * length in the character's language and speed, so the room can still pace subtitles.
 * @example estimateSpeech({ text: 'Hello there, how are you?' ... }, character) // ~1.7 s, audioUrl ''
 */
export const estimateSpeech: SpeakFn = async (sentence, character) => {
  const speaking = sentence.text.replace(/[\s\p{P}]/gu, '').length;
  const pauses =
    (sentence.text.match(/[,、;:—]/g) ?? []).length * 150 + (/[.!?。！？…]$/.test(sentence.text) ? 250 : 0);
  const speed = character.voice.speed && character.voice.speed > 0 ? character.voice.speed : 1;
  const durationMs = Math.max(
    400,
    Math.round(((speaking / CHARS_PER_SECOND[character.language]) * 1000 + pauses) / speed),
  );
  return { audioUrl: '', durationMs, visemes: [] };
};
