/**
 * The vowel sequence of a sentence, clause by clause, from the best source at hand:
 * a phonemizer's IPA (eSpeak) > kana > English spelling rules.
 */
import { type Language } from '../../turn';
import { vowelsFromEnglishSpelling } from './englishSpellingVowels';
import { vowelsFromIpaLines } from './ipaVowels';
import { vowelsFromKana } from './kanaVowels';
import { type VowelClause } from './vowelClause';

/** What is known about the words that were spoken. */
export interface SpokenText {
  text: string;
  language: Language;
  /** IPA per clause from a phonemizer (eSpeak `--ipa`), when available. */
  phonemes?: readonly string[];
}

/** Vowel clauses for the spoken text; Japanese always reads kana itself (eSpeak reads kanji as Chinese). */
export function textVowelClauses({ text, language, phonemes }: SpokenText): VowelClause[] {
  if (language === 'ja') return vowelsFromKana(text);
  if (phonemes && phonemes.length > 0) return vowelsFromIpaLines(phonemes);
  return vowelsFromEnglishSpelling(text);
}
