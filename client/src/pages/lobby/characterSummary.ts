import type { CharacterInfo } from '../../net';

/** A small label on a character card. */
export interface CharacterBadge {
  text: string;
  tone: 'default' | 'yours' | 'private' | 'public';
}

/** Longest card description, in characters. */
export const BLURB_MAX = 110;

/** The card's labels: "Default", "Yours", and whether others may use it. */
export function badgesOf(c: CharacterInfo, userId: string | null): CharacterBadge[] {
  if (c.isDefault) return [{ text: 'Default', tone: 'default' }];
  const badges: CharacterBadge[] = [];
  if (userId && c.ownerId === userId) badges.push({ text: 'Yours', tone: 'yours' });
  badges.push(
    c.visibility === 'public' ? { text: 'Public', tone: 'public' } : { text: 'Private', tone: 'private' },
  );
  return badges;
}

/** A short description for the card: the greeting, else the persona's first sentence, cut at a word. */
export function blurbOf(c: Pick<CharacterInfo, 'greeting' | 'persona'>): string {
  const source = c.greeting.trim() || firstSentence(c.persona);
  const text = source.replace(/\s+/g, ' ').trim();
  if ([...text].length <= BLURB_MAX) return text;
  const cut = [...text].slice(0, BLURB_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > BLURB_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?。！？](?=\s|$)/.exec(text.trim());
  return match ? match[0] : text;
}
