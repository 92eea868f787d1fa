import type { AvatarLicence, AvatarListing, AvatarStatus, AvatarWarning } from '@shared';
import type { VrmModel } from '../db';

export type { AvatarStatus, AvatarWarning };

/** An avatar as the API shows it: the listing plus what the file holds and its raw licence meta. */
export interface AvatarView extends Omit<AvatarListing, 'licence'> {
  licence: AvatarLicence & { meta: Record<string, unknown> };
  bones: string[];
  expressions: string[];
  createdAt: string;
}

/** Key prefix marking the avatars that ship in assets/avatars (served at /avatars/<file>). */
export const BUILTIN_KEY_PREFIX = 'builtin/';

/** True for the avatars that ship with Kotodama. */
export function isBuiltin(model: VrmModel): boolean {
  return !model.ownerId && model.storageKey.startsWith(BUILTIN_KEY_PREFIX);
}

/** Builds the API view; `urlOf` turns a storage key into a URL. */
export function toAvatarView(
  model: VrmModel,
  viewerId: string | null,
  urlOf: (key: string) => string,
): AvatarView {
  const meta = model.meta as {
    title?: string;
    author?: string;
    bones?: string[];
    expressions?: string[];
    licence?: Record<string, unknown>;
  };
  const licence = meta.licence ?? {};
  const builtin = isBuiltin(model);
  return {
    id: model.id,
    name: model.name,
    url: builtin ? `/avatars/${model.storageKey.slice(BUILTIN_KEY_PREFIX.length)}` : urlOf(model.storageKey),
    thumbnailUrl: model.thumbnailKey ? urlOf(model.thumbnailKey) : null,
    vrmVersion: model.vrmVersion,
    lipSync: model.lipSync,
    approved: model.approved,
    canBePublic: model.canBePublic,
    status: builtin
      ? 'builtin'
      : model.approved
        ? 'approved'
        : model.canBePublic
          ? 'pending'
          : 'private_only',
    builtin,
    mine: !!viewerId && model.ownerId === viewerId,
    licence: {
      canBePublic: model.canBePublic,
      ...(typeof licence.reason === 'string' ? { reason: licence.reason } : {}),
      creditRequired: licence.creditRequired === true,
      title: meta.title ?? '',
      author: meta.author ?? '',
      meta: (licence.meta as Record<string, unknown> | undefined) ?? {},
    },
    bones: meta.bones ?? [],
    expressions: meta.expressions ?? [],
    sizeBytes: model.sizeBytes,
    createdAt: new Date(model.createdAt).toISOString(),
    warnings: warningsOf(model, meta.expressions ?? []),
  };
}

function warningsOf(model: VrmModel, expressions: string[]): AvatarWarning[] {
  const warnings: AvatarWarning[] = [];
  if (!model.lipSync) warnings.push('no_lip_sync');
  if (expressions.length === 0) warnings.push('no_expressions');
  if (!model.canBePublic) warnings.push('not_shareable');
  return warnings;
}
