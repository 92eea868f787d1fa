import { describe, expect, it } from 'vitest';
import { formatBytes, isVrmValidationError, VrmValidationError } from './errors';

describe('formatBytes', () => {
  it('rounds a file size up and a limit down so a refusal never reads "30 MB > 30 MB"', () => {
    const limit = 30 * 1024 * 1024;
    expect(formatBytes(limit + 1, 'up')).toBe('30.1 MB');
    expect(formatBytes(limit, 'down')).toBe('30 MB');
  });

  it('uses KB and bytes for small sizes', () => {
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(90)).toBe('90 bytes');
  });
});

describe('VrmValidationError', () => {
  it('carries a stable code, a message and details', () => {
    const error = new VrmValidationError('not_vrm', 'Not a VRM.', { hint: 'x' });
    expect([error.name, error.code, error.message, error.details]).toEqual([
      'VrmValidationError',
      'not_vrm',
      'Not a VRM.',
      { hint: 'x' },
    ]);
    expect(isVrmValidationError(error)).toBe(true);
    expect(isVrmValidationError(new Error('other'))).toBe(false);
  });
});
