import { describe, expect, it } from 'vitest';
import { ApiError, type CharacterInfo } from '../../net';
import { formatSize, tooBigReason } from './avatarUpload';
import { explainCharacterError } from './characterErrors';
import { badgesOf, blurbOf, BLURB_MAX } from './characterSummary';
import { portraitUrl } from './portraits';

const character = (over: Partial<CharacterInfo>): CharacterInfo => ({
  id: 'c1',
  name: 'Haru',
  persona: 'You are Haru. You love trains.',
  greeting: '',
  language: 'en',
  voice: { provider: 'espeak' },
  avatarId: null,
  avatarUrl: '/avatars/haru.vrm',
  visibility: 'private',
  isDefault: false,
  ownerId: 'u1',
  editable: true,
  createdAt: '',
  updatedAt: '',
  ...over,
});
const invalid = (message: string, code = 'invalid_character', status = 400) =>
  new ApiError(status, code, message);

describe('character editor errors in plain words', () => {
  it('puts a field problem next to its field, as a sentence', () => {
    expect(
      explainCharacterError(invalid('Invalid character: persona: persona needs at least 20 characters.')),
    ).toEqual({ field: 'persona', message: 'Persona needs at least 20 characters.' });
    expect(explainCharacterError(invalid('Invalid character: voice.speed: speed is at most 2.5.'))).toEqual({
      field: 'voice',
      message: 'Speed is at most 2.5.',
    });
    expect(
      explainCharacterError(
        invalid('Invalid character: avatarId: avatarId must be an avatar id from GET /api/avatars.'),
      ).field,
    ).toBe('avatar');
  });

  it('keeps other refusals whole, above the buttons or by the field they concern', () => {
    expect(explainCharacterError(invalid('Invalid character: unknown field "mood".'))).toEqual({
      field: 'form',
      message: 'Unknown field "mood".',
    });
    expect(
      explainCharacterError(
        invalid('A public character needs an avatar everyone may use.', 'avatar_not_public', 409),
      ).field,
    ).toBe('visibility');
    expect(
      explainCharacterError(invalid("Only the character's owner can change it.", 'not_owner', 403)),
    ).toEqual({ field: 'form', message: "Only the character's owner can change it." });
    expect(explainCharacterError(new TypeError('x')).field).toBe('form');
  });
});

describe('character cards', () => {
  it('badges the default, your own, and public or private characters', () => {
    expect(
      badgesOf(character({ isDefault: true, ownerId: null, visibility: 'public' }), 'u1').map((b) => b.text),
    ).toEqual(['Default']);
    expect(badgesOf(character({}), 'u1').map((b) => b.text)).toEqual(['Yours', 'Private']);
    expect(badgesOf(character({ visibility: 'public', ownerId: 'u2' }), 'u1').map((b) => b.text)).toEqual([
      'Public',
    ]);
    expect(badgesOf(character({ visibility: 'public' }), null).map((b) => b.text)).toEqual(['Public']);
  });

  it("describes a character by its greeting, else its persona's first sentence, cut short at a word", () => {
    expect(blurbOf({ greeting: 'Hi, I am Haru!', persona: 'ignored' })).toBe('Hi, I am Haru!');
    expect(blurbOf({ greeting: ' ', persona: 'You are Haru. You love trains.' })).toBe('You are Haru.');
    const long = blurbOf({ greeting: '', persona: 'word '.repeat(60) });
    expect([...long].length).toBeLessThanOrEqual(BLURB_MAX);
    expect(long).toMatch(/word…$/);
  });

  it("shows a thumbnail, a built-in's portrait, or nothing", () => {
    expect(portraitUrl('/media/avatars/x.vrm', { thumbnailUrl: '/media/avatars/x.png' })).toBe(
      '/media/avatars/x.png',
    );
    expect(portraitUrl('/avatars/kotoha.vrm')).toBe('/avatars/kotoha.png');
    expect(portraitUrl('/media/avatars/y.vrm', { thumbnailUrl: null })).toBeNull();
  });
});

describe('avatar size check before uploading', () => {
  const MB = 1024 * 1024;
  it("refuses a file over the limit, never showing it as the limit's size", () => {
    expect(tooBigReason(2 * MB + 1, 2 * MB)).toBe(
      'This file is 2.1 MB; avatars may be at most 2 MB. Reduce texture sizes in your VRM exporter and export it again.',
    );
    expect(tooBigReason(2 * MB, 2 * MB)).toBeNull();
    expect(tooBigReason(5 * MB, 0)).toBeNull();
  });

  it('writes sizes in MB with one decimal, or KB below a megabyte', () => {
    expect(formatSize(30 * MB)).toBe('30 MB');
    expect(formatSize(12.56 * MB)).toBe('12.5 MB');
    expect(formatSize(600 * 1024 + 1, 'up')).toBe('601 KB');
  });
});
