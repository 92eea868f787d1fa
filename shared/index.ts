/** The wire contract between server and client: nothing else crosses the wire. */
export { PROTOCOL_VERSION } from './protocol';
export {
  VISEMES, EXPRESSIONS, GESTURES, isExpression, isGesture,
  type Viseme, type VisemeKeyframe, type Expression, type Gesture,
} from './performance';
export { utteranceId, type Utterance, type UtterancePlan } from './utterance';
export { checkDisplayName, NAME_MAX_LENGTH, type NameCheck } from './names';
export {
  RoomState, Member, ChatLine, CharacterState, Speech, QueueItem,
  ROLES, ROOM_MODES, CHAT_STATE_LIMIT, type Role, type RoomMode, type QueueEntry,
} from './state';
export {
  ROOM_NAME, CLIENT_MESSAGES, SERVER_MESSAGES, CLIENT_PAYLOADS, SAY_MAX_LENGTH, REACTIONS,
  SayPayload, ReactPayload, TypingPayload, VotePayload, TimePayload, HostPayload,
  type ClientMessageName, type ServerMessageName, type Reaction, type JoinOptions,
  type SayMessage, type ReactMessage, type TypingMessage, type VoteMessage, type TimeMessage, type HostMessage, type HostAction,
  type SubtitleMessage, type InterruptMessage, type ReactionMessage, type TimeReply, type ErrorMessage, type LinksMessage, type ChatMessage,
} from './messages';
export { ERROR_CODES, JOIN_ERRORS, CLOSE_CODES, type ErrorCode, type JoinErrorCode } from './errors';
export { ClockSync, CLOCK_SYNC, type ClockSample } from './clockSync';
export {
  CHARACTER_LANGUAGES, VISIBILITIES, CHARACTER_TEXT_LIMITS, VOICE_PROVIDERS, KOEIROMAP_STYLES, OPENAI_VOICES, VOICE_RANGES,
  type CharacterLanguage, type Visibility, type KoeiromapStyle, type OpenAiVoiceName, type VoiceSettings, type VoiceProvider,
  type AvatarWarning, type AvatarStatus, type AvatarLicence, type AvatarListing,
  type CharacterDraft, type CharacterListing,
} from './characters';
