import type { CharacterProfile } from '../../turn';

/** What the offline engine knows about the character it plays, in its own (first-person) words. */
export interface PersonaFacts {
  name: string;
  /** "a cheerful florist from Kyoto" / "静かな図書館の司書" */
  description?: string;
  likes: string[];
  dislikes: string[];
  /** Other first-person statements ("I work at my family's flower shop."). */
  facts: string[];
  /** The greeting's opening word ("Hi", "Ahoy", "いらっしゃいませ") and the rest of it. */
  salutation?: string;
  greetingRest: string[];
}

/** Style rules in a persona ("Never use bad language.") are instructions, not things to say. */
const EN_RULE =
  /^(?:never|always|do not|don't|keep|use|answer|reply|respond|avoid|stay|be|refer|call|make sure|must|speak|talk|write|end|start)\b|^(?:i|you) (?:must|should|never|always|speak|talk|answer|reply|respond)\b/i;
const JA_RULE =
  /(?:してください|しないでください|こと。?$|話します|話してください|答えて|禁止|使わない|口調)/;
const SALUTATION =
  /^(?:hi|hello|hey|heya|hiya|ahoy|howdy|greetings|yo|welcome|good (?:morning|afternoon|evening)|こんにちは|こんばんは|おはよう(?:ございます)?|いらっしゃいませ|ようこそ|やっほー|はじめまして)[!.！。]?$/i;

/** Reads persona and greeting into facts the offline engine can speak from. */
export function extractPersona(character: CharacterProfile): PersonaFacts {
  const facts = character.language === 'ja' ? personaJa(character) : personaEn(character);
  const greeting = splitSentences(character.greeting, character.language);
  const first = greeting[0]?.trim() ?? '';
  const salutation = SALUTATION.test(first) ? first.replace(/[!.！。]$/, '') : undefined;
  return { ...facts, salutation, greetingRest: salutation ? greeting.slice(1) : greeting };
}

/** Splits text after . ! ? 。！？ (keeping the marks). */
export function splitSentences(text: string, language: CharacterProfile['language']): string[] {
  const re = language === 'ja' ? /[^。！？!?]+[。！？!?]*/g : /[^.!?]+(?:[.!?]+|$)/g;
  return (text.match(re) ?? []).map((s) => s.trim()).filter(Boolean);
}

type Core = Omit<PersonaFacts, 'salutation' | 'greetingRest'>;

function personaEn(c: CharacterProfile): Core {
  const out: Core = { name: c.name, likes: [], dislikes: [], facts: [] };
  const thirdPerson = new RegExp(
    `^(?:${escape(c.name)}|${escape(c.name.split(' ').pop() ?? c.name)}|he|she|they)\\b`,
    'i',
  ).test(c.persona.trim());
  for (const raw of splitSentences(c.persona, 'en')) {
    if (EN_RULE.test(raw)) continue;
    const s = firstPersonEn(raw, c.name, thirdPerson);
    if (!/^(?:I|My|I'm)\b/.test(s)) continue;
    const like = /^I(?:'m| am)? (?:really )?(?:love|like|enjoy|adore|fond of)s? (.+?)[.!]?$/.exec(s);
    const dislike = /^I (?:really )?(?:hate|dislike|can't stand|detest|fear)s? (.+?)[.!]?$/.exec(s);
    const identity = new RegExp(`^I'm (?:${escape(c.name)},? )?(.+?)[.!]?$`).exec(s);
    if (like) out.likes.push(...listItems(like[1]));
    else if (dislike) out.dislikes.push(...listItems(dislike[1]));
    else if (identity && !out.description)
      out.description = identity[1].replace(new RegExp(`^${escape(c.name)}$`), '') || undefined;
    else out.facts.push(s);
  }
  return out;
}

/** "You are Hana, a florist" → "I'm Hana, a florist"; "She loves tea" → "I love tea". */
export function firstPersonEn(sentence: string, name: string, thirdPerson: boolean): string {
  let s = sentence.trim();
  s = s.replace(/^you are\b|^you're\b/i, "I'm").replace(/^you\b/i, 'I');
  if (thirdPerson) {
    s = s.replace(
      new RegExp(
        `^(?:${escape(name)}|${escape(name.split(' ').pop() ?? name)}|he|she|they) (?:is|are)\\b`,
        'i',
      ),
      "I'm",
    );
    s = s.replace(
      new RegExp(`^(?:${escape(name)}|${escape(name.split(' ').pop() ?? name)}|he|she|they) (\\w+)`, 'i'),
      (_m, verb: string) => `I ${baseVerb(verb)}`,
    );
    s = s.replace(/\b(?:his|her|their)\b/gi, 'my').replace(/\b(?:him|them)\b/gi, 'me');
  }
  return s
    .replace(/\byours\b/gi, 'mine')
    .replace(/\byourself\b/gi, 'myself')
    .replace(/\byour\b/gi, 'my')
    .replace(/\byou\b/gi, 'me')
    .replace(/^I am\b/, "I'm");
}

function baseVerb(verb: string): string {
  const v = verb.toLowerCase();
  if (v === 'has') return 'have';
  if (v === 'does') return 'do';
  if (v === 'was') return 'was';
  if (/[^aeiou]ies$/.test(v)) return v.slice(0, -3) + 'y';
  if (/(?:sh|ch|x|ss|o)es$/.test(v)) return v.slice(0, -2);
  if (/[^s]s$/.test(v)) return v.slice(0, -1);
  return v;
}

function personaJa(c: CharacterProfile): Core {
  const out: Core = { name: c.name, likes: [], dislikes: [], facts: [] };
  for (const raw of splitSentences(c.persona, 'ja')) {
    if (JA_RULE.test(raw)) continue;
    const s = raw
      .replace(/^(?:あなた|貴方|彼女|彼)(?:は|の)/, (m) => (m.endsWith('の') ? '私の' : '私は'))
      .replace(new RegExp(`^${escape(c.name)}は`), '私は');
    const like = /^(?:私は)?(.+?)が(?:大)?好きです/.exec(s);
    const dislike = /^(?:私は)?(.+?)が(?:苦手|嫌い)です/.exec(s);
    if (like)
      out.likes.push(
        ...like[1]
          .split(/と|、/)
          .map((x) => x.trim())
          .filter(Boolean),
      );
    else if (dislike)
      out.dislikes.push(
        ...dislike[1]
          .split(/と|、/)
          .map((x) => x.trim())
          .filter(Boolean),
      );
    else if (new RegExp(`^私は${escape(c.name)}です`).test(s)) continue;
    else if (!out.description && /です[。！]?$/.test(s) && s.length <= 40)
      out.description = s.replace(/^私は/, '').replace(/です[。！]?$/, '');
    else out.facts.push(s);
  }
  return out;
}

/** "green tea, rainy days and old jazz records" → three items. */
function listItems(text: string): string[] {
  return text
    .split(/,\s*(?:and\s+)?|\s+and\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
