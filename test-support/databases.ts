import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../server/db';
import { postgresUrl, serviceAvailable } from './services';

/** A throw-away database for one test file. */
export interface TestDatabase {
  db: Database;
  /** The URL of the fresh PostgreSQL database (undefined for PGlite). */
  url?: string;
  drop(): Promise<void>;
}

/** A backend the repository contract suite runs against. */
export interface DatabaseBackend {
  name: string;
  available: boolean;
  open(): Promise<TestDatabase>;
}

/** In-memory PGlite: always available. */
export const pgliteBackend: DatabaseBackend = {
  name: 'PGlite',
  available: true,
  async open() {
    const db = await openDatabase({ kind: 'pglite', dir: null });
    return { db, drop: () => db.close() };
  },
};

/** A fresh database on the machine's PostgreSQL (DATABASE_URL), dropped afterwards. */
export const postgresBackend: DatabaseBackend = {
  name: 'PostgreSQL',
  get available() {
    return serviceAvailable('PostgreSQL', postgresUrl);
  },
  async open() {
    const url = await createScratchDatabase();
    const db = await openDatabase({ kind: 'postgres', url });
    return {
      db,
      url,
      drop: async () => {
        await db.close();
        await dropScratchDatabase(url);
      },
    };
  },
};

/** Creates an empty database beside DATABASE_URL's and returns its URL. */
export async function createScratchDatabase(): Promise<string> {
  const name = `kotodama_t_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`create database "${name}"`));
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropScratchDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`));
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
