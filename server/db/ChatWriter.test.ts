import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresBackend, type TestDatabase } from '../../test-support/databases';
import { startTcpProxy, viaProxy, type TcpProxy } from '../../test-support/tcpProxy';
import { ChatWriter } from './ChatWriter';
import { openDatabase, type Database } from './database';
import { createRepositories, type ChatRecord, type Repositories } from './repositories';

const run = postgresBackend.available;
const log = pino({ level: 'silent' });

describe.runIf(run)('ChatWriter through a database outage (PostgreSQL)', () => {
  let scratch: TestDatabase;
  let proxy: TcpProxy;
  let db: Database;
  let repos: Repositories;
  let conversationId: string;

  beforeAll(async () => {
    scratch = await postgresBackend.open();
    proxy = await startTcpProxy('127.0.0.1', Number(new URL(scratch.url!).port || 5432));
    db = await openDatabase({ kind: 'postgres', url: viaProxy(scratch.url!, proxy) });
    repos = createRepositories(db);
    const character = await repos.characters.ensureDefault(() => ({
      name: 'Hana',
      persona: 'p',
      greeting: 'g',
      language: 'en',
      voice: {},
      visibility: 'public',
      ownerId: null,
      avatarId: null,
    }));
    conversationId = (await repos.conversations.create(character.id, null)).id;
  });
  afterAll(async () => {
    await db?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  const line = (text: string): ChatRecord => ({
    id: randomUUID(),
    conversationId,
    kind: 'user',
    userId: null,
    name: 'Aiko',
    text,
    createdAt: new Date(),
  });
  const count = () => createRepositories(scratch.db).conversations.countMessages(conversationId);

  it('keeps lines while the database is down and writes every one when it is back', async () => {
    const writer = new ChatWriter(repos.conversations, log, { flushIntervalMs: 10, maxRetryDelayMs: 100 });
    writer.append(line('before'));
    expect(await writer.flush()).toBe(true);
    proxy.cut();
    for (let i = 0; i < 25; i++) writer.append(line(`during ${i}`));
    expect(await writer.flush()).toBe(false);
    expect(writer.pendingCount).toBe(25);
    proxy.restore();
    await expect.poll(() => writer.pendingCount, { timeout: 15_000, interval: 100 }).toBe(0);
    expect(await count()).toBe(26);
  });

  it('spills unwritten lines to a file at shutdown and writes them on the next start', async () => {
    const spillFile = join(await mkdtemp(join(tmpdir(), 'kotodama-spill-')), 'pending.jsonl');
    const writer = new ChatWriter(repos.conversations, log, {
      flushIntervalMs: 10,
      maxRetryDelayMs: 50,
      spillFile,
    });
    const before = await count();
    proxy.cut();
    writer.append(line('lost?'));
    writer.append(line('not lost'));
    await writer.close();
    expect((await readFile(spillFile, 'utf8')).trim().split('\n')).toHaveLength(2);
    proxy.restore();
    const next = new ChatWriter(repos.conversations, log, { flushIntervalMs: 10, spillFile });
    expect(await next.recoverSpill()).toBe(2);
    await expect.poll(() => next.pendingCount, { timeout: 15_000 }).toBe(0);
    expect(await count()).toBe(before + 2);
    await expect(readFile(spillFile)).rejects.toThrow();
  });
});
