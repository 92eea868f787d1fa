/**
 * Characters and avatars as the HTTP API shows them (GET/POST /api/characters, GET/POST
 * /api/avatars). What a character may hold (languages, voices, ranges) lives in shared/characters.ts,
 * which the server's validator uses too.
 */
import type { AvatarListing, CharacterLanguage, Visibility, VoiceSettings } from '@shared/characters';

export {
  KOEIROMAP_STYLES, OPENAI_VOICES, VOICE_RANGES, CHARACTER_TEXT_LIMITS,
  type AvatarWarning, type CharacterLanguage, type KoeiromapStyle, type OpenAiVoiceName, type Visibility, type VoiceProvider, type VoiceSettings,
} from '@shared/characters';

/** What a character is made of: what POST /api/characters takes (PATCH takes any part). */
export interface CharacterDraft {
  name: string;
  persona: string;
  greeting: string;
  language: CharacterLanguage;
  voice: VoiceSettings;
  avatarId: string | null;
  visibility: Visibility;
}

/** A character the caller may use. `editable` when the caller may change it. */
export interface CharacterInfo extends CharacterDraft {
  id: string;
  avatarUrl: string;
  isDefault: boolean;
  ownerId: string | null;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}

/** An avatar in the catalogue. */
export type AvatarInfo = AvatarListing;

/** GET /api/avatars: what the caller may use, and the largest upload the server takes. */
export interface AvatarCatalogue {
  avatars: AvatarInfo[];
  maxUploadBytes: number;
}
