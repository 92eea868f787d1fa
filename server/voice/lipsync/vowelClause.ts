import { type Viseme } from '@shared';

/**
 * The vowels of one clause (text between pause punctuation), in speaking order. A clause whose
 * text could not be read (kanji without a reading, digits, foreign script) is `readable: false`
 * and is analysed from the audio alone.
 */
export interface VowelClause {
  vowels: Viseme[];
  readable: boolean;
  /** Expected length in syllable-sized beats (used to match clauses to stretches of audio). */
  beats: number;
}

/** Punctuation after which speakers (and TTS engines) pause: the alignment never crosses it. */
export const CLAUSE_BREAK = /[.,!?;:…。、，．！？；：「」『』（）()\u2014\u2013\n]+/u;
