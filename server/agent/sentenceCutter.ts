import type { Language } from '../turn';

/** How eagerly to cut. */
export interface SentenceCutterOptions {
  language: Language;
  /** The first clause of a reply is cut at a comma once it has this many words (English). */
  firstClauseMinWords?: number;
  /** … or this many characters (Japanese, where words are not spaced). */
  firstClauseMinChars?: number;
  /** A sentence with no ending is cut at a clause or word boundary past this length. */
  maxChars?: number;
}

/** A finished sentence and how far into the clean text stream it reaches. */
export interface CutSentence {
  text: string;
  /** Offset in the stream just past what this cut consumed. */
  end: number;
}

const ENDERS = new Set(['.', '!', '?', '…', '‥', '。', '！', '？', '．']);
const CLOSERS = new Set(['"', "'", '」', '』', '）', ')', ']', '】', '”', '’', '〉', '》']);
const WIDE_ENDERS = new Set(['。', '！', '？', '．']);
const CLAUSE_MARKS = new Set([',', '、', '，', ';', '；', ':', '：', '—']);
/** Words before a period that do not end a sentence (lower case, without the period). */
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'approx',
  'ca',
  'mt',
  'no',
  'fig',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
]);
const SPEAKABLE = /[\p{L}\p{N}]/u;

type Decision = { cut: number; consume: number } | 'wait' | 'none';

/**
 * Cuts a stream of text into sentences for the voice: at . ! ? … 。！？ and newlines; not inside
 * decimals, abbreviations, initials or URLs; and the first clause early, at a comma or 、, so
 * the voice can start before the first sentence is done (as AITuberKit does).
 */
export class SentenceCutter {
  private buf = '';
  private offset = 0;
  private cuts = 0;
  private readonly minWords: number;
  private readonly minChars: number;
  private readonly maxChars: number;

  constructor(private readonly options: SentenceCutterOptions) {
    this.minWords = options.firstClauseMinWords ?? 4;
    this.minChars = options.firstClauseMinChars ?? 5;
    this.maxChars = options.maxChars ?? 220;
  }

  /** Feeds clean (tag-free) text; returns the sentences it completed. */
  push(text: string): CutSentence[] {
    this.buf += text;
    return this.drain(false);
  }

  /** Ends the stream: whatever is left is the last sentence. */
  flush(): CutSentence[] {
    return this.drain(true);
  }

  private drain(final: boolean): CutSentence[] {
    const out: CutSentence[] = [];
    for (;;) {
      const d = this.findCut(final);
      if (d === 'wait' || d === 'none') break;
      this.take(d.cut, d.consume, out);
    }
    if (final && this.buf) this.take(this.buf.length, this.buf.length, out);
    return out;
  }

  private take(cut: number, consume: number, out: CutSentence[]): void {
    const text = this.buf.slice(0, cut).trim();
    this.buf = this.buf.slice(consume);
    this.offset += consume;
    if (!SPEAKABLE.test(text)) return;
    this.cuts++;
    out.push({ text, end: this.offset });
  }

  private findCut(final: boolean): Decision {
    const b = this.buf;
    for (let i = 0; i < b.length; i++) {
      const ch = b[i];
      if (ch === '\n') return { cut: i, consume: i + 1 };
      if (ENDERS.has(ch)) {
        const d = this.atEnder(i, final);
        if (d !== 'none') return d;
        continue;
      }
      if (this.cuts === 0 && CLAUSE_MARKS.has(ch)) {
        const d = this.atFirstClause(i, final);
        if (d !== 'none') return d;
      }
    }
    return this.tooLong();
  }

  /** Decides at a sentence-ending mark at `i`: cut after its run of marks and closing quotes. */
  private atEnder(i: number, final: boolean): Decision {
    const b = this.buf;
    let j = i;
    while (j < b.length && (ENDERS.has(b[j]) || CLOSERS.has(b[j]))) j++;
    if (j === b.length && !final) return 'wait'; // more marks or a closing quote may follow
    const next = b[j] ?? '';
    const run = b.slice(i, j);
    if (WIDE_ENDERS.has(b[i])) return { cut: j, consume: j };
    if (run.startsWith('.') && !run.startsWith('..') && !this.periodEnds(i, next)) return 'none';
    if (next === '' || /\s/.test(next) || !/[A-Za-z0-9]/.test(next)) return { cut: j, consume: j };
    return 'none';
  }

  /** A lone period ends a sentence unless it is a decimal, an abbreviation, an initial or inside a word. */
  private periodEnds(i: number, next: string): boolean {
    if (next !== '' && !/\s/.test(next) && !isWide(next)) return false; // 3.14, example.com
    const word = /([\p{L}.]+)$/u.exec(this.buf.slice(0, i))?.[1] ?? '';
    const lower = word.toLowerCase();
    if (/^\p{Lu}$/u.test(word)) return false; // initials: J. K. Rowling
    if (!ABBREVIATIONS.has(lower)) return true;
    // "etc."-style ambiguity: a capitalised next word after "no." means a new sentence.
    const after = this.buf.slice(i + 1).trimStart();
    return lower === 'no' && /^\p{Lu}/u.test(after);
  }

  /** Cuts the first clause at a comma or 、 once it is long enough to be worth speaking. */
  private atFirstClause(i: number, final: boolean): Decision {
    const b = this.buf;
    const clause = b.slice(0, i);
    if (this.options.language === 'ja' || isWide(b[i])) {
      return clause.replace(/\s/g, '').length >= this.minChars ? { cut: i + 1, consume: i + 1 } : 'none';
    }
    if (i + 1 >= b.length) return final ? 'none' : 'wait';
    if (!/\s/.test(b[i + 1])) return 'none'; // 1,000
    const words = clause.trim().split(/\s+/).filter(Boolean).length;
    return words >= this.minWords ? { cut: i + 1, consume: i + 1 } : 'none';
  }

  /** A run-on sentence is cut at its last clause mark, else its last space, before the limit. */
  private tooLong(): Decision {
    if (this.buf.length <= this.maxChars) return 'none';
    const head = this.buf.slice(0, this.maxChars);
    let at = -1;
    for (let i = head.length - 1; i > 0 && at < 0; i--) if (CLAUSE_MARKS.has(head[i])) at = i + 1;
    if (at < 0) at = head.lastIndexOf(' ');
    if (at <= 0) at = this.maxChars;
    return { cut: at, consume: at };
  }
}

function isWide(ch: string): boolean {
  return /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(ch);
}
