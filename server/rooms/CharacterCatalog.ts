import type { CharacterProfile, Language, VoiceSettings } from '../turn';
import type { Character, CharacterRepository, NewCharacter } from '../db';

/** A character as a room shows it: the agent's profile plus the avatar to load. */
export interface StagedCharacter {
  profile: CharacterProfile;
  avatarUrl: string;
}

/** Where the built-in avatars are served. */
export const DEFAULT_AVATAR_URL = '/avatars/kotoha.vrm';

/** The character every fresh install has: friendly, offline voice, our own avatar. */
export function defaultCharacter(): NewCharacter {
  return {
    ownerId: null,
    name: 'Kotoha',
    persona: [
      'Kotoha is a warm, curious guide who loves meeting people, music, stargazing and trying new snacks.',
      'She speaks in short, lively sentences, remembers who said what, and gives everyone in the room a turn.',
      'She never pretends to know things she does not, never shares private details, and keeps things kind.',
    ].join(' '),
    greeting: 'Hi everyone, I am Kotoha! Ask me anything, or just say hello.',
    language: 'en',
    voice: { provider: 'espeak', voice: 'en-us+f3', pitch: 1.1, speed: 1 },
    avatarId: null,
    visibility: 'public',
  };
}

/** Resolves characters for rooms: the default, or one by id, with its avatar URL. */
export class CharacterCatalog {
  constructor(
    private readonly repo: CharacterRepository,
    private readonly avatarUrlOf: (avatarId: string) => Promise<string | null> = async () => null,
  ) {}

  /** The built-in character (created on first use). */
  async default(): Promise<Character> {
    return this.repo.ensureDefault(defaultCharacter);
  }

  /** A character by id, staged for a room; null when it does not exist. */
  async stage(characterId: string): Promise<StagedCharacter | null> {
    const c = await this.repo.findById(characterId);
    if (!c) return null;
    const avatarUrl = (c.avatarId && (await this.avatarUrlOf(c.avatarId))) || DEFAULT_AVATAR_URL;
    return { profile: toProfile(c), avatarUrl };
  }

  /** True when `userId` may put this character in a room (owner, public or default). */
  async usableBy(characterId: string, userId: string): Promise<boolean> {
    const c = await this.repo.findById(characterId);
    return !!c && (c.isDefault || c.visibility === 'public' || c.ownerId === userId);
  }
}

function toProfile(c: Character): CharacterProfile {
  return {
    id: c.id,
    name: c.name,
    persona: c.persona,
    greeting: c.greeting,
    language: (c.language === 'ja' ? 'ja' : 'en') as Language,
    voice: c.voice as VoiceSettings,
  };
}
