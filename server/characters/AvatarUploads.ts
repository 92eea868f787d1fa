import { createHash } from 'node:crypto';
import type { VrmModel, VrmModelRepository } from '../db';
import { HttpError } from '../http';
import type { FileStorage } from '../media/storage';
import { validateVrm, type VrmValidationResult } from '../media/vrm';
import { avatarKeys } from './avatarKeys';
import { NO_PLAN_CHECKS, type PlanChecks } from './PlanChecks';
import { vrmRefusal } from './vrmRefusal';

/** What an accepted upload became: the catalogue entry, and whether it is new. */
export interface StoredUpload {
  model: VrmModel;
  created: boolean;
}

const CONTROL = /[\u0000-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const MAX_NAME = 128;
/** Custom expression names kept in the catalogue row; a file may declare thousands. */
const MAX_CUSTOM_EXPRESSIONS = 64;

/**
 * Accepts an uploaded VRM: validates it, stores it once under its content hash (the same file
 * uploaded again reuses the stored bytes) with its thumbnail, and records it for its owner.
 */
export class AvatarUploads {
  constructor(
    private readonly repo: VrmModelRepository,
    private readonly storage: FileStorage,
    private readonly maxBytes: number,
    private readonly limits: PlanChecks = NO_PLAN_CHECKS,
  ) {}

  /** Validates and stores `bytes` for `ownerId`; throws HttpError 413/422 for refused files. */
  async store(ownerId: string, bytes: Uint8Array, name?: string): Promise<StoredUpload> {
    const requested = checkedName(name);
    let result: VrmValidationResult;
    try {
      result = validateVrm(bytes, { maxFileBytes: this.maxBytes });
    } catch (err) {
      throw vrmRefusal(err);
    }
    const hash = createHash('sha256').update(bytes).digest('hex');
    const existing = await this.repo.findOwned(ownerId, hash);
    if (existing) return { model: existing, created: false };
    await this.limits.checkUpload(ownerId, bytes.byteLength);
    const keys = avatarKeys(hash, result.thumbnail?.mimeType as 'image/png' | 'image/jpeg' | undefined);
    if (!(await this.repo.keyInUse(keys.file))) {
      await this.storage.put(keys.file, bytes, 'model/gltf-binary');
      if (keys.thumbnail && result.thumbnail)
        await this.storage.put(keys.thumbnail, result.thumbnail.bytes, result.thumbnail.mimeType);
    }
    return this.repo.create({
      ownerId,
      name: requested ?? nameFromFile(result.title),
      storageKey: keys.file,
      contentHash: hash,
      sizeBytes: bytes.byteLength,
      vrmVersion: result.vrmVersion,
      meta: catalogueMeta(result),
      lipSync: result.lipSync,
      thumbnailKey: keys.thumbnail,
      canBePublic: result.licence.canBePublic,
    });
  }
}

/** What the catalogue keeps of a validation result (everything but the thumbnail bytes). */
export function catalogueMeta(r: VrmValidationResult): Record<string, unknown> {
  return {
    title: r.title,
    author: r.author,
    bones: r.bones,
    expressions: r.expressions,
    emptyExpressions: r.emptyExpressions,
    customExpressions: r.customExpressions.slice(0, MAX_CUSTOM_EXPRESSIONS),
    licence: r.licence,
    counts: r.counts,
  };
}

function checkedName(requested: string | undefined): string | undefined {
  const name = requested?.trim();
  if (!name) return undefined;
  if (CONTROL.test(name))
    throw new HttpError(
      400,
      'invalid_name',
      'The avatar name contains invisible or control characters; please type it plainly.',
    );
  if ([...name].length > MAX_NAME)
    throw new HttpError(400, 'invalid_name', `The avatar name is too long: at most ${MAX_NAME} characters.`);
  return name;
}

/** The file's own title when it has a usable one (some exporters write the word "undefined"). */
function nameFromFile(title: string): string {
  const name = title.replace(new RegExp(CONTROL.source, 'g'), '').trim();
  return name && name !== 'undefined' ? [...name].slice(0, MAX_NAME).join('') : 'Avatar';
}
