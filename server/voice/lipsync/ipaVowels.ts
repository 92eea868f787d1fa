/**
 * Vowel sequences from IPA phoneme strings, e.g. eSpeak's `--ipa` output, which prints one
 * line per clause: `həlˈoʊ ðˈɛɹ` / `hˌaʊ ɑːɹ juː tədˈeɪ`.
 */
import { type Viseme } from '@shared';
import { type VowelClause } from './vowelClause';
import { visemeForIpa } from './vowelMap';

/** One clause per line; each run of vowel letters (a diphthong counts once) is one vowel. */
export function vowelsFromIpaLines(lines: readonly string[]): VowelClause[] {
  return lines
    .map((line) => {
      const vowels = vowelsFromIpa(line);
      return { vowels, readable: true, beats: vowels.length };
    })
    .filter((clause) => clause.vowels.length > 0);
}

/** Vowel shapes of one IPA string, in order. Diacritics and length marks are ignored. */
export function vowelsFromIpa(ipa: string): Viseme[] {
  return ipaNuclei(ipa).map((nucleus) => visemeForIpa(nucleus[0])!);
}

/** The vowel nuclei of an IPA string (`ˈaɪ` → `aɪ`), in order. */
export function ipaNuclei(ipa: string): string[] {
  const nuclei: string[] = [];
  let current = '';
  for (const char of ipa.normalize('NFD')) {
    if (/[\u0300-\u036f\u02d0\u02d1\u1d5d]/u.test(char)) continue; // combining marks, ː, ˑ, ᵝ
    if (visemeForIpa(char)) current += char;
    else if (current) {
      nuclei.push(current);
      current = '';
    }
  }
  if (current) nuclei.push(current);
  return nuclei;
}
