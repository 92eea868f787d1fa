import { EntitySchema } from '@mikro-orm/core';

/** An avatar file in the catalogue: usable by its owner at once, public only once approved. */
export class VrmModel {
  id!: string;
  ownerId?: string | null;
  name!: string;
  /** Where the file lives in storage (disk path or bucket key), named by its content hash. */
  storageKey!: string;
  contentHash!: string;
  sizeBytes!: number;
  vrmVersion!: string;
  /** What validation found: bones, expressions, licence, counts. */
  meta!: Record<string, unknown>;
  lipSync!: boolean;
  thumbnailKey?: string | null;
  approved!: boolean;
  /** False when the licence forbids redistribution or use by others. */
  canBePublic!: boolean;
  createdAt!: Date;
}

export const VrmModelSchema = new EntitySchema<VrmModel>({
  class: VrmModel,
  tableName: 'vrm_models',
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid', nullable: true, index: true },
    name: { type: 'string', length: 128 },
    storageKey: { type: 'string', length: 255 },
    contentHash: { type: 'string', length: 64, index: true },
    sizeBytes: { type: 'integer' },
    vrmVersion: { type: 'string', length: 8 },
    meta: { type: 'json' },
    lipSync: { type: 'boolean' },
    thumbnailKey: { type: 'string', length: 255, nullable: true },
    approved: { type: 'boolean', default: false },
    canBePublic: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
  },
});
