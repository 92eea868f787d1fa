/** The line that opens the block of room data in the user message. */
export const ROOM_DATA_OPEN = '<<<ROOM_DATA>>>';
/** The line that closes it. */
export const ROOM_DATA_CLOSE = '<<<END_ROOM_DATA>>>';

/**
 * JSON in which `<` and `>` (and the line separators some parsers trip on) are \u-escaped, so no
 * text inside can spell a fence marker: user text cannot close the block early. Decoding with
 * JSON.parse gives back the exact original text.
 */
export function encodeRoomData(data: unknown): string {
  return layout(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Compact JSON with one line per list entry: readable for a model, few tokens. */
function layout(data: unknown): string {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return JSON.stringify(data);
  const fields = Object.entries(data).map(([key, value]) => {
    const body = Array.isArray(value)
      ? value.length
        ? `[\n  ${value.map((v) => JSON.stringify(v)).join(',\n  ')}\n ]`
        : '[]'
      : JSON.stringify(value);
    return ` ${JSON.stringify(key)}: ${body}`;
  });
  return `{\n${fields.join(',\n')}\n}`;
}

/** The fenced block: open marker, escaped JSON, close marker, each on its own line. */
export function fenceRoomData(data: unknown): string {
  return `${ROOM_DATA_OPEN}\n${encodeRoomData(data)}\n${ROOM_DATA_CLOSE}`;
}

/** Reads the room data back out of a user message (tests and the offline engine's fallback). */
export function parseRoomData(content: string): unknown {
  const start = content.indexOf(`${ROOM_DATA_OPEN}\n`);
  const end = content.indexOf(`\n${ROOM_DATA_CLOSE}`, start);
  if (start < 0 || end < 0) return undefined;
  try {
    return JSON.parse(content.slice(start + ROOM_DATA_OPEN.length + 1, end));
  } catch {
    return undefined;
  }
}
