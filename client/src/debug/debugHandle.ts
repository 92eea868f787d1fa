/** The values `window.kotodama` exposes with `?debug=1` (read-only; tests and the bench read them). */
export interface DebugValues {
  /** Connection status: idle, connecting, connected, reconnecting or closed. */
  status: string;
  /** This page's role in the room ('' before joining). */
  role: string;
  /** Server clock minus the page clock (ms). */
  clockOffsetMs: number;
  /** Round trip of the clock sample in use (ms), null before the first reply: the offset is within half of it. */
  clockRttMs: number | null;
  /** The expression the face shows now. */
  expression: string;
  /** Mouth weights now (0..1). */
  mouth: { A: number; I: number; U: number; E: number; O: number };
  /**
   * The sentence that started last: `turnId:seq`, its scheduled start on the server clock, that
   * start in `performance.now()` time, and the round trip of the clock sample that placed it.
   */
  lastUtterance: { id: string; startAt: number; startAtLocalMs: number; clockRttMs: number | null } | null;
  /** Rendered frames per second of the 3D stage. */
  fps: number;
}

/** The exact names of the handle's values. */
export const DEBUG_KEYS = [
  'status',
  'role',
  'clockOffsetMs',
  'clockRttMs',
  'expression',
  'mouth',
  'lastUtterance',
  'fps',
] as const satisfies readonly (keyof DebugValues)[];

/** True when the page was opened with `?debug=1`. */
export function debugEnabled(search: string = globalThis.location?.search ?? ''): boolean {
  return new URLSearchParams(search).get('debug') === '1';
}

/**
 * Installs `target.kotodama`: an object whose properties are live, read-only getters over
 * `read()` (each read returns fresh copies, so nothing outside can change the page's state).
 */
export function installDebugHandle(read: () => DebugValues, target: object = globalThis): object {
  const handle = {};
  for (const key of DEBUG_KEYS) {
    Object.defineProperty(handle, key, { enumerable: true, get: () => structuredClone(read()[key]) });
  }
  Object.freeze(handle);
  Object.defineProperty(target, 'kotodama', {
    value: handle,
    configurable: true,
    enumerable: false,
    writable: false,
  });
  return handle;
}
