import type { CharacterProfile } from '../../turn';
import { LlmError } from '../LlmError';
import { realSleep } from '../sleep';
import type { ChatMessage, LlmProvider, LlmRequest, SleepFn, TurnContext } from '../types';
import { composeReply } from './composeReply';
import { createRng, hashString } from './random';
import { streamTokens } from './streamTokens';

/** How fast the offline engine "types", in ms. */
export interface OfflinePacing {
  /** Pause before the first token (a model thinking), as [min, max]. */
  firstTokenMs: [number, number];
  /** Pause between tokens, as [min, max]. */
  tokenMs: [number, number];
  /** Extra pause after a sentence ends. */
  sentencePauseMs: number;
}

/** Feels like a quick hosted model: ~0.3–0.6 s to the first token, then ~25 tokens a second. */
export const DEFAULT_OFFLINE_PACING: OfflinePacing = {
  firstTokenMs: [300, 600],
  tokenMs: [25, 55],
  sentencePauseMs: 90,
};

/** Options for the offline persona engine. */
export interface OfflinePersonaOptions {
  /** Same seed and same input give the same reply and pacing. */
  seed?: number;
  pacing?: OfflinePacing;
  sleep?: SleepFn;
}

/**
 * The built-in engine used when no LLM is configured: answers in character from the persona,
 * greeting and knowledge passages, by name, streamed token by token. Honest about being
 * offline, and labelled so (`offline: true`, name `offline-persona`).
 */
export class OfflinePersonaProvider implements LlmProvider {
  readonly name = 'offline-persona';
  readonly offline = true;
  private readonly seed: number;
  private readonly pacing: OfflinePacing;
  private readonly sleep: SleepFn;

  constructor(options: OfflinePersonaOptions = {}) {
    this.seed = options.seed ?? 1;
    this.pacing = options.pacing ?? DEFAULT_OFFLINE_PACING;
    this.sleep = options.sleep ?? realSleep;
  }

  /** Streams the composed reply with natural pacing; throws `LlmError('aborted')` on abort. */
  async *stream(req: LlmRequest): AsyncGenerator<string> {
    const ctx = req.context ?? contextFromMessages(req.messages);
    const key = [
      this.seed,
      ctx.character.id,
      ctx.character.persona,
      ...ctx.messages.map((m) => `${m.name}\u0000${m.text}`),
    ].join('\u0001');
    const reply = composeReply(ctx, createRng(hashString(key)));
    const timing = createRng(hashString(`pace\u0001${key}`));
    const tokens = streamTokens(reply, timing.between);
    await this.pause(timing.between(...this.pacing.firstTokenMs), req.signal);
    for (const token of tokens) {
      if (req.signal.aborted) throw aborted();
      yield token;
      const pause =
        timing.between(...this.pacing.tokenMs) +
        (/[.!?。！？]$/.test(token) ? this.pacing.sentencePauseMs : 0);
      await this.pause(pause, req.signal);
    }
  }

  private async pause(ms: number, signal: AbortSignal): Promise<void> {
    try {
      await this.sleep(ms, signal);
    } catch {
      throw aborted();
    }
    if (signal.aborted) throw aborted();
  }
}

function aborted(): LlmError {
  return new LlmError('aborted', 'The offline reply was cancelled (the turn was interrupted).');
}

/** Without a structured context: the last user message, from an unnamed person, to whoever the system prompt describes. */
function contextFromMessages(messages: ChatMessage[]): TurnContext {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const last = [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  const name = /^You are ([^,.\n]+)/.exec(system)?.[1]?.trim() ?? 'your host';
  const character: CharacterProfile = {
    id: 'unknown',
    name,
    persona: system,
    greeting: '',
    voice: {},
    language: /[\u3040-\u30ff\u4e00-\u9fff]/.test(last) ? 'ja' : 'en',
  };
  return {
    character,
    messages: [{ id: 'm', userId: 'u', name: '', text: last, at: 0 }],
    transcript: [],
    knowledge: [],
  };
}
