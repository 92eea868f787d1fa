import type { Client } from '@colyseus/core';
import type { ErrorCode, Member } from '@shared';
import type { AgentOutput } from '../AgentOutput';
import type { RoomHost } from '../RoomHost';
import type { TurnDispatcher } from '../TurnDispatcher';

/** What message handlers may use of the room. */
export interface RoomContext extends RoomHost {
  readonly dispatcher: TurnDispatcher;
  readonly output: AgentOutput;
  readonly banned: Set<string>;
  readonly promoted: Set<string>;
  readonly ejected: Set<string>;
  readonly clients: Iterable<Client>;
  memberOf(client: Client): Member | undefined;
  sendError(client: Client, code: ErrorCode, message: string, about?: 'say'): void;
  /** One person's chat rate limit: true when they may speak now, else the wait in ms. */
  sayAllowed(userId: string): true | number;
  /** Makes sure the typing flag is cleared if the client never says it stopped. */
  typingTimeout(sessionId: string): void;
  /** Persists and announces new link tokens to the host. */
  revokeLinks(client: Client): Promise<void>;
  /** Puts another character on stage. */
  switchCharacter(client: Client, characterId: string): Promise<void>;
}
