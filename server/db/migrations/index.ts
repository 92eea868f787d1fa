import { Migration20261127000000Initial } from './Migration20261127000000Initial';
import { Migration20261128000000AvatarUploads } from './Migration20261128000000AvatarUploads';
import { Migration20261206000000Accounts } from './Migration20261206000000Accounts';

/** Every migration in order. Listed explicitly so they run the same under tsx, vitest and a bundle. */
export const migrations = [
  { name: 'Migration20261127000000Initial', class: Migration20261127000000Initial },
  { name: 'Migration20261128000000AvatarUploads', class: Migration20261128000000AvatarUploads },
  { name: 'Migration20261206000000Accounts', class: Migration20261206000000Accounts },
];
