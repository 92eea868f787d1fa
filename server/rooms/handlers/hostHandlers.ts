import type { Client } from '@colyseus/core';
import { CLOSE_CODES, ERROR_CODES, SERVER_MESSAGES, type HostMessage } from '@shared';
import type { RoomContext } from './RoomContext';

type Action<A extends HostMessage['action']> = Extract<HostMessage, { action: A }>;

/** `host {action, …}`: only hosts; anyone else gets `forbidden` and nothing changes. */
export async function onHost(room: RoomContext, client: Client, message: HostMessage): Promise<void> {
  if (room.memberOf(client)?.role !== 'host') {
    return room.sendError(client, ERROR_CODES.forbidden, 'Only the host can do that.');
  }
  switch (message.action) {
    case 'interrupt':
      return interrupt(room);
    case 'pause':
      room.state.paused = true;
      return;
    case 'resume':
      room.state.paused = false;
      return room.dispatcher.dispatch();
    case 'mute':
      return mute(room, client, message);
    case 'kick':
      return kick(room, client, message);
    case 'mode':
      return setMode(room, message);
    case 'pick':
      return pick(room, client, message);
    case 'dismiss':
      return dismiss(room, client, message);
    case 'promote':
      return promote(room, client, message);
    case 'revokeLinks':
      return room.revokeLinks(client);
    case 'character':
      return room.switchCharacter(client, message.characterId);
  }
}

/** Stops the character at once: cancels the turn, clears the schedule, tells every client. */
function interrupt(room: RoomContext): void {
  const turnId = room.dispatcher.cancel();
  room.output.stop();
  if (turnId) room.broadcast(SERVER_MESSAGES.interrupt, { turnId });
  room.dispatcher.dispatch();
}

function mute(room: RoomContext, client: Client, { sessionId, muted }: Action<'mute'>): void {
  const target = room.state.members.get(sessionId);
  if (!target) return room.sendError(client, ERROR_CODES.notFound, 'That person is no longer in the room.');
  if (target.role === 'host') return room.sendError(client, ERROR_CODES.forbidden, 'Hosts cannot be muted.');
  target.muted = muted ?? !target.muted;
  if (target.muted) target.typing = false;
}

function kick(room: RoomContext, client: Client, { sessionId }: Action<'kick'>): void {
  const target = room.state.members.get(sessionId);
  if (!target) return room.sendError(client, ERROR_CODES.notFound, 'That person is no longer in the room.');
  if (target.role === 'host')
    return room.sendError(client, ERROR_CODES.forbidden, 'Hosts cannot be removed.');
  if (target.userId) room.banned.add(target.userId);
  for (let i = room.state.queue.length - 1; i >= 0; i--) {
    if (room.state.queue[i].sessionId === sessionId) room.state.queue.splice(i, 1);
  }
  room.ejected.add(sessionId);
  for (const c of room.clients)
    if (c.sessionId === sessionId) c.leave(CLOSE_CODES.kicked, 'The host removed you from the room.');
}

function setMode(room: RoomContext, { mode }: Action<'mode'>): void {
  room.state.mode = mode;
  room.deps.repos.rooms
    .setMode(room.roomId, mode)
    .catch((err: unknown) => room.deps.log.warn({ err }, 'Could not save the room mode.'));
  room.dispatcher.dispatch();
}

function pick(room: RoomContext, client: Client, { queueId }: Action<'pick'>): void {
  const item = room.state.queue.find((q) => q.id === queueId);
  if (!item) return room.sendError(client, ERROR_CODES.notFound, 'That question is no longer waiting.');
  item.picked = true;
  room.dispatcher.dispatch();
}

function dismiss(room: RoomContext, client: Client, { queueId }: Action<'dismiss'>): void {
  const index = room.state.queue.findIndex((q) => q.id === queueId);
  if (index < 0) return room.sendError(client, ERROR_CODES.notFound, 'That question is no longer waiting.');
  room.state.queue.splice(index, 1);
}

function promote(room: RoomContext, client: Client, { sessionId }: Action<'promote'>): void {
  const target = room.state.members.get(sessionId);
  if (!target) return room.sendError(client, ERROR_CODES.notFound, 'That person is no longer in the room.');
  if (!target.userId)
    return room.sendError(client, ERROR_CODES.forbidden, 'Only people with an account can become hosts.');
  room.promoted.add(target.userId);
  target.role = 'host';
  target.muted = false;
}
