/**
 * Characters and avatars as the HTTP API shows them (GET/POST /api/characters, GET/POST
 * /api/avatars). The server's zod schema (server/characters/characterInput.ts) is the authority
 * on what a character may hold; these types mirror it for the client.
 */

/** How a character sounds: one provider and its own settings (all optional). */
export type VoiceSettings =
  | { provider: 'espeak'; voice?: string; pitch?: number; speed?: number }
  | { provider: 'koeiromap'; speakerX?: number; speakerY?: number; style?: KoeiromapStyle }
  | { provider: 'openai'; voice?: OpenAiVoiceName; speed?: number };

/** The voice providers a character may name. */
export type VoiceProvider = VoiceSettings['provider'];
/** Koeiromap's speaking styles. */
export const KOEIROMAP_STYLES = ['talk', 'happy', 'sad', 'angry', 'fear', 'surprised'] as const;
export type KoeiromapStyle = (typeof KOEIROMAP_STYLES)[number];
/** OpenAI's named text-to-speech voices. */
export const OPENAI_VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'nova', 'onyx', 'sage', 'shimmer', 'verse'] as const;
export type OpenAiVoiceName = (typeof OPENAI_VOICES)[number];

/** Who may see and use a character. */
export type Visibility = 'private' | 'public';
/** The languages a character may speak. */
export type CharacterLanguage = 'en' | 'ja';

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

/** Why an avatar may disappoint. */
export type AvatarWarning = 'no_lip_sync' | 'no_expressions' | 'not_shareable';

/** An avatar in the catalogue (the fields the client reads). */
export interface AvatarInfo {
  id: string;
  name: string;
  url: string;
  thumbnailUrl: string | null;
  vrmVersion: string;
  lipSync: boolean;
  approved: boolean;
  canBePublic: boolean;
  status: 'builtin' | 'approved' | 'pending' | 'private_only';
  builtin: boolean;
  mine: boolean;
  licence: { canBePublic: boolean; reason?: string; creditRequired: boolean; title: string; author: string };
  sizeBytes: number;
  warnings: AvatarWarning[];
}

/** GET /api/avatars: what the caller may use, and the largest upload the server takes. */
export interface AvatarCatalogue {
  avatars: AvatarInfo[];
  maxUploadBytes: number;
}
