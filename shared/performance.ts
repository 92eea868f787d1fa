/**
 * Names of what the character performs: mouth shapes (visemes), facial expressions and gestures.
 * The server produces them, the client plays them; both sides import them from here.
 */

/** Mouth shapes, named after the VRM 0.x vowel blend-shape presets (VRM 1.0: aa, ih, ou, ee, oh). */
export const VISEMES = ['A', 'I', 'U', 'E', 'O'] as const;
export type Viseme = (typeof VISEMES)[number];

/**
 * One keyframe of a viseme track: at `tMs` (from the utterance's start) the mouth takes shape
 * `viseme` opened to `weight` (0 = closed … 1 = fully open). Between keys the client interpolates.
 */
export type VisemeKeyframe = [tMs: number, viseme: Viseme, weight: number];

/** Facial expressions an utterance can carry; the LLM names them with tags such as `[happy]`. */
export const EXPRESSIONS = ['neutral', 'happy', 'angry', 'sad', 'relaxed', 'surprised'] as const;
export type Expression = (typeof EXPRESSIONS)[number];

/** Body gestures an utterance can trigger; the LLM names them with tags such as `[wave]`. */
export const GESTURES = ['wave', 'nod', 'think', 'bow', 'shake'] as const;
export type Gesture = (typeof GESTURES)[number];

/** True when `name` is one of the known expressions. */
export function isExpression(name: string): name is Expression {
  return (EXPRESSIONS as readonly string[]).includes(name);
}

/** True when `name` is one of the known gestures. */
export function isGesture(name: string): name is Gesture {
  return (GESTURES as readonly string[]).includes(name);
}
