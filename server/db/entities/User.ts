import { EntitySchema } from '@mikro-orm/core';

/** A person who signs in: a guest (name only) or an Auth0 account. */
export class User {
  id!: string;
  name!: string;
  email?: string | null;
  auth0Sub?: string | null;
  isGuest!: boolean;
  createdAt!: Date;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'uuid', primary: true },
    name: { type: 'string', length: 64 },
    email: { type: 'string', length: 320, nullable: true, unique: true },
    auth0Sub: { type: 'string', length: 255, nullable: true, unique: true },
    isGuest: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
  },
});
