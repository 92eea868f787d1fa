/** Networking: HTTP API, sign-in tokens, the room connection, the server clock and the room store. */
export { ApiClient, ApiError, type CharacterInfo, type RoomSummary, type RoomLinks, type RoomInfo } from './api';
export { TokenStore, browserStorage, tokenExpiry, type StoredSession, type SessionUser, type TokenPair, type KeyValueStorage } from './tokenStore';
export { RoomConnection, JoinFailure, RECONNECT, type ConnectionStatus, type ConnectionState, type ClientLike, type RoomLike } from './RoomConnection';
export { describeJoinError, describeFinalClose, type JoinProblem, type JoinRemedy } from './joinErrors';
export { ServerClock, type LocalClock, type Timers } from './ServerClock';
export { RoomStore } from './RoomStore';
export { RoomSession, type RoomSessionOptions } from './RoomSession';
export { ChatLog, CHAT_CLIENT_LIMIT, type ChatEntry } from './chatLog';
export { EMPTY_CHARACTER, EMPTY_SPEECH, initialRoomView, type RoomView, type MemberView, type CharacterView, type SpeechView, type QueueItemView } from './roomView';
export { readState, type RawState } from './readState';
