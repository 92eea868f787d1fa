import { utteranceId } from '@shared/utterance';
import type { Utterance } from '@shared';

/** A sentence on the server timeline. */
export interface TimedLine {
  id: string;
  turnId: string;
  text: string;
  startAt: number;
  endAt: number;
}

/** How long a finished sentence stays readable after it ends (ms), unless the next one starts. */
export const LINGER_MS = 900;

/**
 * The character's sentences on the server clock: which one is being said at a given time (for
 * the bubble and the debug handle), when the next change happens, and which were already seen
 * (an utterance can arrive both as a message and through the state's `speech`).
 */
export class SpeechTimeline {
  private lines: TimedLine[] = [];
  private readonly known = new Set<string>();

  /** Adds a sentence; false when it was already known. */
  add(u: Pick<Utterance, 'turnId' | 'seq' | 'text' | 'startAt' | 'durationMs'>): boolean {
    const id = utteranceId(u);
    if (this.known.has(id)) return false;
    this.known.add(id);
    this.lines.push({
      id,
      turnId: u.turnId,
      text: u.text,
      startAt: u.startAt,
      endAt: u.startAt + u.durationMs,
    });
    this.lines.sort((a, b) => a.startAt - b.startAt);
    return true;
  }

  /** Drops the sentences of a turn (all when omitted). */
  interrupt(turnId?: string): void {
    this.lines = turnId === undefined ? [] : this.lines.filter((l) => l.turnId !== turnId);
  }

  /** The sentence shown at `now`: the one playing, or the last one for a moment after it ended. */
  current(now: number): TimedLine | null {
    let shown: TimedLine | null = null;
    for (const l of this.lines) {
      if (l.startAt > now) break;
      if (now < l.endAt + LINGER_MS) shown = l;
    }
    return shown;
  }

  /** The sentence strictly playing at `now` (no linger). */
  playing(now: number): TimedLine | null {
    let found: TimedLine | null = null;
    for (const l of this.lines) if (l.startAt <= now && now < l.endAt) found = l;
    return found;
  }

  /** The next time (server ms) after `now` at which `current` may change, or null. */
  nextChange(now: number): number | null {
    let next = Infinity;
    for (const l of this.lines) {
      for (const t of [l.startAt, l.endAt, l.endAt + LINGER_MS]) if (t > now && t < next) next = t;
    }
    this.lines = this.lines.filter((l) => l.endAt + LINGER_MS > now);
    return Number.isFinite(next) ? next : null;
  }

  /** True when the sentence `turnId:seq` was seen before. */
  has(id: string): boolean {
    return this.known.has(id);
  }
}
