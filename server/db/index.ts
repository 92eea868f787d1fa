/** Persistence: PostgreSQL or embedded PGlite through MikroORM, behind repositories. */
export { openDatabase, type Database, type DatabaseTarget } from './database';
export * from './repositories';
export type { Character, Conversation, Message, RefreshToken, Room, User, VrmModel } from './entities';
export { ChatWriter, type ChatWriterOptions } from './ChatWriter';
