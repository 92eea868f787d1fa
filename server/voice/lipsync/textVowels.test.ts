import { describe, expect, it } from 'vitest';
import { vowelsFromEnglishSpelling, wordVowels } from './englishSpellingVowels';
import { ipaNuclei, vowelsFromIpa, vowelsFromIpaLines } from './ipaVowels';
import { vowelsFromKana } from './kanaVowels';
import { textVowelClauses } from './textVowels';
import { visemeForArpabet, visemeForPhone } from './vowelMap';

describe('vowel sequences from text', () => {
  it('reads kana mora by mora, with small kana, long marks, ん and っ', () => {
    const [clause] = vowelsFromKana('きょうは カレーを たべたい');
    expect(clause.vowels.join('')).toBe('OOAAEEOAEAI');
    expect(vowelsFromKana('がっこう')[0].vowels.join('')).toBe('AOO');
    expect(vowelsFromKana('せんせい')[0].vowels.join('')).toBe('EEE');
    expect(vowelsFromKana('ラーメン')[0].vowels.join('')).toBe('AAE');
    expect(vowelsFromKana('ふぁん')[0].vowels.join('')).toBe('A');
  });

  it('splits Japanese at pause punctuation and marks kanji clauses unreadable', () => {
    const clauses = vowelsFromKana('こんにちは、今日は いい てんき。');
    expect(clauses).toHaveLength(2);
    expect(clauses[0]).toMatchObject({ readable: true, vowels: ['O', 'I', 'I', 'A'] });
    expect(clauses[1].readable).toBe(false);
    expect(clauses[1].beats).toBeGreaterThan(clauses[1].vowels.length);
  });

  it('takes one vowel per IPA nucleus, diphthongs once, ignoring stress and length marks', () => {
    expect(ipaNuclei('hˌaʊ ɑːɹ juː')).toEqual(['aʊ', 'ɑ', 'u']);
    expect(vowelsFromIpa('həlˈoʊ ðˈɛɹ').join('')).toBe('AOE');
    expect(vowelsFromIpa('kˌo̞nnitɕˈihä').join('')).toBe('OIIA');
    expect(vowelsFromIpaLines(['bˈuːts', '', 'bˈʊk']).map((c) => c.vowels.join(''))).toEqual(['U', 'U']);
  });

  it('guesses English vowel shapes from spelling when no phonemizer is available', () => {
    expect(wordVowels('make').join('')).toBe('E');
    expect(wordVowels('time').join('')).toBe('A');
    expect(wordVowels('boots').join('')).toBe('U');
    expect(wordVowels('beat').join('')).toBe('I');
    expect(wordVowels('boat').join('')).toBe('O');
    expect(vowelsFromEnglishSpelling('Hello there, how are you?').map((c) => c.vowels.length)).toEqual([
      3, 3,
    ]);
  });

  it("prefers a phonemizer's IPA for English, and kana for Japanese whatever it is given", () => {
    expect(textVowelClauses({ text: 'cough', language: 'en', phonemes: ['kˈɔf'] })[0].vowels).toEqual(['O']);
    expect(textVowelClauses({ text: 'あい', language: 'ja', phonemes: ['ʊʊʊ'] })[0].vowels).toEqual([
      'A',
      'I',
    ]);
  });

  it('maps ARPAbet and IPA vowels to the five VRM shapes per the documented table', () => {
    expect(['aa', 'ae', 'ah', 'ax', 'ay', 'aw'].map(visemeForArpabet)).toEqual([
      'A',
      'A',
      'A',
      'A',
      'A',
      'A',
    ]);
    expect(['iy', 'IH1', 'uw', 'uh', 'er', 'eh', 'ey', 'ao', 'ow', 'oy'].map(visemeForArpabet).join('')).toBe(
      'IIUUUEEOOO',
    );
    expect(['t', 'pau', 'm'].map(visemeForArpabet)).toEqual([undefined, undefined, undefined]);
    expect(['ɑ', 'ɪ', 'ʊ', 'ɛ', 'ɔ', 'o', 'N'].map(visemeForPhone)).toEqual([
      'A',
      'I',
      'U',
      'E',
      'O',
      'O',
      undefined,
    ]);
  });
});
