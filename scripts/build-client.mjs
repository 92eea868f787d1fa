// Builds the web client when it exists (npm start runs this first); a server-only checkout skips it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

if (!existsSync('client/index.html')) {
  console.log('No web client yet (client/index.html is missing): skipping the client build.');
  process.exit(0);
}
const result = spawnSync('npx', ['vite', 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
