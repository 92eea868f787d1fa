import { randomUUID } from 'node:crypto';
import { Conversation, Message } from '../entities';
import type { Database } from '../database';

/** A chat line as the room keeps it; `id` is fixed at acceptance so retries are idempotent. */
export interface ChatRecord {
  id: string;
  conversationId: string;
  kind: 'user' | 'character' | 'system';
  userId?: string | null;
  name: string;
  text: string;
  createdAt: Date;
}

/** Conversations and their messages. */
export class ConversationRepository {
  constructor(private readonly db: Database) {}

  async create(characterId: string, roomId: string | null, now = new Date()): Promise<Conversation> {
    const em = this.db.em();
    const conversation = em.create(Conversation, { id: randomUUID(), characterId, roomId, createdAt: now });
    await em.flush();
    return conversation;
  }

  /** Writes a batch of chat lines; lines already written (same id) are skipped, so a retry never doubles them. */
  async appendMessages(lines: readonly ChatRecord[]): Promise<void> {
    if (lines.length === 0) return;
    const rows = lines.map((l) => ({ ...l, userId: l.userId ?? null }));
    await this.db.em().createQueryBuilder(Message).insert(rows).onConflict('id').ignore().execute();
  }

  /** The last `limit` lines of a conversation, oldest first. */
  async recentMessages(conversationId: string, limit = 200): Promise<Message[]> {
    const newestFirst = await this.db
      .em()
      .find(Message, { conversationId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
    return newestFirst.reverse();
  }

  async countMessages(conversationId: string): Promise<number> {
    return this.db.em().count(Message, { conversationId });
  }
}
