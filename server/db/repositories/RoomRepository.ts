import { Room } from '../entities';
import type { Database } from '../database';

/** Rooms created over REST, and the generation of their links. */
export class RoomRepository {
  constructor(private readonly db: Database) {}

  async create(room: Omit<Room, 'linkGeneration' | 'closedAt'>): Promise<Room> {
    const em = this.db.em();
    const created = em.create(Room, { ...room, linkGeneration: 0, closedAt: null });
    await em.flush();
    return created;
  }

  async findById(id: string): Promise<Room | null> {
    return this.db.em().findOne(Room, { id });
  }

  /** Invalidates every link issued so far; returns the new generation. */
  async bumpLinkGeneration(id: string): Promise<number> {
    const em = this.db.em();
    await em
      .getConnection()
      .execute('update "rooms" set "link_generation" = "link_generation" + 1 where "id" = ?', [id]);
    const room = await em.findOneOrFail(Room, { id });
    return room.linkGeneration;
  }

  async setMode(id: string, mode: Room['mode']): Promise<void> {
    await this.db.em().nativeUpdate(Room, { id }, { mode });
  }

  async setCharacter(id: string, characterId: string): Promise<void> {
    await this.db.em().nativeUpdate(Room, { id }, { characterId });
  }

  async close(id: string, now = new Date()): Promise<void> {
    await this.db.em().nativeUpdate(Room, { id, closedAt: null }, { closedAt: now });
  }
}
