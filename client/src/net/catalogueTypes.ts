/**
 * Characters and avatars as the HTTP API shows them (GET/POST /api/characters, GET/POST
 * /api/avatars). What a character may hold (languages, voices, ranges) lives in shared/characters.ts,
 * which the server's validator uses too.
 */
import type { AvatarListing, CharacterListing } from '@shared/characters';

export {
  KOEIROMAP_STYLES,
  OPENAI_VOICES,
  VOICE_RANGES,
  CHARACTER_TEXT_LIMITS,
  type AvatarWarning,
  type CharacterLanguage,
  type KoeiromapStyle,
  type OpenAiVoiceName,
  type Visibility,
  type VoiceProvider,
  type VoiceSettings,
} from '@shared/characters';

export type { CharacterDraft } from '@shared/characters';

/** A character the caller may use. */
export type CharacterInfo = CharacterListing;

/** An avatar in the catalogue. */
export type AvatarInfo = AvatarListing;

/** GET /api/avatars: what the caller may use, and the largest upload the server takes. */
export interface AvatarCatalogue {
  avatars: AvatarInfo[];
  maxUploadBytes: number;
}
