import type { Expression, Gesture, VisemeKeyframe } from './performance';

/**
 * One spoken sentence of the character, rendered once on the server and played by every client
 * at the same server time. `startAt` is on the server clock (ms since the epoch).
 */
export interface Utterance {
  turnId: string;
  seq: number;
  text: string;
  expression: Expression;
  gesture?: Gesture;
  /** Where the audio is served; empty when the sentence has no audio (text-only voice). */
  audioUrl: string;
  durationMs: number;
  visemes: VisemeKeyframe[];
  startAt: number;
}

/** An utterance as the agent produces it: the room decides when it starts. */
export type UtterancePlan = Omit<Utterance, 'startAt'>;

/** The id clients and tests use for one utterance: `turnId:seq`. */
export function utteranceId(u: Pick<Utterance, 'turnId' | 'seq'>): string {
  return `${u.turnId}:${u.seq}`;
}
