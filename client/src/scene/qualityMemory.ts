/** Where the stage remembers the quality level this device settled at. */
const KEY = 'kotodama:quality-level';

/** The part of `Storage` used here (tests pass a Map-backed one). */
export interface LevelStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The browser's localStorage, or null where it is missing or blocked (private mode, sandboxed frames). */
export function browserLevelStorage(): LevelStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * The level a weak device settled at last visit, so it starts there instead of spending its first
 * seconds at a frame rate it cannot hold (the controller still steps up when there is headroom).
 */
export function rememberedLevel(storage: LevelStorage | null): number {
  try {
    const level = Number(storage?.getItem(KEY) ?? 0);
    return Number.isInteger(level) && level >= 0 ? level : 0;
  } catch {
    return 0;
  }
}

export function rememberLevel(storage: LevelStorage | null, level: number): void {
  try {
    storage?.setItem(KEY, String(level));
  } catch {
    // Full or blocked storage: the level is simply measured again next time.
  }
}
