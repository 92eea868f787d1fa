import { NOT_FLAGGED, type ModerationVerdict, type Moderator } from './Moderator';

/**
 * Narrow built-in rules: only what is unacceptable in any room, worded so everyday speech
 * ("this homework is killing me") passes. Operators add their own words with MODERATION_BLOCKLIST.
 */
const RULES: { category: string; pattern: RegExp }[] = [
  {
    category: 'self-harm',
    pattern:
      /\b(?:go\s+)?(?:kill|hang|hurt)\s+(?:yourself|urself|your\s*self)\b|\bkys\b|\bgo\s+die\b|自殺しろ|死ね/i,
  },
  {
    category: 'threat',
    pattern:
      /\b(?:i|we)\s*(?:'ll|will|am going to|'m going to|are going to|'re going to|'m gonna|am gonna)\s+(?:kill|murder|stab|shoot|rape)\s+(?:you|u|him|her|them)\b|殺してやる|ぶっ殺す/i,
  },
  {
    category: 'sexual/minors',
    pattern:
      /\b(?:child|kid|minor|underage|preteen|loli)s?\s*(?:porn|sex|nudes?|naked)\b|\b(?:porn|sex|nudes?)\s+(?:with|of)\s+(?:a\s+)?(?:child|kid|minor|underage)s?\b/i,
  },
];

/** The built-in rules plus the operator's blocklist (whole words or phrases, case-insensitive). */
export function screenLocally(
  text: string,
  blocklist: readonly string[] | Blocklist = [],
): ModerationVerdict {
  const categories = RULES.filter((r) => r.pattern.test(text)).map((r) => r.category);
  const matches = blocklist instanceof Blocklist ? blocklist : new Blocklist(blocklist);
  if (matches.test(text)) categories.push('blocklist');
  return categories.length ? { flagged: true, categories } : NOT_FLAGGED;
}

/** The operator's phrases, compiled once: moderators run them on every streamed delta. */
export class Blocklist {
  private readonly latin: RegExp[];
  private readonly plain: string[];

  constructor(phrases: readonly string[]) {
    const entries = phrases.map((p) => p.trim().toLowerCase()).filter(Boolean);
    const isLatin = (p: string) => /^[\p{Script=Latin}\d\s'-]+$/u.test(p);
    // Word-bounded for Latin text; plain containment for Japanese and other scripts without spaces.
    this.latin = entries.filter(isLatin).map((p) => {
      const escaped = p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
      return new RegExp(`(?<![\\p{L}\\d])${escaped}(?![\\p{L}\\d])`, 'iu');
    });
    this.plain = entries.filter((p) => !isLatin(p));
  }

  test(text: string): boolean {
    if (this.latin.some((r) => r.test(text))) return true;
    const lower = text.toLowerCase();
    return this.plain.some((p) => lower.includes(p));
  }
}

/** The offline default: local rules only. */
export class LocalModerator implements Moderator {
  readonly name = 'local rules';
  private readonly blocklist: Blocklist;

  constructor(phrases: readonly string[] = []) {
    this.blocklist = new Blocklist(phrases);
  }

  screen(text: string): Promise<ModerationVerdict> {
    return Promise.resolve(screenLocally(text, this.blocklist));
  }

  flagsNow(text: string): boolean {
    return screenLocally(text, this.blocklist).flagged;
  }
}
