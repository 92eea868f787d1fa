import type { ChatMessage } from '@shared';

/** A chat line as the UI shows it, whether it came as an instant `chat` message or from state. */
export interface ChatEntry {
  id: string;
  kind: 'user' | 'character' | 'system';
  userId: string;
  name: string;
  text: string;
  /** Server time (ms since the epoch) the line was accepted. */
  at: number;
}

/** How many lines the client keeps (state holds 200; the client may keep a little more history). */
export const CHAT_CLIENT_LIMIT = 300;

/**
 * Merges chat lines from the two sources by id: the instant `chat` message (shown at once) and the
 * state's bounded `chat` list (a patch later, and the backlog for late joiners). A line is never
 * shown twice, lines that scrolled out of state stay, and the order is by server time.
 */
export class ChatLog {
  private readonly byId = new Map<string, ChatEntry>();
  private cache: ChatEntry[] | null = [];

  constructor(private readonly limit = CHAT_CLIENT_LIMIT) {}

  /** Adds (or refreshes) one line; returns true when the log changed. */
  add(line: ChatMessage | ChatEntry): boolean {
    const prev = this.byId.get(line.id);
    if (prev && sameLine(prev, line)) return false;
    this.byId.set(line.id, toEntry(line));
    this.cache = null;
    this.trim();
    return true;
  }

  /** Adds every line of the state's list; returns true when the log changed. */
  sync(lines: Iterable<ChatMessage | ChatEntry>): boolean {
    let changed = false;
    for (const line of lines) changed = this.add(line) || changed;
    return changed;
  }

  /** Lines in server-time order (stable for equal times: by id). The array is reused until a change. */
  lines(): readonly ChatEntry[] {
    if (!this.cache) this.cache = [...this.byId.values()].sort(byTime);
    return this.cache;
  }

  get size(): number {
    return this.byId.size;
  }

  private trim(): void {
    if (this.byId.size <= this.limit) return;
    const sorted = [...this.byId.values()].sort(byTime);
    for (const old of sorted.slice(0, sorted.length - this.limit)) this.byId.delete(old.id);
  }
}

function toEntry(l: ChatMessage | ChatEntry): ChatEntry {
  return { id: l.id, kind: l.kind, userId: l.userId, name: l.name, text: l.text, at: l.at };
}

function sameLine(a: ChatEntry, b: ChatEntry): boolean {
  return (
    a.kind === b.kind && a.name === b.name && a.text === b.text && a.at === b.at && a.userId === b.userId
  );
}

function byTime(a: ChatEntry, b: ChatEntry): number {
  return a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
