import type { Expression, Gesture } from '@shared';
import { type CutSentence, SentenceCutter, type SentenceCutterOptions } from './sentenceCutter';
import { cueOf, TagParser, type TagSegment } from './tagParser';

/** One sentence ready for the voice, with the face and gesture it is performed with. */
export interface SpokenSentence {
  text: string;
  expression: Expression;
  gesture?: Gesture;
}

/** What one delta of LLM output produced. */
export interface SegmentStep {
  /** New spoken text (tags removed) for the subtitle; may be empty. */
  spoken: string;
  /** Sentences completed by this delta, in order. */
  sentences: SpokenSentence[];
}

interface PlacedTag {
  at: number;
  name: string;
}

/**
 * LLM deltas in, subtitle text and performable sentences out. Tags become the `expression` of
 * the sentence they sit in (carried to later sentences until another one comes) and its
 * `gesture` (once); unknown tags vanish from speech.
 */
export class SpeechSegmenter {
  private readonly tags = new TagParser();
  private readonly cutter: SentenceCutter;
  private spokenLength = 0;
  private afterTag = false;
  private lastSpokenChar = '';
  private placed: PlacedTag[] = [];
  private expression: Expression = 'neutral';

  constructor(options: SentenceCutterOptions) {
    this.cutter = new SentenceCutter(options);
  }

  /** Feeds one delta from the LLM. */
  push(delta: string): SegmentStep {
    return this.apply(this.tags.push(delta), false);
  }

  /** Ends the stream; returns the last subtitle text and sentence(s). */
  end(): SegmentStep {
    return this.apply(this.tags.end(), true);
  }

  private apply(segments: TagSegment[], final: boolean): SegmentStep {
    let spoken = '';
    const cuts: CutSentence[] = [];
    for (const seg of segments) {
      if (seg.kind === 'tag') {
        this.placed.push({ at: this.spokenLength, name: seg.name });
        this.afterTag = true;
        continue;
      }
      const text = this.tidy(seg.text);
      if (!text) continue;
      spoken += text;
      this.spokenLength += text.length;
      this.lastSpokenChar = text[text.length - 1];
      cuts.push(...this.cutter.push(text));
    }
    if (final) cuts.push(...this.cutter.flush());
    return { spoken, sentences: cuts.map((c, i) => this.perform(c, final && i === cuts.length - 1)) };
  }

  /** Drops the space a removed tag leaves behind, and leading space at the very start. */
  private tidy(text: string): string {
    const atStart = this.spokenLength === 0;
    if ((this.afterTag && /\s/.test(this.lastSpokenChar)) || atStart) text = text.replace(/^\s+/, '');
    if (text) this.afterTag = false;
    return text;
  }

  /** Gives a sentence the tags placed inside it; trailing tags at the very end join the last one. */
  private perform(cut: CutSentence, last: boolean): SpokenSentence {
    const mine = this.placed.filter((t) => last || t.at < cut.end);
    this.placed = this.placed.filter((t) => !mine.includes(t));
    let expression: Expression | undefined;
    let gesture: Gesture | undefined;
    for (const tag of mine) {
      const cue = cueOf(tag.name);
      if (cue.kind === 'expression') {
        expression ??= cue.name;
        this.expression = cue.name;
      } else if (cue.kind === 'gesture') gesture ??= cue.name;
    }
    return { text: cut.text, expression: expression ?? this.expression, ...(gesture ? { gesture } : {}) };
  }
}
