import { describe, expect, it } from 'vitest';
import { jsonDepth } from './jsonDepth';

const depth = (text: string, stopAt = 64) => jsonDepth(new TextEncoder().encode(text), stopAt);

describe('jsonDepth', () => {
  it('measures nesting of objects and arrays', () => {
    expect(depth('{}')).toBe(1);
    expect(depth('{"a":[{"b":[1]}],"c":{}}')).toBe(4);
    expect(depth('42')).toBe(0);
  });

  it('ignores brackets inside strings, including after escaped quotes', () => {
    expect(depth('{"a":"[[[{{{"}')).toBe(1);
    expect(depth('{"a":"\\"[[[","b":"\\\\"}')).toBe(1);
  });

  it('ignores brackets inside multi-byte UTF-8 text', () => {
    expect(depth('{"名前":"「アイコ」[笑]"}')).toBe(1);
  });

  it('stops as soon as the limit is passed, on a million levels, without recursion', () => {
    const hostile = new Uint8Array(1_000_000).fill(0x5b);
    expect(jsonDepth(hostile, 64)).toBe(65);
  });
});
