import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { VrmModelRepository } from '../db';
import type { Logger } from '../observability';
import { validateVrm } from '../media/vrm';
import { catalogueMeta } from './AvatarUploads';
import { BUILTIN_KEY_PREFIX } from './avatarView';

/** The avatars that ship in assets/avatars, under fixed ids so characters can point at them. */
export const BUILTIN_AVATARS = [
  { id: '00000000-0000-4000-8000-00000000a001', file: 'kotoha.vrm', name: 'Kotoha' },
  { id: '00000000-0000-4000-8000-00000000a002', file: 'haru.vrm', name: 'Haru' },
  { id: '00000000-0000-4000-8000-00000000a003', file: 'sora.vrm', name: 'Sora' },
] as const;

/**
 * Puts the built-in avatars in the catalogue as approved, owner-less entries, refreshed from the
 * files on every boot (the generator may have rebuilt them). A missing or broken file is logged
 * and skipped: the server still starts, and /avatars/<file> simply is not offered.
 */
export async function seedBuiltinAvatars(
  repo: VrmModelRepository,
  avatarsDir: string,
  log: Logger,
): Promise<number> {
  let seeded = 0;
  for (const avatar of BUILTIN_AVATARS) {
    try {
      const bytes = new Uint8Array(await readFile(join(avatarsDir, avatar.file)));
      const contentHash = createHash('sha256').update(bytes).digest('hex');
      // Validation costs a little at every boot: only redo it when the file changed.
      if ((await repo.findById(avatar.id))?.contentHash !== contentHash) {
        const result = validateVrm(bytes);
        await repo.upsertBuiltin(avatar.id, {
          name: avatar.name,
          storageKey: `${BUILTIN_KEY_PREFIX}${avatar.file}`,
          contentHash,
          sizeBytes: bytes.byteLength,
          vrmVersion: result.vrmVersion,
          meta: catalogueMeta(result),
          lipSync: result.lipSync,
          thumbnailKey: null,
          canBePublic: true,
        });
      }
      seeded++;
    } catch (err) {
      log.warn(
        { err, file: avatar.file },
        `The built-in avatar ${avatar.file} could not be added to the catalogue.`,
      );
    }
  }
  return seeded;
}
