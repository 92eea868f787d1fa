import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '@shared';

describe('protocol', () => {
  it('exposes an integer protocol version through the @shared alias', () => {
    expect(Number.isInteger(PROTOCOL_VERSION)).toBe(true);
  });
});
