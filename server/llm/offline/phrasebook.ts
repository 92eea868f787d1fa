import type { PersonaFacts } from './personaFacts';
import type { Rng } from './random';

/** Words the offline engine fills into its lines. `to` is the vocative ("Aiko" / "アイコさん"), or '' when already named. */
export interface LineInput {
  to: string;
  persona: PersonaFacts;
  rng: Rng;
  topic?: string;
  /** Content words of the message being answered. */
  keywords?: string[];
}

/** Every line the offline engine can say, in one language; each returns tagged text. */
export interface Phrasebook {
  /** How a person is named in this language ("Aiko" / "アイコさん"). */
  nameOf(name: string): string;
  /** "Aiko and Ben" / "Aiko, Ben and Chika" / "アイコさんとベンさん". */
  joinNames(names: string[]): string;
  greeting(input: LineInput & { again: boolean; firstTime: boolean }): string;
  groupOpener(input: LineInput & { count: number }): string;
  farewell(input: LineInput): string;
  thanks(input: LineInput): string;
  askName(input: LineInput): string;
  askIdentity(input: LineInput): string;
  askLikes(input: LineInput): string;
  howAreYou(input: LineInput): string;
  compliment(input: LineInput): string;
  laugh(input: LineInput): string;
  feelingDown(input: LineInput): string;
  goodNews(input: LineInput): string;
  fromKnowledge(input: LineInput & { passage: string }): string;
  fromPersona(input: LineInput & { fact: string }): string;
  /** Honest: running offline, this question is beyond it. */
  beyondMe(input: LineInput): string;
  smallTalk(input: LineInput): string;
  /** For text that tried to steer the character. */
  untrusted(input: LineInput): string;
}

/**
 * Fills `{to}` and other slots. An empty `{to}` takes its comma with it, so "Thanks, {to}!"
 * becomes "Thanks!" and "{to}, sure." becomes "Sure.".
 */
export function fill(template: string, slots: Record<string, string>): string {
  let out = template;
  for (const [key, value] of Object.entries(slots)) {
    if (value) {
      out = out.split(`{${key}}`).join(value);
      continue;
    }
    out = out
      .replace(new RegExp(`[,、]\\s*\\{${key}\\}`, 'g'), '')
      .replace(new RegExp(`\\{${key}\\}[,、]?\\s*`, 'g'), '');
  }
  // Capitalise a sentence that lost its leading name: "] sure" → "] Sure".
  return out.replace(/(^|[.!?]\s+|\]\s*)([a-z])/g, (_m, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** "a, b and c" in English. */
export function listEn(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The first item (a like or dislike) that one of `keywords` names, e.g. "seagulls" → "seagulls". */
export function mentioned(items: string[], keywords: string[] = []): string | undefined {
  const stem = (w: string) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w);
  return items.find((item) => {
    const lower = item.toLowerCase();
    const words = new Set((lower.match(/[\p{L}\p{N}]+/gu) ?? []).map(stem));
    return keywords.some(
      (k) => words.has(stem(k)) || (k.length > 1 && /[^\x00-\x7f]/.test(k) && lower.includes(k)),
    );
  });
}
