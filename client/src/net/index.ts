/**
 * Networking, light part: the HTTP API and the sign-in tokens (what the lobby needs).
 * The live room (colyseus.js, clock sync, room store) is the `./room` face.
 */
export {
  ApiClient,
  ApiError,
  type RoomSummary,
  type RoomLinks,
  type RoomInfo,
  type AvatarUploadOptions,
} from './api';
export {
  KOEIROMAP_STYLES,
  OPENAI_VOICES,
  VOICE_RANGES,
  CHARACTER_TEXT_LIMITS,
  type AvatarCatalogue,
  type AvatarInfo,
  type AvatarWarning,
  type CharacterDraft,
  type CharacterInfo,
  type CharacterLanguage,
  type KoeiromapStyle,
  type OpenAiVoiceName,
  type Visibility,
  type VoiceProvider,
  type VoiceSettings,
} from './catalogueTypes';
export {
  TokenStore,
  browserStorage,
  tokenExpiry,
  type StoredSession,
  type SessionUser,
  type TokenPair,
  type KeyValueStorage,
} from './tokenStore';
