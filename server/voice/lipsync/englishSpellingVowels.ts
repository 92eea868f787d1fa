/**
 * A small rule-based English grapheme-to-vowel step, for when no phonemizer (eSpeak) is at
 * hand. It only needs each syllable's vowel *shape*, which spelling predicts far better than it
 * predicts full pronunciation. Measured on flite speech it is a few points behind eSpeak's G2P.
 */
import { type Viseme } from '@shared';
import { CLAUSE_BREAK, type VowelClause } from './vowelClause';

/** Frequent words whose spelling misleads the rules (weak forms as spoken in running speech). */
const WORDS: Record<string, Viseme[]> = {
  the: ['A'],
  a: ['A'],
  an: ['A'],
  of: ['A'],
  to: ['U'],
  do: ['U'],
  you: ['U'],
  your: ['O'],
  who: ['U'],
  i: ['A'],
  is: ['I'],
  it: ['I'],
  are: ['A'],
  was: ['A'],
  one: ['A'],
  once: ['A'],
  what: ['A'],
  does: ['A'],
  have: ['A'],
  said: ['E'],
  says: ['E'],
  been: ['I'],
  there: ['E'],
  where: ['E'],
  they: ['E'],
  some: ['A'],
  come: ['A'],
  love: ['A'],
  done: ['A'],
  other: ['A', 'U'],
  mother: ['A', 'U'],
  any: ['E', 'I'],
  many: ['E', 'I'],
  people: ['I', 'A'],
  would: ['U'],
  could: ['U'],
  should: ['U'],
  eye: ['A'],
  my: ['A'],
  by: ['A'],
  be: ['I'],
  he: ['I'],
  she: ['I'],
  we: ['I'],
  me: ['I'],
  no: ['O'],
  so: ['O'],
  go: ['O'],
  hello: ['A', 'O'],
  our: ['A', 'U'],
};

/** Letter groups (longest first) and the vowel shape they usually spell. */
const GROUPS: [string, Viseme][] = [
  ['eye', 'A'],
  ['igh', 'A'],
  ['augh', 'O'],
  ['ough', 'O'],
  ['our', 'O'],
  ['ee', 'I'],
  ['ea', 'I'],
  ['ie', 'I'],
  ['ei', 'E'],
  ['ey', 'E'],
  ['ai', 'E'],
  ['ay', 'E'],
  ['oo', 'U'],
  ['ou', 'A'],
  ['ow', 'O'],
  ['oa', 'O'],
  ['oe', 'O'],
  ['oi', 'O'],
  ['oy', 'O'],
  ['au', 'O'],
  ['aw', 'O'],
  ['ue', 'U'],
  ['ew', 'U'],
  ['ui', 'U'],
  ['er', 'U'],
  ['ir', 'U'],
  ['ur', 'U'],
  ['ar', 'A'],
  ['or', 'O'],
  ['a', 'A'],
  ['e', 'E'],
  ['i', 'I'],
  ['o', 'A'],
  ['u', 'A'],
  ['y', 'I'],
];
/** Long ("magic e") readings: vowel + one consonant + final e. */
const LONG: Record<string, Viseme> = { a: 'E', e: 'I', i: 'A', o: 'O', u: 'U', y: 'A' };

/** Vowel clauses of English text by spelling rules. */
export function vowelsFromEnglishSpelling(text: string): VowelClause[] {
  return text
    .split(CLAUSE_BREAK)
    .map((clause) => {
      const vowels = clause
        .toLowerCase()
        .split(/[^a-z']+/)
        .flatMap(wordVowels);
      return { vowels, readable: true, beats: vowels.length };
    })
    .filter((c) => c.vowels.length > 0);
}

/** Vowel shapes of one lower-case word. */
export function wordVowels(rawWord: string): Viseme[] {
  const word = rawWord.replace(/'/g, '');
  if (!word) return [];
  if (WORDS[word]) return WORDS[word];
  const magic = /^(.*?)([aeiouy])([^aeiouy])e(s|d)?$/.exec(word);
  let body = word;
  let tail: Viseme[] = [];
  if (magic && word.length > 3 && !/[aeiou]$/.test(magic[1])) {
    body = magic[1];
    tail = [LONG[magic[2]]];
  } else if (/[^aeiouy]e$/.test(word) && word.length > 2 && /[aeiouy]/.test(word.slice(0, -1))) {
    body = word.slice(0, -1); // silent final e
  }
  return [...groupVowels(body), ...tail];
}

function groupVowels(body: string): Viseme[] {
  const out: Viseme[] = [];
  let i = 0;
  while (i < body.length) {
    // y at the start of a word, or before a vowel, is a consonant.
    if (body[i] === 'y' && (i === 0 || /[aeiou]/.test(body[i + 1] ?? ''))) {
      i++;
      continue;
    }
    const group = GROUPS.find(([letters]) => body.startsWith(letters, i));
    if (!group) {
      i++;
      continue;
    }
    out.push(group[1]);
    i += group[0].length;
  }
  return out;
}
