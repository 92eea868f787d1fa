import type { TurnContext } from '../types';
import { type Intent, type MessageReading, overlap, readMessage } from './intent';
import type { LineInput, Phrasebook } from './phrasebook';
import { extractPersona, type PersonaFacts, splitSentences } from './personaFacts';
import { PHRASES_EN } from './phrasesEn';
import { PHRASES_JA } from './phrasesJa';
import type { Rng } from './random';

interface Speaker {
  name: string;
  to: string;
  readings: MessageReading[];
  flagged: boolean;
  again: boolean;
}

/** Intents answered after the greeting, most important first; at most two per person. */
const ORDER: Intent[] = [
  'farewell',
  'thanks',
  'askName',
  'askIdentity',
  'askLikes',
  'howAreYou',
  'feelingDown',
  'goodNews',
  'compliment',
  'laugh',
  'question',
  'statement',
];
const ASKS: Intent[] = ['askName', 'askIdentity', 'askLikes', 'howAreYou'];

/**
 * Writes the offline engine's reply, with tags, to everyone in the turn: one greeting or
 * opener naming all speakers ("Aiko and Ben, …"), then an answer to each person by name.
 */
export function composeReply(ctx: TurnContext, rng: Rng): string {
  const book = ctx.character.language === 'ja' ? PHRASES_JA : PHRASES_EN;
  const persona = extractPersona(ctx.character);
  const speakers = groupSpeakers(ctx, book);
  const firstTime = !ctx.transcript.some((l) => l.kind === 'character');
  const several = speakers.length > 1;
  const base = { persona, rng };
  const greeters = speakers.filter(
    (s) => !s.flagged && s.readings.some((r) => r.intents.includes('greeting')),
  );
  const everyone = book.joinNames(speakers.map((s) => s.to));
  const parts: string[] = [];
  if (greeters.length)
    parts.push(book.greeting({ ...base, to: everyone, again: speakers.every((s) => s.again), firstTime }));
  else if (several) parts.push(book.groupOpener({ ...base, to: everyone, count: speakers.length }));
  for (const s of speakers) {
    const lines = answer(
      s,
      { book, persona, rng, knowledge: ctx.knowledge, language: ctx.character.language },
      several || parts.length === 0,
    );
    parts.push(...lines);
  }
  if (!parts.length) parts.push(book.smallTalk({ ...base, to: speakers[0]?.to ?? '' }));
  return parts.join(ctx.character.language === 'ja' ? '' : ' ');
}

function groupSpeakers(ctx: TurnContext, book: Phrasebook): Speaker[] {
  const byName = new Map<string, Speaker>();
  for (const m of ctx.messages) {
    const s = byName.get(m.name) ?? {
      name: m.name,
      to: book.nameOf(m.name),
      readings: [],
      flagged: false,
      again: ctx.transcript.some((l) => l.kind === 'user' && l.name === m.name),
    };
    s.readings.push(readMessage(m.text, ctx.character.language));
    s.flagged ||= Boolean(m.flagged);
    byName.set(m.name, s);
  }
  return [...byName.values()];
}

interface Tools {
  book: Phrasebook;
  persona: PersonaFacts;
  rng: Rng;
  knowledge: string[];
  language: TurnContext['character']['language'];
}

/** One person's answers; only the first names them, and only when `name` is asked for. */
function answer(s: Speaker, t: Tools, name: boolean): string[] {
  if (s.flagged) return [t.book.untrusted({ to: name ? s.to : '', persona: t.persona, rng: t.rng })];
  const intents = new Set(s.readings.flatMap((r) => r.intents));
  const specific = [...intents].some((i) => i !== 'question' && i !== 'statement');
  if (specific) intents.delete('statement');
  if (ASKS.some((i) => intents.has(i))) intents.delete('question');
  const chosen = ORDER.filter((i) => intents.has(i)).slice(0, 2);
  return chosen.map((intent, n) => {
    const reading = s.readings.find((r) => r.intents.includes(intent)) ?? s.readings[0];
    const input: LineInput = {
      to: name && n === 0 ? s.to : '',
      persona: t.persona,
      rng: t.rng,
      topic: reading.topic,
      keywords: reading.keywords,
    };
    return line(intent, input, reading, t);
  });
}

function line(intent: Intent, input: LineInput, reading: MessageReading, t: Tools): string {
  if (intent === 'question') return questionLine(input, reading, t);
  if (intent === 'statement' || intent === 'greeting') return t.book.smallTalk(input);
  return t.book[intent](input);
}

/** Knowledge first, then what the persona says, else an honest "I'm offline". */
function questionLine(input: LineInput, reading: MessageReading, t: Tools): string {
  const passage = bestSentence(
    t.knowledge.flatMap((p) => splitSentences(p, t.language)),
    reading,
    t.language,
  );
  if (passage) return t.book.fromKnowledge({ ...input, passage });
  const facts = [...t.persona.facts, ...(t.persona.description ? [t.persona.description] : [])];
  const fact = bestSentence(facts, reading, t.language);
  if (fact && fact !== t.persona.description) return t.book.fromPersona({ ...input, fact });
  if (fact) return t.book.askIdentity(input);
  return t.book.beyondMe(input);
}

function bestSentence(
  candidates: string[],
  reading: MessageReading,
  language: Tools['language'],
): string | undefined {
  let best: string | undefined;
  let score = 0;
  for (const c of candidates) {
    const s = overlap(reading.keywords, c, language);
    if (s > score) {
      best = c;
      score = s;
    }
  }
  return best && best.length > 240 ? `${best.slice(0, 239)}…` : best;
}
