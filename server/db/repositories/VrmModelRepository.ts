import { randomUUID } from 'node:crypto';
import { isUuid } from './isUuid';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { VrmModel } from '../entities';
import type { Database } from '../database';

/** What a new catalogue entry needs; the id, approval and timestamp are filled in. */
export type NewVrmModel = Omit<VrmModel, 'id' | 'createdAt' | 'approved'>;

/** The avatar catalogue: built-ins (no owner), uploads, and which of them an admin approved. */
export class VrmModelRepository {
  constructor(private readonly db: Database) {}

  /**
   * Records an upload. The same owner uploading the same file again gets the existing entry
   * (`created: false`), even when both uploads race.
   */
  async create(data: NewVrmModel, now = new Date()): Promise<{ model: VrmModel; created: boolean }> {
    if (data.ownerId) {
      const existing = await this.findOwned(data.ownerId, data.contentHash);
      if (existing) return { model: existing, created: false };
    }
    const em = this.db.em();
    const model = em.create(VrmModel, { ...data, id: randomUUID(), approved: false, createdAt: now });
    try {
      await em.flush();
      return { model, created: true };
    } catch (err) {
      const existing =
        err instanceof UniqueConstraintViolationException && data.ownerId
          ? await this.findOwned(data.ownerId, data.contentHash)
          : null;
      if (existing) return { model: existing, created: false };
      throw err;
    }
  }

  /** An entry by id; null for unknown ids and for strings that are not ids at all. */
  /** How many uploads `ownerId` has and their total size (for plan limits). */
  async usageOf(ownerId: string): Promise<{ count: number; bytes: number }> {
    const [row] = await this.db
      .em()
      .getConnection()
      .execute<{ count: string; bytes: string | null }[]>(
        'select count(*) as "count", sum("size_bytes") as "bytes" from "vrm_models" where "owner_id" = ?',
        [ownerId],
      );
    return { count: Number(row?.count ?? 0), bytes: Number(row?.bytes ?? 0) };
  }

  async findById(id: string): Promise<VrmModel | null> {
    if (!isUuid(id)) return null;
    return this.db.em().findOne(VrmModel, { id });
  }

  /** The owner's entry for a file, if they uploaded it before. */
  async findOwned(ownerId: string, contentHash: string): Promise<VrmModel | null> {
    return this.db.em().findOne(VrmModel, { ownerId, contentHash });
  }

  /** True while any entry (anyone's) still points at this stored file. */
  async keyInUse(storageKey: string): Promise<boolean> {
    return (await this.db.em().count(VrmModel, { storageKey })) > 0;
  }

  /** What `userId` may put on a character: approved entries (built-ins included) and their own; built-ins first. */
  async listUsableBy(userId: string | null): Promise<VrmModel[]> {
    const or: object[] = [{ approved: true }];
    if (userId) or.push({ ownerId: userId });
    const found = await this.db
      .em()
      .find(VrmModel, { $or: or }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return [...found.filter((m) => !m.ownerId), ...found.filter((m) => m.ownerId)];
  }

  /** Uploads waiting for an admin, oldest first. */
  async listPending(): Promise<VrmModel[]> {
    return this.db.em().find(VrmModel, { approved: false }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** Approves an entry whose licence allows it; false when there is none or the licence forbids it. */
  async approve(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.db.em().nativeUpdate(VrmModel, { id, canBePublic: true }, { approved: true })) === 1;
  }

  async delete(id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    return (await this.db.em().nativeDelete(VrmModel, { id })) === 1;
  }

  /** Creates or refreshes a built-in entry under a fixed id (approved, no owner); safe when two processes boot at once. */
  async upsertBuiltin(id: string, data: Omit<NewVrmModel, 'ownerId'>, now = new Date()): Promise<VrmModel> {
    const em = this.db.em();
    const existing = await em.findOne(VrmModel, { id });
    const model = existing
      ? Object.assign(existing, data, { ownerId: null, approved: true })
      : em.create(VrmModel, { ...data, id, ownerId: null, approved: true, createdAt: now });
    try {
      await em.flush();
      return model;
    } catch (err) {
      const winner = err instanceof UniqueConstraintViolationException ? await this.findById(id) : null;
      if (winner) return winner;
      throw err;
    }
  }
}
