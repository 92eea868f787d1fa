import { describe, expect, it } from 'vitest';
import { CLOSE_CODES, JOIN_ERRORS } from '@shared';
import { describeFinalClose, describeJoinError } from './joinErrors';

describe('describeJoinError', () => {
  it('asks to reload on a protocol mismatch', () => {
    expect(describeJoinError(JOIN_ERRORS.protocolMismatch)).toMatchObject({
      remedy: 'reload',
      message: expect.stringMatching(/reload/i),
    });
  });

  it('offers the name form when speaking needs an account', () => {
    expect(describeJoinError(JOIN_ERRORS.signInRequired).remedy).toBe('signIn');
  });

  it.each([JOIN_ERRORS.invalidLink, JOIN_ERRORS.banned, 4212])(
    'sends the person back to the lobby on %i',
    (code) => {
      expect(describeJoinError(code).remedy).toBe('lobby');
    },
  );

  it("keeps the server's message for codes it does not know", () => {
    expect(describeJoinError(4999, 'Maintenance until 10:00')).toMatchObject({
      remedy: 'retry',
      message: 'Maintenance until 10:00',
    });
  });
});

describe('describeFinalClose', () => {
  it('does not try to reconnect after a kick', () => {
    expect(describeFinalClose(CLOSE_CODES.kicked)?.title).toMatch(/removed/);
  });

  it('tries to reconnect after an abnormal close', () => {
    expect(describeFinalClose(1006)).toBeNull();
  });
});
