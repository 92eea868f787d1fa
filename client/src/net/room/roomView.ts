import type { QueueEntry, Role, RoomMode } from '@shared';
import type { ChatEntry } from './chatLog';
import type { ConnectionState } from './RoomConnection';

/** A person in the room. */
export interface MemberView {
  sessionId: string;
  userId: string;
  name: string;
  role: Role;
  connected: boolean;
  muted: boolean;
  typing: boolean;
}

/** The character on stage. */
export interface CharacterView {
  id: string;
  name: string;
  avatarUrl: string;
  expression: string;
  speaking: boolean;
  lookAt: string;
  offline: boolean;
}

/** The sentence playing now (state `speech`, for late joiners). Empty turnId = silence. */
export interface SpeechView {
  turnId: string;
  seq: number;
  text: string;
  expression: string;
  gesture: string;
  audioUrl: string;
  durationMs: number;
  startAt: number;
  visemes: string;
}

/** A question waiting for the character. */
export type QueueItemView = QueueEntry;

/** Everything the room page shows, as one immutable snapshot. */
export interface RoomView {
  connection: ConnectionState;
  sessionId: string;
  /** This page's member entry (null before the state arrives). */
  me: MemberView | null;
  members: readonly MemberView[];
  chat: readonly ChatEntry[];
  character: CharacterView;
  speech: SpeechView;
  queue: readonly QueueItemView[];
  mode: RoomMode;
  paused: boolean;
  activeTurnId: string;
  /** The reply text streamed so far for the active turn (subtitle messages). */
  subtitle: { turnId: string; text: string } | null;
  /** Round trip of the best clock sample (ms), null before the first. */
  latencyMs: number | null;
  /** Page links (owner, or after the host revoked links). */
  links: { participant: string; spectator: string } | null;
  /** The last error the server sent this page. */
  lastError: { code: string; message: string; at: number; about?: 'say' } | null;
}

/** An empty character, before the state arrives. */
export const EMPTY_CHARACTER: CharacterView = {
  id: '',
  name: '',
  avatarUrl: '',
  expression: 'neutral',
  speaking: false,
  lookAt: '',
  offline: false,
};

/** Silence. */
export const EMPTY_SPEECH: SpeechView = {
  turnId: '',
  seq: 0,
  text: '',
  expression: 'neutral',
  gesture: '',
  audioUrl: '',
  durationMs: 0,
  startAt: 0,
  visemes: '[]',
};

/** The view before joining. */
export function initialRoomView(): RoomView {
  return {
    connection: { status: 'idle', problem: null },
    sessionId: '',
    me: null,
    members: [],
    chat: [],
    character: EMPTY_CHARACTER,
    speech: EMPTY_SPEECH,
    queue: [],
    mode: 'open',
    paused: false,
    activeTurnId: '',
    subtitle: null,
    latencyMs: null,
    links: null,
    lastError: null,
  };
}
