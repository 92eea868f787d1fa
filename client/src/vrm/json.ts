/** Defensive readers for the JSON of VRM extensions (files come from users: any field may be missing or wrong). */
export type JsonObject = Record<string, unknown>;

/** The value as an object, or an empty one. */
export const obj = (v: unknown): JsonObject =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {};

/** The value as an array, or an empty one. */
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A finite number, else the default. */
export const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

/** A non-negative integer index, else null. */
export const index = (v: unknown): number | null =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;

/** A string, else the default. */
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' ? v : fallback);

/** A boolean, else the default. */
export const bool = (v: unknown, fallback = false): boolean => (typeof v === 'boolean' ? v : fallback);

/** Strings of an array (others dropped). */
export const strings = (v: unknown): string[] => arr(v).filter((s): s is string => typeof s === 'string');

/** `[x, y, z]` from an array of numbers, else the default. */
export function vec3Array(v: unknown, fallback: [number, number, number]): [number, number, number] {
  const a = arr(v);
  return [num(a[0], fallback[0]), num(a[1], fallback[1]), num(a[2], fallback[2])];
}

/** `[x, y, z]` from VRM 0.x's `{ x, y, z }` objects, else the default. */
export function vec3Object(v: unknown, fallback: [number, number, number]): [number, number, number] {
  const o = obj(v);
  return [num(o.x, fallback[0]), num(o.y, fallback[1]), num(o.z, fallback[2])];
}
