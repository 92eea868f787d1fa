import type { CharacterProfile } from '../turn';
import type { SpeakFn, SpeakRequest, SpeechAudio } from './speech';
import type { SpokenSentence } from './speechSegmenter';

/** Where the pipeline sends each utterance, in order. */
export type UtteranceSink = (request: SpeakRequest, audio: SpeechAudio) => void;

/** Checks a sentence before it is spoken; answers the sentence to speak (itself or a replacement). */
export type ScreenFn = (request: SpeakRequest) => Promise<SpeakRequest>;

const SPEAK_AS_IS: ScreenFn = async (request) => request;

/**
 * Screens and starts the voice for each sentence the moment it is complete (while the LLM
 * keeps streaming) and releases utterances strictly in order. The first failure stops the chain and
 * is reported once through `onFailure`.
 */
export class UtterancePipeline {
  private chain: Promise<void> = Promise.resolve();
  private nextSeq = 0;
  private failed: unknown;
  private hasFailed = false;
  /** Texts of the utterances released so far. */
  readonly released: string[] = [];

  constructor(
    private readonly ids: { roomId: string; turnId: string },
    private readonly character: CharacterProfile,
    private readonly speak: SpeakFn,
    private readonly signal: AbortSignal,
    private readonly sink: UtteranceSink,
    private readonly onFailure: (err: unknown) => void,
    private readonly screen: ScreenFn = SPEAK_AS_IS,
  ) {}

  /** Hands a sentence to the voice now; its utterance follows the ones before it. */
  add(sentence: SpokenSentence): void {
    const spoken = this.screen({ ...sentence, ...this.ids, seq: this.nextSeq++ });
    const audio = spoken.then((request) => this.speak(request, this.character, this.signal));
    audio.catch(() => {}); // a failure is reported once, through the chain, in order
    this.chain = this.chain.then(async () => {
      if (this.hasFailed) return;
      try {
        const [request, result] = await Promise.all([spoken, audio]);
        this.released.push(request.text);
        this.sink(request, result);
      } catch (err) {
        this.fail(err);
      }
    });
  }

  /** Waits until every sentence added so far is released or the chain has failed. */
  async drain(): Promise<void> {
    await this.chain;
  }

  /** The first failure, if any. */
  failure(): { failed: boolean; error: unknown } {
    return { failed: this.hasFailed, error: this.failed };
  }

  private fail(err: unknown): void {
    if (this.hasFailed) return;
    this.hasFailed = true;
    this.failed = err;
    this.onFailure(err);
  }
}
