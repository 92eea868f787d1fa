/**
 * What a character may hold, as the HTTP API accepts it (POST/PATCH /api/characters) and the
 * lobby's editor offers it: one source for the server's validator and the client's controls.
 */

/** The languages a character may speak. */
export const CHARACTER_LANGUAGES = ['en', 'ja'] as const;
export type CharacterLanguage = (typeof CHARACTER_LANGUAGES)[number];

/** Who may see and use a character. */
export const VISIBILITIES = ['private', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** Length limits of a character's texts (characters, after trimming). */
export const CHARACTER_TEXT_LIMITS = {
  name: { min: 1, max: 64 },
  persona: { min: 20, max: 4000 },
  greeting: { min: 0, max: 500 },
} as const;

/** The voice providers a character may name. */
export const VOICE_PROVIDERS = ['espeak', 'koeiromap', 'openai'] as const;

/** Koeiromap's speaking styles. */
export const KOEIROMAP_STYLES = ['talk', 'happy', 'sad', 'angry', 'fear', 'surprised'] as const;
export type KoeiromapStyle = (typeof KOEIROMAP_STYLES)[number];

/** OpenAI's named text-to-speech voices. */
export const OPENAI_VOICES = [
  'alloy',
  'ash',
  'ballad',
  'coral',
  'echo',
  'fable',
  'nova',
  'onyx',
  'sage',
  'shimmer',
  'verse',
] as const;
export type OpenAiVoiceName = (typeof OPENAI_VOICES)[number];

/** Ranges of the numeric voice settings. */
export const VOICE_RANGES = {
  espeakPitch: { min: 0.5, max: 2 },
  espeakSpeed: { min: 0.5, max: 2.5 },
  koeiromapSpeaker: { min: -3, max: 3 },
  openaiSpeed: { min: 0.25, max: 4 },
} as const;

/** How a character sounds: one provider and its own settings (all optional). */
export type VoiceSettings =
  | { provider: 'espeak'; voice?: string; pitch?: number; speed?: number }
  | { provider: 'koeiromap'; speakerX?: number; speakerY?: number; style?: KoeiromapStyle }
  | { provider: 'openai'; voice?: OpenAiVoiceName; speed?: number };
export type VoiceProvider = VoiceSettings['provider'];

/** Why an avatar may disappoint, for the uploader to see before they use it. */
export type AvatarWarning = 'no_lip_sync' | 'no_expressions' | 'not_shareable';

/** Where an avatar stands in the catalogue. */
export type AvatarStatus = 'builtin' | 'approved' | 'pending' | 'private_only';

/** What the licence meta of an avatar allows, in the words the catalogue shows. */
export interface AvatarLicence {
  canBePublic: boolean;
  /** Why it may not be shared, when it may not. */
  reason?: string;
  creditRequired: boolean;
  title: string;
  author: string;
}

/** An avatar as GET /api/avatars lists it (the server adds details such as bones and the raw meta). */
export interface AvatarListing {
  id: string;
  name: string;
  url: string;
  thumbnailUrl: string | null;
  vrmVersion: string;
  lipSync: boolean;
  approved: boolean;
  canBePublic: boolean;
  status: AvatarStatus;
  builtin: boolean;
  mine: boolean;
  licence: AvatarLicence;
  sizeBytes: number;
  warnings: AvatarWarning[];
}

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

/** A character as the API shows it. `editable` when the caller may change it. */
export interface CharacterListing extends CharacterDraft {
  id: string;
  avatarUrl: string;
  isDefault: boolean;
  ownerId: string | null;
  editable: boolean;
  createdAt: string;
  updatedAt: string;
}
