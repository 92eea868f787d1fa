import { EntitySchema } from '@mikro-orm/core';

/** What a user may be besides a plain account; configured admins (ADMINS) are admins too. */
export type UserRole = 'admin' | 'creator';

/** A person who signs in: a guest (name only) or an Auth0 account. */
export class User {
  id!: string;
  name!: string;
  email?: string | null;
  /** The Auth0 user id (the ID token's `sub`), e.g. `auth0|64f…`. */
  auth0Id?: string | null;
  picture?: string | null;
  roles!: UserRole[];
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
    auth0Id: { type: 'string', length: 255, nullable: true, unique: true, fieldName: 'auth0_id' },
    picture: { type: 'string', length: 1024, nullable: true },
    roles: { type: 'json', default: '[]' },
    isGuest: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
  },
});
