/**
 * Measures how deeply JSON nests by scanning its bytes once, with no recursion, so hostile
 * input such as 100,000 nested arrays never reaches JSON.parse or any recursive walker.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Returns the nesting depth of `bytes`, or stops early and returns `stopAt + 1` once that is
 * exceeded. Works on UTF-8 bytes directly: multi-byte sequences never contain ASCII bytes.
 * @example jsonDepth(new TextEncoder().encode('{"a":[1]}'), 64) // 2
 */
export function jsonDepth(bytes: Uint8Array, stopAt: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i += 1;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      depth += 1;
      if (depth > deepest) deepest = depth;
      if (deepest > stopAt) return deepest;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return deepest;
}
