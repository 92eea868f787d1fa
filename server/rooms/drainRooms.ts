import { matchMaker } from '@colyseus/core';
import { CLOSE_CODES } from '@shared';
import type { Logger } from '../observability';
import { CharacterRoom } from './CharacterRoom';

/**
 * Graceful drain (SIGTERM): this process takes no new rooms, lets each room's in-flight turn (and
 * the utterances it scheduled) finish, writes the chat, then closes the room with `moving`, so its
 * clients reopen it through its link on another process, history included. Bounded by `timeoutMs`.
 */
export async function drainRooms(log: Logger, timeoutMs: number): Promise<void> {
  const rooms = (await matchMaker.query({ processId: matchMaker.processId }))
    .map((listing) => matchMaker.getLocalRoomById(listing.roomId))
    .filter((room): room is CharacterRoom => room instanceof CharacterRoom);
  if (rooms.length === 0) return;
  matchMaker.stats.clearAutoPersistInterval();
  await matchMaker.stats.excludeProcess(matchMaker.processId); // new rooms open on the other processes
  log.info(
    `Draining ${rooms.length} room(s): in-flight turns finish (up to ${timeoutMs / 1000} s), then clients move.`,
  );
  const deadline = Date.now() + timeoutMs;
  await Promise.all(rooms.map((room) => drainRoom(room, deadline, log)));
}

async function drainRoom(room: CharacterRoom, deadline: number, log: Logger): Promise<void> {
  room.dispatcher.hold();
  await room.lock();
  const busy = () => !!room.state.activeTurnId || room.output.pending(room.deps.now()).length > 0;
  while (busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  if (busy())
    log.warn(
      { roomId: room.roomId },
      'Drain timed out with a turn still running; moving the clients anyway.',
    );
  const waiting = room.state.queue.length;
  if (waiting > 0)
    room.appendChat({
      kind: 'system',
      userId: '',
      name: 'Kotodama',
      text: `The server moved this room; ${waiting} waiting message(s) were not answered. Please ask again.`,
    });
  await room.deps.chat.flush();
  await room.disconnect(CLOSE_CODES.moving);
}
