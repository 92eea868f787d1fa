import { randomUUID } from 'node:crypto';
import { User } from '../entities';
import type { Database } from '../database';

/** Accounts: guests created by name, looked up by id. */
export class UserRepository {
  constructor(private readonly db: Database) {}

  /** Creates a guest account with the given (already validated) name. */
  async createGuest(name: string, now = new Date()): Promise<User> {
    const em = this.db.em();
    const user = em.create(User, { id: randomUUID(), name, isGuest: true, createdAt: now });
    await em.persistAndFlush(user);
    return user;
  }

  async findById(id: string): Promise<User | null> {
    return this.db.em().findOne(User, { id });
  }
}
