import { turnSchema, type Turn } from '../turn';

/**
 * The wire form of a turn. Checked on the way in, so a malformed turn fails at the room that
 * enqueues it (where the error can be shown) rather than being dead-lettered later, unseen.
 */
export function encodeTurn(turn: Turn): string {
  const payload = JSON.stringify(turn);
  const parsed = turnSchema.safeParse(payload === undefined ? undefined : JSON.parse(payload));
  if (!parsed.success)
    throw new TypeError(
      `Not a valid turn: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return payload;
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
