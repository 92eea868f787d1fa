/** Repositories over the database: the only code that speaks to the ORM. */
import type { Database } from '../database';
import { CharacterRepository } from './CharacterRepository';
import { ConversationRepository } from './ConversationRepository';
import { RefreshTokenRepository } from './RefreshTokenRepository';
import { RoomRepository } from './RoomRepository';
import { UserRepository } from './UserRepository';
import { VrmModelRepository } from './VrmModelRepository';

export { CharacterRepository, type NewCharacter } from './CharacterRepository';
export { ConversationRepository, type ChatRecord } from './ConversationRepository';
export { RefreshTokenRepository } from './RefreshTokenRepository';
export { RoomRepository } from './RoomRepository';
export { UserRepository } from './UserRepository';
export { VrmModelRepository, type NewVrmModel } from './VrmModelRepository';

/** Every repository over one database. */
export interface Repositories {
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  characters: CharacterRepository;
  conversations: ConversationRepository;
  rooms: RoomRepository;
  avatars: VrmModelRepository;
}

/** Builds the repositories for an open database. */
export function createRepositories(db: Database): Repositories {
  return {
    users: new UserRepository(db),
    refreshTokens: new RefreshTokenRepository(db),
    characters: new CharacterRepository(db),
    conversations: new ConversationRepository(db),
    rooms: new RoomRepository(db),
    avatars: new VrmModelRepository(db),
  };
}
