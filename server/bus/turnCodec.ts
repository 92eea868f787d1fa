import { turnSchema } from './schemas';
import type { Turn } from './turn';

/** The stream field value of a turn. */
export function encodeTurn(turn: Turn): string {
  return JSON.stringify(turn);
}

/** Reads a turn back; `undefined` for junk, which the queue dead-letters instead of crashing a worker on it. */
export function decodeTurn(payload: string | undefined): Turn | undefined {
  if (payload === undefined) return undefined;
  try {
    const parsed = turnSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
