/** Persistence: PostgreSQL or embedded PGlite through MikroORM, behind repositories. */
export { openDatabase, type Database, type DatabaseTarget } from './database';
export * from './repositories';
export type {
  Character,
  Conversation,
  Message,
  RefreshToken,
  Room,
  Subscription,
  User,
  VrmModel,
} from './entities';
export type { UserRole } from './entities/User';
export { ChatWriter, type ChatWriterOptions } from './ChatWriter';
