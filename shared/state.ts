import { ArraySchema, MapSchema, Schema, type } from '@colyseus/schema';

/**
 * The room's authoritative state, synced by Colyseus to every client. Everything a late joiner
 * needs to catch up is here: who is present, the recent chat, the character's face, the
 * utterance now playing and the queue of questions.
 */

/** Roles in a room. They come from signed tokens, never from what a client claims. */
export const ROLES = ['host', 'participant', 'spectator'] as const;
export type Role = (typeof ROLES)[number];

/** `open`: any participant talks to the character; `hosted`: the host picks which question it answers. */
export const ROOM_MODES = ['open', 'hosted'] as const;
export type RoomMode = (typeof ROOM_MODES)[number];

/** Longest chat backlog kept in state; older lines live in the database. */
export const CHAT_STATE_LIMIT = 200;

/** A person in the room (keyed by session id in `members`). */
export class Member extends Schema {
  @type('string') userId = '';
  @type('string') name = '';
  @type('string') role: Role = 'spectator';
  @type('boolean') connected = true;
  @type('boolean') muted = false;
  @type('boolean') typing = false;
}

/** One line of chat. `id` is stable, so a client can merge the instant `chat` message with state. */
export class ChatLine extends Schema {
  @type('string') id = '';
  @type('string') kind: 'user' | 'character' | 'system' = 'user';
  @type('string') userId = '';
  @type('string') name = '';
  @type('string') text = '';
  /** Server time (ms since the epoch) the line was accepted. */
  @type('number') at = 0;
}

/** The character on stage and what its face is doing. */
export class CharacterState extends Schema {
  @type('string') id = '';
  @type('string') name = '';
  @type('string') avatarUrl = '';
  @type('string') expression = 'neutral';
  @type('boolean') speaking = false;
  /** Session id of the person the character is addressing ('' = the room at large). */
  @type('string') lookAt = '';
  /** True when the character answers through the offline persona engine (no real LLM). */
  @type('boolean') offline = false;
}

/** The utterance playing now, so a late joiner can start it mid-sentence. Empty turnId = silence. */
export class Speech extends Schema {
  @type('string') turnId = '';
  @type('number') seq = 0;
  @type('string') text = '';
  @type('string') expression = 'neutral';
  @type('string') gesture = '';
  @type('string') audioUrl = '';
  @type('number') durationMs = 0;
  /** Server time (ms) the utterance starts; clients convert it with their clock offset. */
  @type('number') startAt = 0;
  /** The viseme track as JSON (`[[tMs, viseme, weight], …]`): one string, decoded only by late joiners. */
  @type('string') visemes = '[]';
}

/** A message waiting for the character, as plain data (the room's queue logic and the client's views use it). */
export interface QueueEntry {
  id: string;
  userId: string;
  sessionId: string;
  name: string;
  text: string;
  at: number;
  votes: number;
  picked: boolean;
}

/** A message waiting for the character. */
export class QueueItem extends Schema implements QueueEntry {
  @type('string') id = '';
  @type('string') userId = '';
  @type('string') sessionId = '';
  @type('string') name = '';
  @type('string') text = '';
  @type('number') at = 0;
  /** Hosted mode: spectators' upvotes help the host choose. */
  @type('number') votes = 0;
  /** Hosted mode: the host chose this question; it is answered next. */
  @type('boolean') picked = false;
}

/** The whole room. */
export class RoomState extends Schema {
  @type({ map: Member }) members = new MapSchema<Member>();
  @type([ChatLine]) chat = new ArraySchema<ChatLine>();
  @type(CharacterState) character = new CharacterState();
  @type(Speech) speech = new Speech();
  @type([QueueItem]) queue = new ArraySchema<QueueItem>();
  @type('string') mode: RoomMode = 'open';
  @type('boolean') paused = false;
  /** Turn the character is working on ('' = idle). */
  @type('string') activeTurnId = '';
}
