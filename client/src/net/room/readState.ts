import type { Role, RoomMode } from '@shared';
import type { ChatEntry } from './chatLog';
import type { CharacterView, MemberView, QueueItemView, SpeechView } from './roomView';

/** The room state as decoded by colyseus.js (Schema instances; read as plain records). */
export interface RawState {
  members?: { forEach(cb: (m: Record<string, unknown>, key: string) => void): void };
  chat?: Iterable<Record<string, unknown>>;
  character?: Record<string, unknown>;
  speech?: Record<string, unknown>;
  queue?: Iterable<Record<string, unknown>>;
  mode?: string;
  paused?: boolean;
  activeTurnId?: string;
}

const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const bool = (v: unknown): boolean => v === true;

/** The plain parts of the state the UI uses (members sorted: hosts, participants, spectators; then by name). */
export function readState(s: RawState): {
  members: MemberView[];
  chat: ChatEntry[];
  character: CharacterView;
  speech: SpeechView;
  queue: QueueItemView[];
  mode: RoomMode;
  paused: boolean;
  activeTurnId: string;
} {
  const members: MemberView[] = [];
  s.members?.forEach((m, sessionId) =>
    members.push({
      sessionId,
      userId: str(m.userId),
      name: str(m.name),
      role: str(m.role, 'spectator') as Role,
      connected: m.connected !== false,
      muted: bool(m.muted),
      typing: bool(m.typing),
    }),
  );
  members.sort(byRoleThenName);
  const chat = [...(s.chat ?? [])].map((c): ChatEntry => ({
    id: str(c.id),
    kind: str(c.kind, 'user') as ChatEntry['kind'],
    userId: str(c.userId),
    name: str(c.name),
    text: str(c.text),
    at: num(c.at),
  }));
  const queue = [...(s.queue ?? [])].map((q): QueueItemView => ({
    id: str(q.id),
    userId: str(q.userId),
    sessionId: str(q.sessionId),
    name: str(q.name),
    text: str(q.text),
    at: num(q.at),
    votes: num(q.votes),
    picked: bool(q.picked),
  }));
  return {
    members,
    chat,
    character: readCharacter(s.character ?? {}),
    speech: readSpeech(s.speech ?? {}),
    queue,
    mode: s.mode === 'hosted' ? 'hosted' : 'open',
    paused: bool(s.paused),
    activeTurnId: str(s.activeTurnId),
  };
}

function readCharacter(c: Record<string, unknown>): CharacterView {
  return {
    id: str(c.id),
    name: str(c.name),
    avatarUrl: str(c.avatarUrl),
    expression: str(c.expression, 'neutral'),
    speaking: bool(c.speaking),
    lookAt: str(c.lookAt),
    offline: bool(c.offline),
  };
}

function readSpeech(p: Record<string, unknown>): SpeechView {
  return {
    turnId: str(p.turnId),
    seq: num(p.seq),
    text: str(p.text),
    expression: str(p.expression, 'neutral'),
    gesture: str(p.gesture),
    audioUrl: str(p.audioUrl),
    durationMs: num(p.durationMs),
    startAt: num(p.startAt),
    visemes: str(p.visemes, '[]'),
  };
}

const ROLE_ORDER: Record<string, number> = { host: 0, participant: 1, spectator: 2 };

function byRoleThenName(a: MemberView, b: MemberView): number {
  return (
    (ROLE_ORDER[a.role] ?? 3) - (ROLE_ORDER[b.role] ?? 3) ||
    a.name.localeCompare(b.name) ||
    a.sessionId.localeCompare(b.sessionId)
  );
}
