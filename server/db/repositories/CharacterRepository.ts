import { randomUUID } from 'node:crypto';
import { isUuid } from './isUuid';
import { Character } from '../entities';
import type { Database } from '../database';

/** What a new character needs; ids and timestamps are filled in. */
export type NewCharacter = Omit<Character, 'id' | 'createdAt' | 'updatedAt' | 'isDefault'>;

/** Characters: the built-in default, the caller's own, and public ones. */
export class CharacterRepository {
  constructor(private readonly db: Database) {}

  async create(data: NewCharacter, now = new Date()): Promise<Character> {
    const em = this.db.em();
    const character = em.create(Character, {
      ...data,
      id: randomUUID(),
      isDefault: false,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    return character;
  }

  /** How many characters `ownerId` has made (for plan limits). */
  async countOwnedBy(ownerId: string): Promise<number> {
    return this.db.em().count(Character, { ownerId, isDefault: false });
  }

  async findById(id: string): Promise<Character | null> {
    if (!isUuid(id)) return null;
    return this.db.em().findOne(Character, { id });
  }

  /** Characters `userId` may use: the default, public ones and their own. */
  async listUsableBy(userId: string | null): Promise<Character[]> {
    const or: object[] = [{ isDefault: true }, { visibility: 'public' }];
    if (userId) or.push({ ownerId: userId });
    return this.db.em().find(Character, { $or: or }, { orderBy: { isDefault: 'desc', createdAt: 'asc' } });
  }

  /** The built-in character, created from `make()` on first use. */
  async ensureDefault(make: () => NewCharacter, now = new Date()): Promise<Character> {
    const em = this.db.em();
    const existing = await em.findOne(Character, { isDefault: true });
    if (existing) return existing;
    const created = em.create(Character, {
      ...make(),
      id: randomUUID(),
      isDefault: true,
      createdAt: now,
      updatedAt: now,
    });
    await em.flush();
    return created;
  }

  async update(id: string, patch: Partial<NewCharacter>, now = new Date()): Promise<Character | null> {
    if (!isUuid(id)) return null;
    const em = this.db.em();
    const character = await em.findOne(Character, { id });
    if (!character) return null;
    em.assign(character, { ...patch, updatedAt: now });
    await em.flush();
    return character;
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.db.em().nativeDelete(Character, { id, isDefault: false })) === 1;
  }
}
