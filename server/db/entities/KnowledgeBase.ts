import { EntitySchema } from '@mikro-orm/core';

/** A character's knowledge base: documents chunked and embedded for retrieval. */
export class KnowledgeBase {
  id!: string;
  characterId!: string;
  name!: string;
  /** `local` (vectors in this database) or `pinecone`. */
  provider!: string;
  createdAt!: Date;
}

export const KnowledgeBaseSchema = new EntitySchema<KnowledgeBase>({
  class: KnowledgeBase,
  tableName: 'knowledge_bases',
  properties: {
    id: { type: 'uuid', primary: true },
    characterId: { type: 'uuid', index: true },
    name: { type: 'string', length: 128 },
    provider: { type: 'string', length: 16 },
    createdAt: { type: 'datetime' },
  },
});
