import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ClusterProcess } from './clusterPlan';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A started cluster. */
export interface RunningCluster {
  processes: { spec: ClusterProcess; child: ChildProcess }[];
  /** Starts one more process of the plan (one that `only` left out, or one that was killed) and tracks it. */
  start(spec: ClusterProcess): Promise<ChildProcess>;
  /** SIGTERM to all (servers drain, workers finish their turns), SIGKILL to any still running after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Options of `startCluster`. */
export interface StartClusterOptions {
  /** The environment every process starts from (the plan's variables go on top). */
  baseEnv: Record<string, string | undefined>;
  /** Folder for one log file per process. */
  logDir: string;
  /** One line per event worth telling (started, exited). */
  say(line: string): void;
  readyTimeoutMs?: number;
  /** Start only these processes now (names); default all. */
  only?: string[];
}

/** Starts every process of the plan (servers and workers first, the proxy last) and waits until each answers. */
export async function startCluster(plan: ClusterProcess[], o: StartClusterOptions): Promise<RunningCluster> {
  mkdirSync(o.logDir, { recursive: true });
  const processes: RunningCluster['processes'] = [];
  let stopping = false;
  const chosen = plan.filter((p) => !o.only || o.only.includes(p.name));
  const [first, ...others] = chosen.filter((p) => p.role !== 'proxy');
  const stop = async (graceMs = 30_000) => {
    stopping = true;
    await Promise.all(processes.map(({ child }) => stopChild(child, graceMs)));
  };
  const start = async (spec: ClusterProcess) => {
    const child = await startClusterProcess(spec, o, () => stopping);
    processes.push({ spec, child });
    return child;
  };
  try {
    // The first server runs the migrations alone; the others then start side by side, the proxy last.
    if (first) await start(first);
    await Promise.all(others.map(start));
    for (const proxy of chosen.filter((p) => p.role === 'proxy')) await start(proxy);
  } catch (err) {
    await stop(5_000);
    throw err;
  }
  return { processes, start, stop };
}

/** Starts one process of the plan (its output to `<logDir>/<name>.log`) and waits until it answers. */
export async function startClusterProcess(
  spec: ClusterProcess,
  o: StartClusterOptions,
  stopping: () => boolean = () => false,
): Promise<ChildProcess> {
  mkdirSync(o.logDir, { recursive: true });
  const logFile = `${o.logDir}/${spec.name}.log`;
  const child = spawn(process.execPath, ['--import', 'tsx', spec.entry], {
    cwd: ROOT,
    env: { ...o.baseEnv, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = createWriteStream(logFile, { flags: 'a' });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  child.once('exit', (code, signal) => {
    if (!stopping()) o.say(`${spec.name.padEnd(9)} exited (${signal ?? `code ${code}`}); see ${logFile}`);
  });
  try {
    await waitUntilAnswering(spec, child, logFile, o.readyTimeoutMs ?? 90_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  o.say(
    `${spec.name.padEnd(9)} pid ${String(child.pid).padEnd(7)} http://127.0.0.1:${spec.port}  log ${logFile}`,
  );
  return child;
}

async function waitUntilAnswering(
  spec: ClusterProcess,
  child: ChildProcess,
  logFile: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // The proxy answers 503 until a server registers; servers and workers answer /healthz.
  const path = spec.role === 'proxy' ? '/' : '/healthz';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited during start-up; see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${spec.port}${path}`, { signal: AbortSignal.timeout(1000) });
      if (res.ok || spec.role === 'proxy') return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${spec.name} did not answer within ${timeoutMs} ms; see ${logFile}`);
}

function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
