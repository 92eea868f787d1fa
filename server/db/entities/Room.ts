import { EntitySchema } from '@mikro-orm/core';

/** A character room created over REST; the Colyseus room of the same id holds its live state. */
export class Room {
  id!: string;
  ownerId!: string;
  characterId!: string;
  conversationId!: string;
  mode!: 'open' | 'hosted';
  isPublic!: boolean;
  /** Bumped by the host's "revoke links": link tokens carry the generation they were made for. */
  linkGeneration!: number;
  createdAt!: Date;
  closedAt?: Date | null;
}

export const RoomSchema = new EntitySchema<Room>({
  class: Room,
  tableName: 'rooms',
  properties: {
    id: { type: 'string', length: 32, primary: true },
    ownerId: { type: 'uuid', index: true },
    characterId: { type: 'uuid' },
    conversationId: { type: 'uuid' },
    mode: { type: 'string', length: 16 },
    isPublic: { type: 'boolean', default: true },
    linkGeneration: { type: 'integer', default: 0 },
    createdAt: { type: 'datetime' },
    closedAt: { type: 'datetime', nullable: true },
  },
});
