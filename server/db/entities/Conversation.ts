import { EntitySchema } from '@mikro-orm/core';

/** The running transcript of one room with one character. */
export class Conversation {
  id!: string;
  characterId!: string;
  roomId?: string | null;
  createdAt!: Date;
}

export const ConversationSchema = new EntitySchema<Conversation>({
  class: Conversation,
  tableName: 'conversations',
  properties: {
    id: { type: 'uuid', primary: true },
    characterId: { type: 'uuid', index: true },
    roomId: { type: 'string', length: 32, nullable: true, index: true },
    createdAt: { type: 'datetime' },
  },
});
