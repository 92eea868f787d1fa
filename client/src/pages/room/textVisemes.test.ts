import { describe, expect, it } from 'vitest';
import { textVisemes } from './textVisemes';

describe('textVisemes', () => {
  it('opens the mouth on the vowels of the sentence, spread over its duration', () => {
    const keys = textVisemes('Hello there', 2000);
    expect(
      keys
        .filter(([, , w]) => w > 0)
        .map(([, v]) => v)
        .join(''),
    ).toBe('EOEE');
    expect(keys[0][0]).toBe(0);
    expect(keys[keys.length - 1]).toEqual([2000, expect.any(String), 0]);
  });

  it('closes the mouth at pauses between words', () => {
    const keys = textVisemes('a, o', 1000);
    expect(keys.map(([, , w]) => w > 0)).toEqual([true, false, true, false]);
  });

  it('reads Japanese kana by their vowel', () => {
    expect(
      textVisemes('こんにちは', 1000)
        .filter(([, , w]) => w > 0)
        .map(([, v]) => v)
        .join(''),
    ).toBe('OIIA');
  });

  it('gives nothing for a sentence without sounds', () => {
    expect(textVisemes('...', 1000)).toEqual([]);
    expect(textVisemes('hello', 0)).toEqual([]);
  });
});
