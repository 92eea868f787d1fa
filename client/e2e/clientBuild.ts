import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(ROOT, 'dist/client/index.html');
const SOURCES = ['client/index.html', 'client/src', 'shared', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time under a path (ms). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = st.mtimeMs;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

/** True when dist/client is older than the client's sources (or missing). */
export function clientBuildIsStale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return SOURCES.some((s) => newest(join(ROOT, s)) > built);
}

/** Runs `npm run build:client` unless the build is up to date; rejects with its output on failure. */
export async function buildClient(force = false): Promise<'built' | 'fresh'> {
  if (!force && !clientBuildIsStale()) return 'fresh';
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve) => {
    const child = spawn('npm', ['run', 'build:client'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('close', resolve);
  });
  if (code !== 0) throw new Error(`npm run build:client failed (${code}):\n${output.join('').slice(-4000)}`);
  return 'built';
}
