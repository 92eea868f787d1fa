/**
 * The live room: connection (join, reconnection), server clock, room store with chat merge.
 * Loads colyseus.js, so only the room page imports it; the lobby uses the light `net` face.
 */
export {
  RoomConnection,
  JoinFailure,
  RECONNECT,
  type ConnectionStatus,
  type ConnectionState,
  type ClientLike,
  type RoomLike,
} from './RoomConnection';
export { describeJoinError, describeFinalClose, type JoinProblem, type JoinRemedy } from './joinErrors';
export { ServerClock, CLOCK_HUNT, type LocalClock, type Timers } from './ServerClock';
export { RoomStore } from './RoomStore';
export { RoomSession, type RoomSessionOptions } from './RoomSession';
export { ChatLog, CHAT_CLIENT_LIMIT, type ChatEntry } from './chatLog';
export {
  EMPTY_CHARACTER,
  EMPTY_SPEECH,
  initialRoomView,
  type RoomView,
  type MemberView,
  type CharacterView,
  type SpeechView,
  type QueueItemView,
} from './roomView';
export { readState, type RawState } from './readState';
