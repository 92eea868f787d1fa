import type { Client } from '@colyseus/core';
import {
  ERROR_CODES,
  QueueItem,
  SERVER_MESSAGES,
  type ReactMessage,
  type SayMessage,
  type TimeMessage,
  type TypingMessage,
  type VoteMessage,
} from '@shared';
import { screenLocally } from '../../moderation';
import { canEnqueue } from '../logic/waitingMessages';
import type { RoomContext } from './RoomContext';

/** `say {text}`: participants and hosts talk to the character; the line goes to chat and the queue. */
export function onSay(room: RoomContext, client: Client, { text }: SayMessage): void {
  const member = room.memberOf(client);
  if (!member) return;
  if (member.role === 'spectator') {
    return room.sendError(
      client,
      ERROR_CODES.forbidden,
      'Spectators watch and react. To talk to the character, ask the host for a participant link.',
      'say',
    );
  }
  if (member.muted)
    return room.sendError(client, ERROR_CODES.muted, 'The host has muted you; you can still react.', 'say');
  const wait = room.sayAllowed(member.userId);
  if (wait !== true)
    return room.sendError(
      client,
      ERROR_CODES.rateLimited,
      `You are sending messages quickly: wait ${Math.ceil(wait / 1000)} s.`,
      'say',
    );
  const verdict = screenLocally(text, room.deps.settings.blocklist);
  if (verdict.flagged)
    return room.sendError(
      client,
      ERROR_CODES.moderated,
      'That message was not posted: it breaks the room rules. Please rephrase it.',
      'say',
    );
  const admit = canEnqueue([...room.state.queue], member.userId, room.deps.settings.queue);
  if (!admit.ok) return room.sendError(client, ERROR_CODES.queueFull, admit.message, 'say');

  const id = room.appendChat({ kind: 'user', userId: member.userId, name: member.name, text });
  room.state.queue.push(
    new QueueItem().assign({
      id,
      userId: member.userId,
      sessionId: client.sessionId,
      name: member.name,
      text,
      at: room.deps.now(),
    }),
  );
  member.typing = false;
  room.dispatcher.dispatch();
}

/** `react {emoji}`: anyone, spectators included; broadcast, not kept. */
export function onReact(room: RoomContext, client: Client, { emoji }: ReactMessage): void {
  const member = room.memberOf(client);
  if (!member) return;
  room.broadcast(SERVER_MESSAGES.reaction, { sessionId: client.sessionId, name: member.name, emoji });
}

/** `typing {on}`: shown to others while a participant types. */
export function onTyping(room: RoomContext, client: Client, { on }: TypingMessage): void {
  const member = room.memberOf(client);
  if (!member || member.role === 'spectator' || member.muted) return;
  member.typing = on;
  if (on) room.typingTimeout(client.sessionId);
}

/** `vote {queueId}`: in hosted mode, anyone may upvote a waiting question once. */
export function onVote(
  room: RoomContext,
  client: Client,
  { queueId }: VoteMessage,
  voters: Map<string, Set<string>>,
): void {
  const member = room.memberOf(client);
  const item = room.state.queue.find((q) => q.id === queueId);
  if (!member || !item)
    return room.sendError(client, ERROR_CODES.notFound, 'That question is no longer waiting.');
  const voterId = member.userId || client.sessionId;
  const set = voters.get(queueId) ?? new Set<string>();
  if (set.has(voterId)) return;
  set.add(voterId);
  voters.set(queueId, set);
  item.votes = set.size;
}

/** `time {t0}` → `time {t0, t1}`: one clock-sync round trip. */
export function onTime(room: RoomContext, client: Client, { t0 }: TimeMessage): void {
  client.send(SERVER_MESSAGES.time, { t0, t1: room.deps.now() });
}
