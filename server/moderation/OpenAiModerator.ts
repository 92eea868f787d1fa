import OpenAI from 'openai';
import { Blocklist, screenLocally } from './localRules';
import type { ModerationVerdict, Moderator } from './Moderator';

export interface OpenAiModeratorOptions {
  apiKey: string;
  baseURL?: string;
  blocklist?: readonly string[];
  /** Give up on the endpoint after this long and use the local rules (default 2 s). */
  timeoutMs?: number;
  onFallback?: (err: unknown) => void;
}

/**
 * OpenAI's moderation endpoint (free with any key), with the local rules and blocklist on top.
 * When the endpoint fails or is slow the local rules decide alone, so a moderation outage never
 * silences the character.
 */
export class OpenAiModerator implements Moderator {
  readonly name = 'OpenAI moderation endpoint';
  private readonly client: OpenAI;
  private readonly blocklist: Blocklist;

  constructor(private readonly options: OpenAiModeratorOptions) {
    this.blocklist = new Blocklist(options.blocklist ?? []);
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      maxRetries: 1,
      timeout: options.timeoutMs ?? 2_000,
    });
  }

  flagsNow(text: string): boolean {
    return screenLocally(text, this.blocklist).flagged;
  }

  async screen(text: string, signal?: AbortSignal): Promise<ModerationVerdict> {
    const local = screenLocally(text, this.blocklist);
    try {
      const res = await this.client.moderations.create(
        { model: 'omni-moderation-latest', input: text },
        { signal },
      );
      const result = res.results[0];
      const remote = result?.flagged
        ? Object.entries(result.categories)
            .filter(([, on]) => on)
            .map(([name]) => name)
        : [];
      const categories = [...new Set([...(local.flagged ? local.categories : []), ...remote])];
      return categories.length ? { flagged: true, categories } : { flagged: false };
    } catch (err) {
      if (signal?.aborted) return local;
      this.options.onFallback?.(err);
      return local;
    }
  }
}
