import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = join(ROOT, 'dist/client/index.html');
/** Held while one process builds, so browser tests running side by side never build over each other. */
const LOCK = join(ROOT, 'dist/.client-build.lock');
/** A lock older than this was left by a run that was killed. */
const LOCK_STALE_MS = 5 * 60_000;
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

/**
 * Runs `npm run build:client` unless the build is up to date; rejects with its output on failure.
 * One process builds at a time; the others wait and then find the build fresh.
 */
export function buildClient(force = false): Promise<'built' | 'fresh'> {
  return whileLocked(() =>
    !force && !clientBuildIsStale() ? Promise.resolve('fresh' as const) : runBuild(),
  );
}

async function runBuild(): Promise<'built'> {
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

/** Runs `fn` holding the build lock (a directory: creating one is atomic). */
async function whileLocked<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (const deadline = Date.now() + 2 * LOCK_STALE_MS; ;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const heldSince = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs;
    if (heldSince === undefined) continue; // released just now
    if (Date.now() - heldSince > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`Waited too long for another client build (${LOCK}).`);
    else await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
