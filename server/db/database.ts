import { mkdir } from 'node:fs/promises';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDriver } from 'mikro-orm-pglite';
import { entitySchemas } from './entities';
import { migrations } from './migrations';

/** Where the data lives: a real PostgreSQL server, or embedded PGlite in a folder (or in memory). */
export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string | null };

/** An open database: migrated, with a fresh entity manager per unit of work. */
export interface Database {
  readonly kind: DatabaseTarget['kind'];
  /** A new entity manager with its own identity map; use one per request or batch. */
  em(): EntityManager;
  /** True when a trivial query succeeds (for /healthz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens the database, runs pending migrations and returns it. */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const { options, pglite } = await optionsFor(target);
  const orm = await MikroORM.init(options);
  try {
    await runMigrations(orm);
  } catch (err) {
    await orm.close(true);
    await pglite?.close();
    throw err;
  }
  return {
    kind: target.kind,
    em: () => orm.em.fork() as EntityManager,
    ping: async () => {
      try {
        await orm.em.getConnection().execute('select 1');
        return true;
      } catch {
        return false;
      }
    },
    close: async () => {
      await orm.close(true);
      await pglite?.close();
    },
  };
}

async function optionsFor(target: DatabaseTarget): Promise<{ options: Options; pglite?: PGlite }> {
  const common: Options = {
    entities: entitySchemas,
    extensions: [Migrator],
    migrations: { migrationsList: migrations, transactional: true, allOrNothing: true, silent: true },
    debug: false,
    allowGlobalContext: false,
  };
  if (target.kind === 'postgres') {
    return {
      options: { ...common, driver: PostgreSqlDriver, clientUrl: target.url, pool: { min: 0, max: 10 } },
    };
  }
  if (target.dir) await mkdir(target.dir, { recursive: true });
  const pglite = new PGlite(target.dir ?? undefined);
  const options = {
    ...common,
    driver: PGliteDriver,
    dbName: 'postgres',
    driverOptions: { connection: { pglite: () => pglite } },
  };
  return { options: options as Options, pglite };
}

/** Two processes booting together may race on the first migration: the loser retries once. */
async function runMigrations(orm: MikroORM): Promise<void> {
  const migrator = orm.getMigrator();
  try {
    await migrator.up();
  } catch (err) {
    await new Promise((r) => setTimeout(r, 500));
    if ((await migrator.getPendingMigrations()).length === 0) return;
    throw err;
  }
}
