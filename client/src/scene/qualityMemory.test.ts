import { describe, expect, it } from 'vitest';
import { rememberedLevel, rememberLevel, type LevelStorage } from './qualityMemory';

const mapStorage = (): LevelStorage & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, v);
    },
  };
};

describe('quality memory', () => {
  it('remembers the level a device settled at for its next visit', () => {
    const storage = mapStorage();
    expect(rememberedLevel(storage)).toBe(0);
    rememberLevel(storage, 4);
    expect(rememberedLevel(storage)).toBe(4);
  });

  it('starts at full quality when storage is missing, blocked or holds junk', () => {
    expect(rememberedLevel(null)).toBe(0);
    const blocked: LevelStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceeded');
      },
    };
    expect(rememberedLevel(blocked)).toBe(0);
    expect(() => rememberLevel(blocked, 2)).not.toThrow();
    const junk = mapStorage();
    junk.map.set('kotodama:quality-level', 'fast please');
    expect(rememberedLevel(junk)).toBe(0);
  });
});
