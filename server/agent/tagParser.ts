import { type Expression, type Gesture, isExpression, isGesture } from '@shared';

/** A piece of the LLM's output: spoken text, or a `[tag]` taken out of it. */
export type TagSegment = { kind: 'text'; text: string } | { kind: 'tag'; name: string };

/** A tag understood as a performance cue; unknown tags are dropped from speech and ignored. */
export type PerformanceCue =
  | { kind: 'expression'; name: Expression }
  | { kind: 'gesture'; name: Gesture }
  | { kind: 'unknown'; name: string };

/** Longest text between brackets still taken as a tag; longer is ordinary text. */
const MAX_TAG_CHARS = 32;
const TAG_CHAR = /[\p{L}\p{N}_:\- ]/u;

/** Words models use instead of ours; mapped so a near miss still moves the face. */
const SYNONYMS: Readonly<Record<string, string>> = {
  joy: 'happy',
  joyful: 'happy',
  smile: 'happy',
  smiling: 'happy',
  fun: 'happy',
  excited: 'happy',
  laugh: 'happy',
  sadness: 'sad',
  sorrow: 'sad',
  crying: 'sad',
  anger: 'angry',
  mad: 'angry',
  annoyed: 'angry',
  calm: 'relaxed',
  surprise: 'surprised',
  shocked: 'surprised',
  amazed: 'surprised',
  waving: 'wave',
  nodding: 'nod',
  thinking: 'think',
  bowing: 'bow',
  'shake head': 'shake',
  headshake: 'shake',
};

/**
 * Takes `[happy]`, `[wave]` … out of a token stream. Tags may be split across tokens: text after
 * an opening `[` is held back until the tag closes or proves not to be one (too long, or a
 * character no tag has), then released as text.
 */
export class TagParser {
  private pending: string | null = null;

  /** Feeds one delta; returns the segments now certain, in order. */
  push(delta: string): TagSegment[] {
    const out: TagSegment[] = [];
    let text = '';
    for (const ch of delta) {
      if (this.pending === null) {
        if (ch === '[') {
          this.pending = '[';
          continue;
        }
        text += ch;
        continue;
      }
      if (ch === ']') {
        if (text) {
          out.push({ kind: 'text', text });
          text = '';
        }
        const name = this.pending.slice(1).trim();
        if (name) out.push({ kind: 'tag', name });
        this.pending = null;
      } else if (ch === '[') {
        text += this.pending;
        this.pending = '[';
      } else if (TAG_CHAR.test(ch) && this.pending.length <= MAX_TAG_CHARS) {
        this.pending += ch;
      } else {
        text += this.pending + ch;
        this.pending = null;
      }
    }
    if (text) out.push({ kind: 'text', text });
    return out;
  }

  /** Ends the stream: an unclosed `[...` is released as text. */
  end(): TagSegment[] {
    const rest = this.pending;
    this.pending = null;
    return rest ? [{ kind: 'text', text: rest }] : [];
  }
}

/** Reads a tag name as a cue: case-insensitive, `face:happy` → `happy`, common synonyms mapped. */
export function cueOf(tag: string): PerformanceCue {
  const lower = tag.toLowerCase().trim();
  const bare = lower.includes(':') ? lower.slice(lower.lastIndexOf(':') + 1).trim() : lower;
  const name = SYNONYMS[bare] ?? bare;
  if (isExpression(name)) return { kind: 'expression', name };
  if (isGesture(name)) return { kind: 'gesture', name };
  return { kind: 'unknown', name: lower };
}
