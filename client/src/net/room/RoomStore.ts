import type { ChatMessage, ErrorMessage, LinksMessage, SubtitleMessage } from '@shared';
import { ChatLog } from './chatLog';
import type { ConnectionState } from './RoomConnection';
import { readState, type RawState } from './readState';
import { initialRoomView, type RoomView } from './roomView';

type Listener = (view: RoomView, previous: RoomView) => void;

/**
 * The room as the UI sees it: one immutable snapshot, replaced on every change, with parts that
 * did not change kept by reference (so views can skip redraws with `===`). Chat merges the
 * instant `chat` messages with the state's list by id.
 */
export class RoomStore {
  private current: RoomView = initialRoomView();
  private readonly chatLog = new ChatLog();
  private readonly listeners = new Set<Listener>();

  /** The latest snapshot. */
  get view(): RoomView {
    return this.current;
  }

  /** Calls `fn(view, previous)` after each change; returns an unsubscribe function. */
  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Takes a decoded state (after a patch). */
  applyState(raw: RawState, sessionId: string): void {
    const s = readState(raw);
    const prev = this.current;
    this.chatLog.sync(s.chat);
    const members = keep(prev.members, s.members);
    const subtitle = prev.subtitle && s.activeTurnId === prev.subtitle.turnId ? prev.subtitle : null;
    this.set({
      sessionId,
      members,
      me: members.find((m) => m.sessionId === sessionId) ?? null,
      chat: this.chatLog.lines(),
      character: keep(prev.character, s.character),
      speech: keep(prev.speech, s.speech),
      queue: keep(prev.queue, s.queue),
      mode: s.mode,
      paused: s.paused,
      activeTurnId: s.activeTurnId,
      subtitle,
    });
  }

  /** An instant `chat` message: shown before the state patch brings the same line. */
  addChat(line: ChatMessage): void {
    if (this.chatLog.add(line)) this.set({ chat: this.chatLog.lines() });
  }

  /** A `subtitle` message: the reply text so far (accepts deltas or the whole text so far). */
  addSubtitle(msg: SubtitleMessage): void {
    const prev = this.current.subtitle;
    const before = prev && prev.turnId === msg.turnId ? prev.text : '';
    const text = msg.text.startsWith(before) ? msg.text : before + msg.text;
    this.set({ subtitle: { turnId: msg.turnId, text } });
  }

  setConnection(connection: ConnectionState): void {
    this.set({ connection });
  }

  setLatency(latencyMs: number | null): void {
    if (
      latencyMs !== null &&
      this.current.latencyMs !== null &&
      Math.abs(latencyMs - this.current.latencyMs) < 1
    )
      return;
    this.set({ latencyMs });
  }

  setLinks(links: LinksMessage | null): void {
    this.set({ links });
  }

  setError(error: ErrorMessage, at = Date.now()): void {
    this.set({
      lastError: {
        code: error.code,
        message: error.message,
        at,
        ...(error.about ? { about: error.about } : {}),
      },
    });
  }

  private set(patch: Partial<RoomView>): void {
    const previous = this.current;
    this.current = { ...previous, ...patch };
    for (const fn of this.listeners) fn(this.current, previous);
  }
}

/** The previous value when it is equal in content, so unchanged parts keep their identity. */
function keep<T>(prev: T, next: T): T {
  return JSON.stringify(prev) === JSON.stringify(next) ? prev : next;
}
