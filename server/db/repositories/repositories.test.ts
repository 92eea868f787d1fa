import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteBackend, postgresBackend, type TestDatabase } from '../../../test-support/databases';
import { createRepositories, type ChatRecord, type Repositories } from './index';

/** One contract suite, two databases: what passes on PGlite must pass on PostgreSQL. */
describe.each([pgliteBackend, postgresBackend])('repositories on $name', (backend) => {
  const run = backend.available;
  let handle: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    if (!run) return;
    handle = await backend.open();
    repos = createRepositories(handle.db);
  });
  afterAll(async () => {
    if (run) await handle.drop();
  });

  it.runIf(run)('answers a ping once migrated', async () => {
    expect(await handle.db.ping()).toBe(true);
  });

  it.runIf(run)('creates and finds guest users', async () => {
    const user = await repos.users.createGuest('Aiko');
    const found = await repos.users.findById(user.id);
    expect(found).toMatchObject({ id: user.id, name: 'Aiko', isGuest: true });
    expect(await repos.users.findById(randomUUID())).toBeNull();
  });

  it.runIf(run)('spends a refresh token exactly once, even when two uses race', async () => {
    const user = await repos.users.createGuest('Ben');
    const tokenHash = 'a'.repeat(64);
    await repos.refreshTokens.insert({
      tokenHash,
      userId: user.id,
      familyId: randomUUID(),
      expiresAt: new Date(Date.now() + 60_000),
      createdAt: new Date(),
    });
    const results = await Promise.all([
      repos.refreshTokens.spend(tokenHash),
      repos.refreshTokens.spend(tokenHash),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await repos.refreshTokens.findByHash(tokenHash))?.usedAt).toBeInstanceOf(Date);
  });

  it.runIf(run)('does not spend an expired token, and revokes a whole family', async () => {
    const user = await repos.users.createGuest('Chie');
    const familyId = randomUUID();
    const past = new Date(Date.now() - 1000);
    await repos.refreshTokens.insert({
      tokenHash: 'b'.repeat(64),
      userId: user.id,
      familyId,
      expiresAt: past,
      createdAt: past,
    });
    await repos.refreshTokens.insert({
      tokenHash: 'c'.repeat(64),
      userId: user.id,
      familyId,
      expiresAt: new Date(Date.now() + 60_000),
      createdAt: new Date(),
    });
    expect(await repos.refreshTokens.spend('b'.repeat(64))).toBe(false);
    expect(await repos.refreshTokens.revokeFamily(familyId)).toBe(2);
    expect(await repos.refreshTokens.spend('c'.repeat(64))).toBe(false);
  });

  it.runIf(run)('keeps exactly one default character and lists what a user may use', async () => {
    const make = () => ({
      name: 'Hana',
      persona: 'A cheerful guide.',
      greeting: 'Hi!',
      language: 'en',
      voice: {},
      visibility: 'public' as const,
      ownerId: null,
      avatarId: null,
    });
    const a = await repos.characters.ensureDefault(make);
    const b = await repos.characters.ensureDefault(make);
    expect(b.id).toBe(a.id);
    const owner = await repos.users.createGuest('Dai');
    const mine = await repos.characters.create({
      ...make(),
      name: 'Secret',
      visibility: 'private',
      ownerId: owner.id,
    });
    const other = await repos.users.createGuest('Eri');
    expect((await repos.characters.listUsableBy(owner.id)).map((c) => c.id)).toContain(mine.id);
    expect((await repos.characters.listUsableBy(other.id)).map((c) => c.id)).not.toContain(mine.id);
    expect((await repos.characters.listUsableBy(null))[0].id).toBe(a.id);
  });

  it.runIf(run)('writes chat lines idempotently and reads the last ones in order', async () => {
    const character = await repos.characters.ensureDefault(() => {
      throw new Error('exists already');
    });
    const conversation = await repos.conversations.create(character.id, null);
    const base = Date.now();
    const lines: ChatRecord[] = Array.from({ length: 5 }, (_, i) => ({
      id: randomUUID(),
      conversationId: conversation.id,
      kind: 'user',
      userId: null,
      name: 'Fumi',
      text: `line ${i}`,
      createdAt: new Date(base + i),
    }));
    await repos.conversations.appendMessages(lines.slice(0, 3));
    await repos.conversations.appendMessages(lines); // a retry that overlaps the first batch
    expect(await repos.conversations.countMessages(conversation.id)).toBe(5);
    const recent = await repos.conversations.recentMessages(conversation.id, 3);
    expect(recent.map((m) => m.text)).toEqual(['line 2', 'line 3', 'line 4']);
  });

  it.runIf(run)('creates rooms and bumps their link generation', async () => {
    const owner = await repos.users.createGuest('Gin');
    const character = await repos.characters.ensureDefault(() => {
      throw new Error('exists already');
    });
    const conversation = await repos.conversations.create(character.id, 'room1');
    await repos.rooms.create({
      id: 'room1',
      ownerId: owner.id,
      characterId: character.id,
      conversationId: conversation.id,
      mode: 'open',
      isPublic: true,
      createdAt: new Date(),
    });
    expect(await repos.rooms.bumpLinkGeneration('room1')).toBe(1);
    expect(await repos.rooms.bumpLinkGeneration('room1')).toBe(2);
    await repos.rooms.setMode('room1', 'hosted');
    expect(await repos.rooms.findById('room1')).toMatchObject({ mode: 'hosted', linkGeneration: 2 });
  });
  describe('avatar catalogue', () => {
    const upload = (ownerId: string | null, contentHash: string, canBePublic = true) => ({
      ownerId,
      name: 'Mika',
      storageKey: `avatars/${contentHash}.vrm`,
      contentHash,
      sizeBytes: 1234,
      vrmVersion: '1.0',
      meta: { bones: ['hips'], expressions: ['aa'] },
      lipSync: true,
      thumbnailKey: null,
      canBePublic,
    });

    it.runIf(run)('keeps one entry per owner and file, even when the same upload races itself', async () => {
      const owner = await repos.users.createGuest('Hana');
      const hash = 'd'.repeat(64);
      const [a, b] = await Promise.all([
        repos.avatars.create(upload(owner.id, hash)),
        repos.avatars.create(upload(owner.id, hash)),
      ]);
      expect(a.model.id).toBe(b.model.id);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      const other = await repos.users.createGuest('Ikue');
      const theirs = await repos.avatars.create(upload(other.id, hash));
      expect(theirs).toMatchObject({ created: true });
      expect(theirs.model.id).not.toBe(a.model.id);
      expect(await repos.avatars.findById(a.model.id)).toMatchObject({
        approved: false,
        meta: { bones: ['hips'] },
        lipSync: true,
      });
      expect(await repos.avatars.findById('not-a-uuid')).toBeNull();
    });

    it.runIf(run)(
      'lists built-ins first, then approved and own uploads; pending ones only for review',
      async () => {
        const builtin = await repos.avatars.upsertBuiltin(randomUUID(), upload(null, 'e'.repeat(64)));
        const owner = await repos.users.createGuest('Jun');
        const mine = (await repos.avatars.create(upload(owner.id, 'f'.repeat(64)))).model;
        const stranger = await repos.users.createGuest('Kei');
        expect((await repos.avatars.listUsableBy(owner.id)).map((m) => m.id)).toEqual(
          expect.arrayContaining([builtin.id, mine.id]),
        );
        expect((await repos.avatars.listUsableBy(owner.id))[0].ownerId).toBeNull();
        expect((await repos.avatars.listUsableBy(stranger.id)).map((m) => m.id)).not.toContain(mine.id);
        expect((await repos.avatars.listUsableBy(null)).map((m) => m.id)).toContain(builtin.id);
        expect((await repos.avatars.listPending()).map((m) => m.id)).toContain(mine.id);
        expect(await repos.avatars.approve(mine.id)).toBe(true);
        expect((await repos.avatars.listUsableBy(stranger.id)).map((m) => m.id)).toContain(mine.id);
        expect((await repos.avatars.listPending()).map((m) => m.id)).not.toContain(mine.id);
      },
    );

    it.runIf(run)(
      'never approves an entry whose licence forbids sharing, and refreshes built-ins in place',
      async () => {
        const owner = await repos.users.createGuest('Lio');
        const locked = (await repos.avatars.create(upload(owner.id, '1'.repeat(64), false))).model;
        expect(await repos.avatars.approve(locked.id)).toBe(false);
        expect(await repos.avatars.findById(locked.id)).toMatchObject({ approved: false });
        const id = randomUUID();
        await repos.avatars.upsertBuiltin(id, upload(null, '2'.repeat(64)));
        const refreshed = await repos.avatars.upsertBuiltin(id, {
          ...upload(null, '3'.repeat(64)),
          lipSync: false,
        });
        expect(await repos.avatars.findById(id)).toMatchObject({
          contentHash: '3'.repeat(64),
          lipSync: false,
          approved: true,
          ownerId: null,
        });
        expect(refreshed.id).toBe(id);
      },
    );

    it.runIf(run)('deletes entries; characters that wore one fall back to no avatar', async () => {
      const owner = await repos.users.createGuest('Mao');
      const model = (await repos.avatars.create(upload(owner.id, '4'.repeat(64)))).model;
      const character = await repos.characters.create({
        ownerId: owner.id,
        name: 'Rin',
        persona: 'p',
        greeting: '',
        language: 'en',
        voice: {},
        visibility: 'private',
        avatarId: model.id,
      });
      expect(await repos.avatars.keyInUse(`avatars/${'4'.repeat(64)}.vrm`)).toBe(true);
      expect(await repos.avatars.delete(model.id)).toBe(true);
      expect(await repos.avatars.delete(model.id)).toBe(false);
      expect(await repos.avatars.keyInUse(`avatars/${'4'.repeat(64)}.vrm`)).toBe(false);
      expect((await repos.characters.findById(character.id))?.avatarId).toBeNull();
    });
  });
});
