import { Migration20261127000000Initial } from './Migration20261127000000Initial';

/** Every migration in order. Listed explicitly so they run the same under tsx, vitest and a bundle. */
export const migrations = [
  { name: 'Migration20261127000000Initial', class: Migration20261127000000Initial },
];
