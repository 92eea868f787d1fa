import type { AvatarInfo } from '../../net';

/** Where the caller's own upload stands, in plain words (null for avatars that are not theirs). */
export function ownStatusText(a: AvatarInfo): string | null {
  if (!a.mine || a.builtin) return null;
  if (a.status === 'approved') return 'Approved';
  if (a.status === 'private_only') return 'Only you can use this: its licence forbids sharing';
  return 'Waiting for review';
}

/** True while the uploader may still delete their avatar (once approved, only an admin can). */
export function ownerMayDelete(a: AvatarInfo): boolean {
  return a.mine && !a.builtin && !a.approved;
}

/** What an avatar's warnings mean, for the admin reviewing it. */
export const REVIEW_WARNINGS = {
  no_lip_sync: 'No lip-sync: its mouth will not move while it speaks.',
  no_expressions: 'No expressions: its face will not smile, frown or blink.',
  not_shareable: 'Its licence forbids sharing, so it cannot be approved.',
} as const;
