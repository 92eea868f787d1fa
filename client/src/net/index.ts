/**
 * Networking, light part: the HTTP API and the sign-in tokens (what the lobby needs).
 * The live room (colyseus.js, clock sync, room store) is the `./room` face.
 */
export { ApiClient, ApiError, type CharacterInfo, type RoomSummary, type RoomLinks, type RoomInfo } from './api';
export { TokenStore, browserStorage, tokenExpiry, type StoredSession, type SessionUser, type TokenPair, type KeyValueStorage } from './tokenStore';
