/**
 * Turns the JSON chunk into a value, within a size and a nesting limit, refusing anything
 * that is not UTF-8 JSON with an object at the top.
 */
import { formatBytes, refuse } from './errors';
import { jsonDepth } from './jsonDepth';
import { type VrmLimits } from './limits';

/** A parsed JSON object whose fields are still unchecked. */
export type JsonObject = Record<string, unknown>;

/** Decodes and parses the JSON chunk of a GLB. */
export function parseJsonChunk(bytes: Uint8Array, limits: VrmLimits): JsonObject {
  if (bytes.byteLength > limits.maxJsonBytes) {
    refuse(
      'json_too_large',
      `The avatar's JSON description is ${formatBytes(bytes.byteLength, 'up')}; at most ${formatBytes(limits.maxJsonBytes, 'down')} is allowed. Remove unused nodes, materials or animations and re-export.`,
      { limit: limits.maxJsonBytes, actual: bytes.byteLength },
    );
  }
  const depth = jsonDepth(bytes, limits.maxJsonDepth);
  if (depth > limits.maxJsonDepth) {
    refuse(
      'json_too_deep',
      `The avatar's JSON nests more than ${limits.maxJsonDepth} levels deep, far beyond any real avatar. Re-export it with a standard VRM exporter.`,
      { limit: limits.maxJsonDepth },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    refuse(
      'json_invalid',
      "The avatar's JSON description is not valid UTF-8 text. The file is damaged; re-export it.",
    );
  }
  // The GLB spec pads with spaces; some old exporters padded with NULs, which are harmless.
  text = text.replace(/\0+$/, '');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message quotes the input; it helps nobody and may echo junk back.
    refuse(
      'json_invalid',
      "The avatar's JSON description is not valid JSON. The file is damaged; re-export it.",
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuse(
      'json_invalid',
      "The avatar's JSON description is not a glTF object. The file is damaged; re-export it.",
    );
  }
  return value as JsonObject;
}
