/** How many decoded sentences to keep (a reply is a handful; a few replies back is plenty). */
export const AUDIO_CACHE_SIZE = 24;

/**
 * Fetches and decodes utterance audio once per URL, as soon as it is known (prefetch), so the
 * buffer is ready before `startAt`. A failed download resolves to null: the sentence then plays
 * as text with lip-sync from its track.
 */
export class AudioCache {
  private readonly entries = new Map<string, Promise<AudioBuffer | null>>();

  constructor(
    private readonly decode: (bytes: ArrayBuffer) => Promise<AudioBuffer>,
    private readonly fetchFn: typeof fetch = (...a) => fetch(...a),
    private readonly size = AUDIO_CACHE_SIZE,
  ) {}

  /** The decoded buffer of `url` (downloading and decoding it on first use). */
  get(url: string): Promise<AudioBuffer | null> {
    const hit = this.entries.get(url);
    if (hit) {
      this.entries.delete(url);
      this.entries.set(url, hit);
      return hit;
    }
    const pending = this.load(url);
    this.entries.set(url, pending);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return pending;
  }

  private async load(url: string): Promise<AudioBuffer | null> {
    try {
      const res = await this.fetchFn(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return await this.decode(await res.arrayBuffer());
    } catch (err) {
      console.warn(
        `Could not load the character's voice (${url}): ${(err as Error).message}. The sentence plays as text.`,
      );
      this.entries.delete(url);
      return null;
    }
  }
}
