import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWith, call, uploadAvatar } from '../characters/catalogue.testkit';
import { buildVrm } from '../media/vrm/vrm.testkit';
import { signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

const ADMIN_ID = randomUUID();
const PERSONA = 'Mika is a calm librarian who speaks softly, loves old maps, and never gives medical advice.';
const names = (reply: { body: { characters: { name: string }[] } }) =>
  reply.body.characters.map((c) => c.name);

describe('/api/characters: CRUD and who may do what', () => {
  let server: TestServer;
  let owner: string;
  let other: string;
  let admin: string;
  let defaultId: string;

  beforeAll(async () => {
    server = await bootTestServer({ ADMINS: ADMIN_ID });
    owner = (await signIn(server, 'Owner')).accessToken;
    other = (await signIn(server, 'Other')).accessToken;
    admin = (await accountWith(server, { id: ADMIN_ID, name: 'Admin' })).token;
    defaultId = (await server.services.characters.default()).id;
  });
  afterAll(async () => {
    await server?.stop();
  });

  const create = (token: string, body: Record<string, unknown>) =>
    call(server, 'POST', '/api/characters', { name: 'Mika', persona: PERSONA, ...body }, token);

  it('shows everyone the default character with its avatar, even signed out', async () => {
    const res = await server.get('/api/characters');
    expect(res.status).toBe(200);
    expect(res.body.characters[0]).toMatchObject({
      id: defaultId,
      name: 'Kotoha',
      isDefault: true,
      avatarUrl: '/avatars/kotoha.vrm',
      editable: false,
    });
  });

  it('creates a private character with friendly defaults, visible to its owner only', async () => {
    const res = await create(owner, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: 'Mika',
      persona: PERSONA,
      greeting: '',
      language: 'en',
      voice: { provider: 'espeak' },
      visibility: 'private',
      avatarId: null,
      avatarUrl: '/avatars/kotoha.vrm',
      editable: true,
      isDefault: false,
    });
    expect((await server.get(`/api/characters/${res.body.id}`, owner)).status).toBe(200);
    // A private character does not exist for anyone else: 404, never 403.
    expect((await server.get(`/api/characters/${res.body.id}`, other)).status).toBe(404);
    expect((await server.get(`/api/characters/${res.body.id}`)).status).toBe(404);
    expect(
      (await call(server, 'PATCH', `/api/characters/${res.body.id}`, { name: 'Stolen' }, other)).status,
    ).toBe(404);
    expect((await call(server, 'DELETE', `/api/characters/${res.body.id}`, undefined, other)).status).toBe(
      404,
    );
    expect(names(await server.get('/api/characters', other))).not.toContain('Mika');
  });

  it('lets others read and use a public character, but only the owner change or delete it', async () => {
    const res = await create(owner, {
      name: 'Haru',
      visibility: 'public',
      language: 'ja',
      voice: { provider: 'koeiromap', speakerX: 1.5, speakerY: -2, style: 'happy' },
    });
    expect(res.status).toBe(201);
    expect(names(await server.get('/api/characters', other))).toContain('Haru');
    expect(names(await server.get('/api/characters'))).toContain('Haru');
    const read = await server.get(`/api/characters/${res.body.id}`, other);
    expect(read.body).toMatchObject({
      name: 'Haru',
      editable: false,
      voice: { provider: 'koeiromap', style: 'happy' },
    });
    const patch = await call(server, 'PATCH', `/api/characters/${res.body.id}`, { name: 'Mine now' }, other);
    expect([patch.status, patch.body.error.code]).toEqual([403, 'not_owner']);
    expect((await call(server, 'DELETE', `/api/characters/${res.body.id}`, undefined, other)).status).toBe(
      403,
    );
    const room = await call(server, 'POST', '/api/rooms', { characterId: res.body.id }, other);
    expect(room.status).toBe(201);

    const renamed = await call(
      server,
      'PATCH',
      `/api/characters/${res.body.id}`,
      { name: 'Haru 2', greeting: 'Yo!' },
      owner,
    );
    expect(renamed.body).toMatchObject({ name: 'Haru 2', greeting: 'Yo!', language: 'ja' });
    const revoiced = await call(
      server,
      'PATCH',
      `/api/characters/${res.body.id}`,
      { voice: { provider: 'openai', voice: 'nova', speed: 1.2 } },
      owner,
    );
    expect(revoiced.body.voice).toEqual({ provider: 'openai', voice: 'nova', speed: 1.2 }); // replaced, not merged
    expect((await server.get(`/api/characters/${res.body.id}`, other)).body.voice).toEqual({
      provider: 'openai',
      voice: 'nova',
      speed: 1.2,
    });
    expect((await call(server, 'DELETE', `/api/characters/${res.body.id}`, undefined, owner)).status).toBe(
      204,
    );
    expect((await server.get(`/api/characters/${res.body.id}`, owner)).status).toBe(404);
  });

  it('protects the default character: no one but an admin edits it, and no one deletes it', async () => {
    const patch = await call(server, 'PATCH', `/api/characters/${defaultId}`, { name: 'Hacked' }, owner);
    expect([patch.status, patch.body.error.code]).toEqual([403, 'admins_only']);
    expect((await call(server, 'DELETE', `/api/characters/${defaultId}`, undefined, owner)).status).toBe(403);
    const byAdmin = await call(
      server,
      'PATCH',
      `/api/characters/${defaultId}`,
      { greeting: 'Welcome back, everyone!' },
      admin,
    );
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toMatchObject({
      greeting: 'Welcome back, everyone!',
      isDefault: true,
      editable: true,
    });
    const del = await call(server, 'DELETE', `/api/characters/${defaultId}`, undefined, admin);
    expect([del.status, del.body.error.code]).toEqual([409, 'default_character']);
    expect((await server.get(`/api/characters/${defaultId}`)).status).toBe(200);
  });

  it('asks anonymous callers to sign in before creating, changing or deleting', async () => {
    expect((await call(server, 'POST', '/api/characters', { name: 'X', persona: PERSONA })).status).toBe(401);
    expect((await call(server, 'PATCH', `/api/characters/${defaultId}`, { name: 'X' })).status).toBe(401);
    expect((await call(server, 'DELETE', `/api/characters/${defaultId}`)).status).toBe(401);
  });

  it.each([
    [{ name: '' }, /name cannot be empty/],
    [{ name: 'x'.repeat(65) }, /name is at most 64/],
    [{ name: 'bad\u202Ename' }, /invisible or control/],
    [{ persona: 'too short' }, /persona needs at least 20/],
    [{ persona: 'p'.repeat(4001) }, /persona is at most 4000/],
    [{ language: 'fr' }, /language must be "en" or "ja"/],
    [{ visibility: 'secret' }, /visibility must be/],
    [{ voice: { provider: 'google' } }, /voice.provider must be one of/],
    [{ voice: { provider: 'espeak', pitch: 9 } }, /voice.pitch: pitch is at most 2/],
    [{ voice: { provider: 'koeiromap', speakerX: -4 } }, /speakerX is at least -3/],
    [{ voice: { provider: 'openai', voice: 'darth' } }, /voice.voice/],
    [{ voice: { provider: 'espeak', voice: 'en-us; rm -rf /' } }, /eSpeak voice/],
    [{ avatarId: 'nope' }, /avatarId must be an avatar id/],
    [{ isDefault: true }, /unknown field "isDefault"/],
  ])('refuses %j with a 400 that says what is wrong', async (body, message) => {
    const res = await create(owner, body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_character');
    expect(res.body.error.message).toMatch(message);
  });

  it('refuses a missing name or an empty change', async () => {
    const missing = await call(server, 'POST', '/api/characters', { persona: PERSONA }, owner);
    expect(missing.body.error.message).toMatch(/name is required/);
    const mine = await create(owner, { name: 'Empty patch' });
    const res = await call(server, 'PATCH', `/api/characters/${mine.body.id}`, {}, owner);
    expect([res.status, res.body.error.message]).toEqual([400, expect.stringMatching(/at least one field/)]);
  });

  it('wears avatars from the catalogue the caller may use, and answers the served URL', async () => {
    const upload = await uploadAvatar(server, owner, buildVrm({ expressions: ['aa'] }));
    const built = (await server.get('/api/avatars')).body.avatars.find(
      (a: { name: string }) => a.name === 'Sora',
    );
    const withBuiltin = await create(owner, { avatarId: built.id, visibility: 'public' });
    expect(withBuiltin.body).toMatchObject({ avatarId: built.id, avatarUrl: '/avatars/sora.vrm' });
    const withUpload = await create(owner, { avatarId: upload.body.id });
    expect(withUpload.body.avatarUrl).toBe(upload.body.url);
    // Someone else's unapproved upload is not theirs to use.
    const theirs = await create(other, { avatarId: upload.body.id });
    expect([theirs.status, theirs.body.error.code]).toEqual([400, 'invalid_avatar']);
    expect((await create(owner, { avatarId: randomUUID() })).body.error.code).toBe('invalid_avatar');
  });

  it('keeps a character private while its avatar awaits approval, then lets it go public', async () => {
    const upload = await uploadAvatar(server, owner, buildVrm({ expressions: ['aa'], vertices: 9 }));
    const refused = await create(owner, { avatarId: upload.body.id, visibility: 'public' });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'avatar_not_public']);
    const draft = await create(owner, { avatarId: upload.body.id });
    const early = await call(
      server,
      'PATCH',
      `/api/characters/${draft.body.id}`,
      { visibility: 'public' },
      owner,
    );
    expect(early.status).toBe(409);
    await call(server, 'POST', `/api/avatars/${upload.body.id}/approve`, undefined, admin);
    const published = await call(
      server,
      'PATCH',
      `/api/characters/${draft.body.id}`,
      { visibility: 'public' },
      owner,
    );
    expect(published.status).toBe(200);
    expect((await server.get(`/api/characters/${draft.body.id}`, other)).body.avatarUrl).toBe(
      upload.body.url,
    );
  });

  it("falls back to the default avatar when the character's avatar is deleted", async () => {
    const upload = await uploadAvatar(server, owner, buildVrm({ expressions: ['aa'], vertices: 12 }));
    const character = await create(owner, { avatarId: upload.body.id });
    expect((await call(server, 'DELETE', `/api/avatars/${upload.body.id}`, undefined, owner)).status).toBe(
      204,
    );
    expect((await server.get(`/api/characters/${character.body.id}`, owner)).body).toMatchObject({
      avatarId: null,
      avatarUrl: '/avatars/kotoha.vrm',
    });
  });
});
