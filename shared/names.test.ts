import { describe, expect, it } from 'vitest';
import { checkDisplayName, NAME_MAX_LENGTH } from './names';

describe('checkDisplayName', () => {
  it('accepts ordinary names in any script and tidies whitespace', () => {
    expect(checkDisplayName('  Aiko   Tanaka ')).toEqual({ ok: true, name: 'Aiko Tanaka' });
    expect(checkDisplayName('さくら')).toEqual({ ok: true, name: 'さくら' });
    expect(checkDisplayName('Zoë 🎤')).toEqual({ ok: true, name: 'Zoë 🎤' });
  });

  it.each([
    ['', /enter a name/],
    ['   ', /enter a name/],
    ['a\u0000b', /control/],
    ['evil\u202Eexe', /control/],
    ['zero\u200Bwidth', /control/],
    ['x'.repeat(NAME_MAX_LENGTH + 1), /too long/],
    [42, /must be text/],
    [null, /must be text/],
  ])('refuses %j', (input, reason) => {
    const result = checkDisplayName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkDisplayName('🎤'.repeat(NAME_MAX_LENGTH)).ok).toBe(true);
  });
});
