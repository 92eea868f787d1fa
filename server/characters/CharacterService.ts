import type { CharacterLanguage, CharacterListing, VoiceSettings } from '@shared';
import type { Character, CharacterRepository } from '../db';
import { HttpError } from '../http';
import { DEFAULT_AVATAR_URL } from '../rooms';
import type { Viewer } from './AdminPolicy';
import type { AvatarCatalog } from './AvatarCatalog';
import { CreateCharacter, parseInput, UpdateCharacter } from './characterInput';
import { NO_PLAN_CHECKS, type PlanChecks } from './PlanChecks';

/** A character as the API shows it. */
export type CharacterView = CharacterListing;

const notFound = () =>
  new HttpError(404, 'character_not_found', 'That character does not exist, or it is private.');

/**
 * Character CRUD with its rules: everyone sees the default and public characters, owners see
 * and change their own, only admins change the default, and a private character is never
 * revealed to anyone else (it answers 404, as if it did not exist).
 */
export class CharacterService {
  constructor(
    private readonly repo: CharacterRepository,
    private readonly avatars: AvatarCatalog,
    private readonly limits: PlanChecks = NO_PLAN_CHECKS,
  ) {}

  /** The characters `viewer` may use: the default, public ones and their own. */
  async list(viewer: Viewer | null): Promise<CharacterView[]> {
    const characters = await this.repo.listUsableBy(viewer?.userId ?? null);
    return Promise.all(characters.map((c) => this.view(c, viewer)));
  }

  async get(id: string, viewer: Viewer | null): Promise<CharacterView> {
    return this.view(await this.visible(id, viewer), viewer);
  }

  async create(viewer: Viewer, body: unknown): Promise<CharacterView> {
    const input = parseInput(CreateCharacter, body);
    await this.limits.checkNewCharacter(viewer.userId);
    await this.limits.checkVoice(viewer.userId, input.voice.provider);
    await this.checkAvatar(input.avatarId, input.avatarId, input.visibility, viewer);
    const created = await this.repo.create({ ...input, ownerId: viewer.userId });
    return this.view(created, viewer);
  }

  async update(id: string, viewer: Viewer, body: unknown): Promise<CharacterView> {
    const character = await this.editable(id, viewer);
    const patch = parseInput(UpdateCharacter, body);
    if (patch.voice) await this.limits.checkVoice(character.ownerId ?? viewer.userId, patch.voice.provider);
    const avatarId = patch.avatarId === undefined ? (character.avatarId ?? null) : patch.avatarId;
    await this.checkAvatar(patch.avatarId, avatarId, patch.visibility ?? character.visibility, viewer);
    const updated = await this.repo.update(id, patch);
    if (!updated) throw notFound();
    return this.view(updated, viewer);
  }

  async remove(id: string, viewer: Viewer): Promise<void> {
    const character = await this.editable(id, viewer);
    if (character.isDefault)
      throw new HttpError(
        409,
        'default_character',
        'The default character cannot be deleted; edit it instead.',
      );
    await this.repo.delete(id);
  }

  private async visible(id: string, viewer: Viewer | null): Promise<Character> {
    const character = await this.repo.findById(id);
    if (!character) throw notFound();
    const mine = !!viewer && character.ownerId === viewer.userId;
    if (character.isDefault || character.visibility === 'public' || mine || viewer?.admin) return character;
    throw notFound();
  }

  private async editable(id: string, viewer: Viewer): Promise<Character> {
    const character = await this.visible(id, viewer);
    if (viewer.admin) return character;
    if (character.isDefault)
      throw new HttpError(403, 'admins_only', 'Only an admin can change the default character.');
    if (character.ownerId !== viewer.userId)
      throw new HttpError(403, 'not_owner', "Only the character's owner can change it.");
    return character;
  }

  /**
   * A newly chosen avatar must be one the caller may use, and a public character needs a
   * public avatar: other people will put it in their rooms.
   */
  private async checkAvatar(
    chosen: string | null | undefined,
    worn: string | null,
    visibility: 'private' | 'public',
    viewer: Viewer,
  ): Promise<void> {
    if (chosen && !(await this.avatars.usable(chosen, viewer))) {
      throw new HttpError(
        400,
        'invalid_avatar',
        'That avatar is not in the catalogue, or it is not yours to use: pick one from GET /api/avatars.',
      );
    }
    if (visibility === 'public' && worn && !(await this.avatars.isPublic(worn))) {
      throw new HttpError(
        409,
        'avatar_not_public',
        'A public character needs an avatar everyone may use: keep the character private until an admin approves your upload, or pick an approved avatar.',
      );
    }
  }

  private async view(c: Character, viewer: Viewer | null): Promise<CharacterView> {
    const mine = !!viewer && c.ownerId === viewer.userId;
    return {
      id: c.id,
      name: c.name,
      persona: c.persona,
      greeting: c.greeting,
      language: c.language as CharacterLanguage,
      voice: c.voice as VoiceSettings, // validated when written
      avatarId: c.avatarId ?? null,
      avatarUrl: (c.avatarId && (await this.avatars.urlOf(c.avatarId))) || DEFAULT_AVATAR_URL,
      visibility: c.visibility,
      isDefault: c.isDefault,
      ownerId: c.ownerId ?? null,
      editable: !!viewer && (viewer.admin || (!c.isDefault && mine)),
      createdAt: new Date(c.createdAt).toISOString(),
      updatedAt: new Date(c.updatedAt).toISOString(),
    };
  }
}
