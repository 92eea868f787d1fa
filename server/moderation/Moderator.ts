/** What a moderator decided about one piece of text. */
export type ModerationVerdict = { flagged: false } | { flagged: true; categories: string[] };

/** Screens text before it is accepted (user input) or spoken (the character's output). */
export interface Moderator {
  /** Shown in logs: which rules decided. */
  readonly name: string;
  /** Never rejects: a moderator that cannot reach its service falls back to local rules. */
  screen(text: string, signal?: AbortSignal): Promise<ModerationVerdict>;
  /**
   * The local rules alone, synchronously: cheap enough to run on every streamed delta, so text
   * they would refuse never goes out as a subtitle while its sentence waits for `screen`.
   */
  flagsNow(text: string): boolean;
}

export const NOT_FLAGGED: ModerationVerdict = Object.freeze({ flagged: false });
