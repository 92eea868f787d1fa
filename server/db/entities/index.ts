/** Every entity schema, in one list for the ORM. */
import { CharacterSchema } from './Character';
import { ConversationSchema } from './Conversation';
import { KnowledgeBaseSchema } from './KnowledgeBase';
import { MessageSchema } from './Message';
import { RefreshTokenSchema } from './RefreshToken';
import { RoomSchema } from './Room';
import { SubscriptionSchema } from './Subscription';
import { UserSchema } from './User';
import { VrmModelSchema } from './VrmModel';

export { Character } from './Character';
export { Conversation } from './Conversation';
export { KnowledgeBase } from './KnowledgeBase';
export { Message } from './Message';
export { RefreshToken } from './RefreshToken';
export { Room } from './Room';
export { Subscription } from './Subscription';
export { User } from './User';
export { VrmModel } from './VrmModel';

export const entitySchemas = [
  UserSchema,
  RefreshTokenSchema,
  CharacterSchema,
  VrmModelSchema,
  RoomSchema,
  ConversationSchema,
  MessageSchema,
  KnowledgeBaseSchema,
  SubscriptionSchema,
];
