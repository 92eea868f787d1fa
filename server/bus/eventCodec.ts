/** Serialises an event for the wire; rejects values JSON cannot carry, on every implementation alike. */
export function encodeEvent(event: unknown): string {
  const payload = JSON.stringify(event);
  if (payload === undefined) throw new TypeError(`An event must be JSON-serialisable; got ${typeof event}.`);
  return payload;
}

/** Parses a payload from the wire; `undefined` when it is not JSON (another process sent junk). */
export function decodeEvent(payload: string): { event: unknown } | undefined {
  try {
    return { event: JSON.parse(payload) as unknown };
  } catch {
    return undefined;
  }
}
