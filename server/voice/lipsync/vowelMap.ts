/**
 * Which VRM mouth shape each vowel gets. VRM has five: A (open), I (spread), U (small, rounded),
 * E (half-open, spread), O (open, rounded). English has ~15 vowels, so several share a shape.
 *
 * | shape | ARPAbet            | IPA (eSpeak)           | why                                              |
 * |-------|--------------------|------------------------|--------------------------------------------------|
 * | A     | AA AE AH AX AY AW  | ɑ æ a ä ʌ ə ɐ          | jaw open, lips neutral; schwa is a weak A        |
 * | I     | IY IH IX           | i ɪ ᵻ ɨ y              | lips spread, jaw nearly closed                   |
 * | U     | UW UH ER AXR       | u ʊ ɯ ɚ ɝ ɜ            | small opening, lips rounded/protruded (ʳ too)    |
 * | E     | EH EY              | e ɛ ø œ                | jaw half open, lips spread                       |
 * | O     | AO OW OY AA(ɒ)     | o ɔ ɒ                  | jaw open, lips rounded                           |
 *
 * Diphthongs take the shape of their first (longer, stressed) element: AY→A, AW→A, EY→E,
 * OW→O, OY→O. Japanese kana map one to one (あ→A, い→I, う→U, え→E, お→O); ん and っ are not vowels.
 */
import { type Viseme } from '@shared';

/** ARPAbet vowel (as flite, CMUdict and many TTS engines print them, lower or upper case) → shape. */
const ARPABET: Record<string, Viseme> = {
  aa: 'A',
  ae: 'A',
  ah: 'A',
  ax: 'A',
  ay: 'A',
  aw: 'A',
  iy: 'I',
  ih: 'I',
  ix: 'I',
  uw: 'U',
  uh: 'U',
  er: 'U',
  axr: 'U',
  eh: 'E',
  ey: 'E',
  ao: 'O',
  ow: 'O',
  oy: 'O',
};

/** First IPA vowel letter of a vowel symbol → shape. */
const IPA: Record<string, Viseme> = {
  ɑ: 'A',
  æ: 'A',
  a: 'A',
  ä: 'A',
  ʌ: 'A',
  ə: 'A',
  ɐ: 'A',
  ɶ: 'A',
  i: 'I',
  ɪ: 'I',
  ᵻ: 'I',
  ɨ: 'I',
  y: 'I',
  ʏ: 'I',
  u: 'U',
  ʊ: 'U',
  ɯ: 'U',
  ɚ: 'U',
  ɝ: 'U',
  ɜ: 'U',
  ʉ: 'U',
  e: 'E',
  ɛ: 'E',
  ø: 'E',
  œ: 'E',
  o: 'O',
  ɔ: 'O',
  ɒ: 'O',
  ɤ: 'O',
};

/** Romanised Japanese vowels (as some engines print phonemes: a i u e o, with N/cl/pau). */
const ROMAJI: Record<string, Viseme> = { a: 'A', i: 'I', u: 'U', e: 'E', o: 'O' };

/** Shape for an ARPAbet phone (stress digits allowed), or undefined for consonants and pauses. */
export function visemeForArpabet(phone: string): Viseme | undefined {
  return ARPABET[phone.toLowerCase().replace(/[0-2]$/, '')];
}

/** Shape for an IPA vowel letter, or undefined when the character is not a vowel. */
export function visemeForIpa(letter: string): Viseme | undefined {
  return IPA[letter];
}

/** Shape for a phone name of any common convention: ARPAbet, romaji, or a single IPA vowel. */
export function visemeForPhone(phone: string): Viseme | undefined {
  const lower = phone.toLowerCase();
  return visemeForArpabet(lower) ?? ROMAJI[lower] ?? IPA[[...phone.normalize('NFD')][0] ?? ''];
}
