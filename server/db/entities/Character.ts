import { EntitySchema } from '@mikro-orm/core';

/** An AI character: who it is (persona), how it sounds (voice) and looks (avatar). */
export class Character {
  id!: string;
  /** Null for the built-in default character. */
  ownerId?: string | null;
  name!: string;
  persona!: string;
  greeting!: string;
  language!: string;
  voice!: Record<string, unknown>;
  avatarId?: string | null;
  visibility!: 'private' | 'public';
  isDefault!: boolean;
  /** The creator's own LLM / TTS API key, encrypted (see server/billing/secretBox); never sent out. */
  llmKey?: string | null;
  ttsKey?: string | null;
  createdAt!: Date;
  updatedAt!: Date;
}

export const CharacterSchema = new EntitySchema<Character>({
  class: Character,
  tableName: 'characters',
  properties: {
    id: { type: 'uuid', primary: true },
    ownerId: { type: 'uuid', nullable: true, index: true },
    name: { type: 'string', length: 64 },
    persona: { type: 'text' },
    greeting: { type: 'text' },
    language: { type: 'string', length: 8 },
    voice: { type: 'json' },
    avatarId: { type: 'uuid', nullable: true },
    visibility: { type: 'string', length: 16 },
    isDefault: { type: 'boolean', default: false },
    llmKey: { type: 'text', nullable: true, lazy: true },
    ttsKey: { type: 'text', nullable: true, lazy: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
