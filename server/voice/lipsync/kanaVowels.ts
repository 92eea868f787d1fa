/**
 * Vowel sequences straight from Japanese kana: every kana mora carries its vowel, so no
 * pronunciation dictionary is needed. Kanji have no reading here: their clause is unreadable.
 */
import { type Viseme } from '@shared';
import { CLAUSE_BREAK, type VowelClause } from './vowelClause';

const ROWS: [Viseme, string][] = [
  ['A', 'あかさたなはまやらわがざだばぱゎ'],
  ['I', 'いきしちにひみりぎじぢびぴ'],
  ['U', 'うくすつぬふむゆるぐずづぶぷゔ'],
  ['E', 'えけせてねへめれげぜでべぺ'],
  ['O', 'おこそとのほもよろをごぞどぼぽ'],
];
/** Small kana that replace the vowel of the mora before them (きゃ → a, ふぁ → a). */
const SMALL: Record<string, Viseme> = {
  ゃ: 'A',
  ぁ: 'A',
  ぃ: 'I',
  ゅ: 'U',
  ぅ: 'U',
  ぇ: 'E',
  ょ: 'O',
  ぉ: 'O',
};
const VOWEL_OF = new Map<string, Viseme>(
  ROWS.flatMap(([v, chars]) => [...chars].map((c) => [c, v] as [string, Viseme])),
);
const SILENT = new Set(['ん', 'っ', 'ゝ', 'ゞ', '・', ' ', '\u3000', '〜', '~']);

/** Katakana → hiragana (same mora, code point 0x60 lower). */
function toHiragana(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x30a1 && code <= 0x30f6 ? String.fromCodePoint(code - 0x60) : char;
}

/** Vowel clauses of Japanese text. */
export function vowelsFromKana(text: string): VowelClause[] {
  return text
    .split(CLAUSE_BREAK)
    .map(clauseFromKana)
    .filter((c) => c.vowels.length > 0 || !c.readable);
}

function clauseFromKana(clause: string): VowelClause {
  const vowels: Viseme[] = [];
  let readable = true;
  let beats = 0;
  for (const raw of clause.trim()) {
    beats += beatsOf(raw);
    const char = toHiragana(raw);
    const vowel = VOWEL_OF.get(char);
    const previous = vowels[vowels.length - 1];
    // おう/こう… are read as a long o, and えい/けい… usually as a long e.
    if ((char === 'う' && previous === 'O') || (char === 'い' && previous === 'E')) vowels.push(previous);
    else if (vowel) vowels.push(vowel);
    else if (SMALL[char] && vowels.length > 0) vowels[vowels.length - 1] = SMALL[char];
    else if (SMALL[char]) vowels.push(SMALL[char]);
    else if (char === 'ー' && vowels.length > 0) vowels.push(vowels[vowels.length - 1]);
    else if (!SILENT.has(char)) readable = false;
  }
  return { vowels, readable, beats };
}

/** Rough spoken length of one character in morae: a kanji is read with about two. */
function beatsOf(char: string): number {
  if (/[\u3400-\u9fff\uf900-\ufaff]/u.test(char)) return 2;
  if (/[ゃゅょぁぃぅぇぉャュョァィゥェォ・\s]/u.test(char)) return 0;
  if (/[A-Za-z]/.test(char)) return 0.4;
  if (/[0-9０-９]/.test(char)) return 1.5;
  return 1;
}
