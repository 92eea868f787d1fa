import { EntitySchema } from '@mikro-orm/core';

/** One chat line. Its id is fixed when the room accepts it, so a retried write never doubles it. */
export class Message {
  id!: string;
  conversationId!: string;
  kind!: 'user' | 'character' | 'system';
  userId?: string | null;
  name!: string;
  text!: string;
  createdAt!: Date;
}

export const MessageSchema = new EntitySchema<Message>({
  class: Message,
  tableName: 'messages',
  indexes: [{ properties: ['conversationId', 'createdAt'] }],
  properties: {
    id: { type: 'uuid', primary: true },
    conversationId: { type: 'uuid' },
    kind: { type: 'string', length: 16 },
    userId: { type: 'uuid', nullable: true },
    name: { type: 'string', length: 64 },
    text: { type: 'text' },
    createdAt: { type: 'datetime' },
  },
});
