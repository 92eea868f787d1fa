/**
 * Runs every benchmark in turn (`npm run bench`), or the ones named: `npm run bench -- fanout voice`.
 * Each prints its own figures; nothing here asserts on time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const ALL = ['pipeline', 'roomPipeline', 'voice', 'fanout', 'client-load'];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;

for (const name of chosen) {
  const file = `bench/${name}.ts`;
  if (!existsSync(file)) {
    console.log(`\n== ${name}: no such benchmark (${file}); known: ${ALL.join(', ')}`);
    continue;
  }
  console.log(`\n== ${name}`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (result.status !== 0) console.log(`(${name} exited with ${result.status})`);
}
