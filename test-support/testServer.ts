import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { startServer, type RunningServer } from '../server/app';
import type { RoomSettings } from '../server/rooms';
import { loadConfig } from '../server/config';

/** A booted server on a free port with its own data folder, removed on stop. */
export interface TestServer extends RunningServer {
  dataDir: string;
  /** POST JSON to the server; answers status and parsed body. */
  post(path: string, body: unknown, token?: string): Promise<{ status: number; body: any; text: string }>;
  get(path: string, token?: string): Promise<{ status: number; body: any; text: string; headers: Headers }>;
}

/** Boots the real server on embedded defaults plus `env` (e.g. DATABASE_URL, REDIS_URL). */
export async function bootTestServer(
  env: Record<string, string | undefined> = {},
  roomSettings: Partial<RoomSettings> = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kotodama-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    EMBEDDED_DATABASE: 'memory',
    JWT_SECRET: 'test-secret-'.padEnd(40, 'x'),
    ...env,
  });
  const server = await startServer(config, {
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    roomSettings,
  });
  const stop = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  return {
    ...server,
    dataDir,
    stop,
    post: (p, b, t) => request(server.url, 'POST', p, b, t),
    get: (p, t) => request(server.url, 'GET', p, undefined, t),
  };
}

async function request(base: string, method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as any, text, headers: res.headers };
}
