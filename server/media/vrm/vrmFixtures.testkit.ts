/**
 * Test kit: where the third-party VRM fixtures live. They sit beside the project, not in it
 * (`../shared/fixtures/vrm` from the repository root), so a fresh clone may not have them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the fixtures folder, whether or not it exists. */
export const VRM_FIXTURES_DIR = fileURLToPath(
  new URL('../shared/fixtures/vrm/', new URL('../../../', import.meta.url)),
);

/** Names of the `.vrm` fixtures, or undefined when the folder is absent. */
export function listVrmFixtures(): string[] | undefined {
  if (!existsSync(VRM_FIXTURES_DIR)) return undefined;
  return readdirSync(VRM_FIXTURES_DIR)
    .filter((name) => name.toLowerCase().endsWith('.vrm'))
    .sort();
}

/** The bytes of one fixture. */
export function readVrmFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(VRM_FIXTURES_DIR, name)));
}
