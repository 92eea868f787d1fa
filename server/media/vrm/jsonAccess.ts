/**
 * Small readers for untrusted JSON: each returns a typed value or `undefined`, never throws,
 * and never follows the prototype chain (a file may name a field "constructor" or "__proto__").
 */
import { type JsonObject } from './jsonChunk';

/** The object at `value`, or undefined when it is anything else (arrays included). */
export function asObject(value: unknown): JsonObject | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonObject)
    : undefined;
}

/** The array at `value`, or undefined. */
export function asArray(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** The string at `value`, or undefined. */
export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The boolean at `value`, or undefined. */
export function asBoolean(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** A non-negative safe integer, or undefined (rejects 1.5, -1, 1e300, "3"). */
export function asCount(value: unknown): number | undefined {
  return Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : undefined;
}

/** An own property of `object`; inherited names such as "toString" read as absent. */
export function field(object: JsonObject | undefined, key: string): unknown {
  return object !== undefined && Object.hasOwn(object, key) ? object[key] : undefined;
}

/** The array stored under `key` at the top of a glTF document, or an empty one. */
export function listOf(object: JsonObject | undefined, key: string): unknown[] {
  return asArray(field(object, key)) ?? [];
}

/** True when `value` is a valid index into a list of `length` entries. */
export function isIndex(value: unknown, length: number): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < length;
}

/** A short, safe rendering of an untrusted value for messages; never calls the value's own methods. */
export function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 20));
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : 'nothing';
}
