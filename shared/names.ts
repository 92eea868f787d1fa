/** Display names: what a person may be called in a room. */

export const NAME_MAX_LENGTH = 32;

/** Why a name was refused, in words a person can act on. */
export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

// Control, format (bidi overrides, zero-width) and private-use characters can spoof or hide text.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/u;

/** Normalises (NFC, trimmed, inner whitespace collapsed) and checks a display name. */
export function checkDisplayName(input: unknown): NameCheck {
  if (typeof input !== 'string') return { ok: false, reason: 'The name must be text.' };
  const name = input.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (name.length === 0) return { ok: false, reason: 'Please enter a name.' };
  if (FORBIDDEN.test(name))
    return {
      ok: false,
      reason: 'The name contains invisible or control characters; please type it plainly.',
    };
  if ([...name].length > NAME_MAX_LENGTH)
    return { ok: false, reason: `The name is too long: at most ${NAME_MAX_LENGTH} characters.` };
  return { ok: true, name };
}
