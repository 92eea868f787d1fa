import type { Clock } from '@colyseus/core';
import type { RoomState } from '@shared';
import type { RoomDeps } from './RoomDeps';
import type { StagedCharacter } from './CharacterCatalog';
import type { TurnTrace } from './TurnTrace';

/** A chat line before the room gives it an id and a time. */
export interface NewChatLine {
  kind: 'user' | 'character' | 'system';
  userId: string;
  name: string;
  text: string;
}

/** What the room's collaborators (agent output, dispatcher, handlers) may use of the room. */
export interface RoomHost {
  readonly roomId: string;
  readonly state: RoomState;
  readonly deps: RoomDeps;
  readonly clock: Clock;
  /** The character on stage (profile for the agent, avatar for clients). */
  readonly staged: StagedCharacter;
  /** The room's record: who owns (hosts) it, whose plan applies. */
  readonly record: { ownerId: string };
  broadcast(type: string, payload: unknown): void;
  /** Appends a line to state and database, and sends it to every client at once; returns its id. */
  appendChat(line: NewChatLine): string;
  /** The active turn showed a sign of life (resets its watchdog). */
  turnProgressed(): void;
  /** The active turn's trace and reply timings, if a turn is active. */
  activeTrace(): TurnTrace | undefined;
  /** The active turn is over (done, failed or given up): answer the next message. */
  turnFinished(turnId: string): void;
}
