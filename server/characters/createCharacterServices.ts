import type { Repositories } from '../db';
import type { FileStorage } from '../media/storage';
import type { Logger } from '../observability';
import { AdminPolicy } from './AdminPolicy';
import { AvatarCatalog } from './AvatarCatalog';
import { AvatarUploads } from './AvatarUploads';
import { seedBuiltinAvatars } from './builtinAvatars';
import { CharacterService } from './CharacterService';
import type { PlanChecks } from './PlanChecks';

/** Everything the character and avatar routes need. */
export interface CharacterServices {
  admins: AdminPolicy;
  avatars: AvatarCatalog;
  uploads: AvatarUploads;
  characters: CharacterService;
  /** Largest upload accepted, in bytes. */
  maxUploadBytes: number;
}

/** What the services are built from. */
export interface CharacterServicesOptions {
  repos: Repositories;
  storage: FileStorage;
  log: Logger;
  admins: readonly string[];
  maxUploadBytes: number;
  /** Folder of the built-in avatars (assets/avatars), seeded into the catalogue. */
  builtinDir: string;
  /** The owners' plan limits (none when absent). */
  limits?: PlanChecks;
}

/** Builds the services and seeds the built-in avatars into the catalogue. */
export async function createCharacterServices(o: CharacterServicesOptions): Promise<CharacterServices> {
  await seedBuiltinAvatars(o.repos.avatars, o.builtinDir, o.log);
  const avatars = new AvatarCatalog(o.repos.avatars, o.storage);
  return {
    admins: new AdminPolicy(o.admins, o.repos.users),
    avatars,
    uploads: new AvatarUploads(o.repos.avatars, o.storage, o.maxUploadBytes, o.limits),
    characters: new CharacterService(o.repos.characters, avatars, o.limits),
    maxUploadBytes: o.maxUploadBytes,
  };
}
