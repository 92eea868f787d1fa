/**
 * Schedules utterances back to back on the server clock: each starts when the previous one ends,
 * or after a small lead when the character was silent, so every client has time to fetch the
 * audio and all start together.
 */
export class UtteranceSchedule {
  private endsAt = 0;

  constructor(private readonly leadMs: number) {}

  /** The start time for an utterance of `durationMs` that became ready at `now`. */
  place(now: number, durationMs: number): number {
    const startAt = Math.max(now + this.leadMs, this.endsAt);
    this.endsAt = startAt + Math.max(0, durationMs);
    return startAt;
  }

  /** When the last scheduled utterance ends (0 when nothing was scheduled). */
  get lastEndAt(): number {
    return this.endsAt;
  }

  /** Forgets the schedule (interrupt): the next utterance starts after the lead again. */
  clear(): void {
    this.endsAt = 0;
  }
}
