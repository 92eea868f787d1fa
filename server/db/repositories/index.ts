/** Repositories over the database: the only code that speaks to the ORM. */
import type { Database } from '../database';
import { CharacterRepository } from './CharacterRepository';
import { ConversationRepository } from './ConversationRepository';
import { RefreshTokenRepository } from './RefreshTokenRepository';
import { RoomRepository } from './RoomRepository';
import { SubscriptionRepository } from './SubscriptionRepository';
import { UsageRepository } from './UsageRepository';
import { UserRepository } from './UserRepository';
import { VrmModelRepository } from './VrmModelRepository';

export { CharacterRepository, type NewCharacter } from './CharacterRepository';
export { ConversationRepository, type ChatRecord } from './ConversationRepository';
export { RefreshTokenRepository } from './RefreshTokenRepository';
export { RoomRepository } from './RoomRepository';
export { SubscriptionRepository, type EventOutcome, type SubscriptionChange } from './SubscriptionRepository';
export { UsageRepository, usageDay, type MeterBatch, type UsageMetric } from './UsageRepository';
export { UserRepository, type Auth0Profile } from './UserRepository';
export { VrmModelRepository, type NewVrmModel } from './VrmModelRepository';

/** Every repository over one database. */
export interface Repositories {
  users: UserRepository;
  refreshTokens: RefreshTokenRepository;
  characters: CharacterRepository;
  conversations: ConversationRepository;
  rooms: RoomRepository;
  avatars: VrmModelRepository;
  subscriptions: SubscriptionRepository;
  usage: UsageRepository;
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
    subscriptions: new SubscriptionRepository(db),
    usage: new UsageRepository(db),
  };
}
