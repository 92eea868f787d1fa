import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountWith, call, uploadAvatar } from '../characters/catalogue.testkit';
import { buildVrm } from '../media/vrm/vrm.testkit';
import { signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

const ADMIN_ID = randomUUID();
let unique = 0;
/** A distinct valid avatar each call (the vertex count changes the bytes). */
const freshVrm = (options: Parameters<typeof buildVrm>[0] = {}) =>
  buildVrm({ expressions: ['aa'], vertices: 3 * ++unique, ...options });
const ids = (reply: { body: { avatars: { id: string }[] } }) => reply.body.avatars.map((a) => a.id);

describe('the avatar catalogue: approval, licences, deletion', () => {
  let server: TestServer;
  let admin: string;
  let mailAdmin: string;
  let owner: string;
  let other: string;

  beforeAll(async () => {
    server = await bootTestServer({ ADMINS: `${ADMIN_ID}, Boss@Example.com` });
    admin = (await accountWith(server, { id: ADMIN_ID, name: 'Admin' })).token;
    mailAdmin = (await accountWith(server, { name: 'Boss', email: 'boss@example.com' })).token;
    owner = (await signIn(server, 'Owner')).accessToken;
    other = (await signIn(server, 'Other')).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('lists the three built-in avatars for everyone, served as glTF binary', async () => {
    const res = await server.get('/api/avatars');
    expect(res.status).toBe(200);
    const builtins = res.body.avatars.filter((a: { builtin: boolean }) => a.builtin);
    expect(builtins.map((a: { url: string }) => a.url)).toEqual([
      '/avatars/kotoha.vrm',
      '/avatars/haru.vrm',
      '/avatars/sora.vrm',
    ]);
    expect(builtins[0]).toMatchObject({
      name: 'Kotoha',
      approved: true,
      status: 'builtin',
      lipSync: true,
      canBePublic: true,
    });
    expect(res.body.maxUploadBytes).toBe(30 * 1024 * 1024);
    const file = await fetch(`${server.url}/avatars/kotoha.vrm`);
    expect(file.headers.get('content-type')).toBe('model/gltf-binary');
  });

  it('lets the uploader use a new avatar at once, and nobody else until an admin approves it', async () => {
    const up = await uploadAvatar(server, owner, freshVrm(), { name: 'Aoi' });
    expect(up.body).toMatchObject({ approved: false, status: 'pending', mine: true });
    expect(ids(await server.get('/api/avatars', owner))).toContain(up.body.id);
    expect(ids(await server.get('/api/avatars', other))).not.toContain(up.body.id);
    expect(ids(await server.get('/api/avatars'))).not.toContain(up.body.id);
    expect((await server.get(`/api/avatars/${up.body.id}`, other)).status).toBe(404);

    expect((await call(server, 'POST', `/api/avatars/${up.body.id}/approve`)).status).toBe(401);
    const refused = await call(server, 'POST', `/api/avatars/${up.body.id}/approve`, undefined, owner);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'admins_only']);
    const pending = await server.get('/api/avatars?pending=1', admin);
    expect(ids(pending)).toContain(up.body.id);
    expect(pending.body.avatars.every((a: { approved: boolean }) => !a.approved)).toBe(true);
    expect((await server.get('/api/avatars?pending=1', owner)).status).toBe(403);

    const approved = await call(server, 'POST', `/api/avatars/${up.body.id}/approve`, undefined, admin);
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approved: true, status: 'approved' });
    expect(ids(await server.get('/api/avatars', other))).toContain(up.body.id);
    expect(ids(await server.get('/api/avatars'))).toContain(up.body.id);
    expect(ids(await server.get('/api/avatars?pending=1', admin))).not.toContain(up.body.id);
  });

  it('recognises an admin by the e-mail on their account', async () => {
    const up = await uploadAvatar(server, owner, freshVrm());
    const res = await call(server, 'POST', `/api/avatars/${up.body.id}/approve`, undefined, mailAdmin);
    expect(res.status).toBe(200);
    expect(res.body.approved).toBe(true);
  });

  it.each([
    [
      'a VRM 1.0 avatar only its author may use',
      { version: '1.0' as const, meta: { avatarPermission: 'onlyAuthor' } },
      /only the author/,
    ],
    [
      'a VRM 1.0 avatar that may not be redistributed',
      { version: '1.0' as const, meta: { allowRedistribution: false } },
      /redistribut/,
    ],
    [
      'a VRM 0.x avatar marked Redistribution_Prohibited',
      { version: '0.x' as const, meta: { licenseName: 'Redistribution_Prohibited' } },
      /redistribut/,
    ],
    [
      'a VRM 0.x avatar for explicitly licensed people',
      { version: '0.x' as const, meta: { allowedUserName: 'ExplicitlyLicensedPerson' } },
      /licensed people/,
    ],
  ])('never publishes %s: approval answers 409 with the licence reason', async (_name, options, reason) => {
    const up = await uploadAvatar(server, owner, freshVrm(options));
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ canBePublic: false, status: 'private_only' });
    expect(up.body.warnings).toContain('not_shareable');
    expect(up.body.licence.reason).toMatch(reason);
    const res = await call(server, 'POST', `/api/avatars/${up.body.id}/approve`, undefined, admin);
    expect([res.status, res.body.error.code]).toEqual([409, 'licence_forbids_public']);
    expect(res.body.error.message).toMatch(reason);
    expect(ids(await server.get('/api/avatars', other))).not.toContain(up.body.id);
    expect(ids(await server.get('/api/avatars', owner))).toContain(up.body.id);
  });

  it('lets the owner delete an unapproved upload (its file goes too), but not an approved one', async () => {
    const up = await uploadAvatar(server, owner, freshVrm());
    expect((await call(server, 'DELETE', `/api/avatars/${up.body.id}`, undefined, other)).status).toBe(404);
    expect((await call(server, 'DELETE', `/api/avatars/${up.body.id}`, undefined, owner)).status).toBe(204);
    expect((await server.get(`/api/avatars/${up.body.id}`, owner)).status).toBe(404);
    expect((await fetch(`${server.url}${up.body.url}`)).status).toBe(404);

    const kept = await uploadAvatar(server, owner, freshVrm());
    await call(server, 'POST', `/api/avatars/${kept.body.id}/approve`, undefined, admin);
    const refused = await call(server, 'DELETE', `/api/avatars/${kept.body.id}`, undefined, owner);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'avatar_public']);
    expect((await call(server, 'DELETE', `/api/avatars/${kept.body.id}`, undefined, other)).status).toBe(403);
    expect((await call(server, 'DELETE', `/api/avatars/${kept.body.id}`, undefined, admin)).status).toBe(204);
  });

  it('gives a character whose avatar was deleted the default avatar, and keeps the character', async () => {
    const up = await uploadAvatar(server, owner, freshVrm());
    const persona = 'You are Nova, a calm astronomer who answers in short sentences.';
    const created = await call(
      server,
      'POST',
      '/api/characters',
      { name: 'Nova', persona, avatarId: up.body.id },
      owner,
    );
    expect([created.status, created.body.avatarUrl]).toEqual([201, up.body.url]);
    expect((await call(server, 'DELETE', `/api/avatars/${up.body.id}`, undefined, owner)).status).toBe(204);
    const after = await server.get(`/api/characters/${created.body.id}`, owner);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ name: 'Nova', avatarId: null, avatarUrl: '/avatars/kotoha.vrm' });
  });

  it('keeps a shared file until its last catalogue entry is deleted', async () => {
    const bytes = freshVrm();
    const mine = await uploadAvatar(server, owner, bytes);
    const theirs = await uploadAvatar(server, other, bytes);
    expect((await call(server, 'DELETE', `/api/avatars/${mine.body.id}`, undefined, owner)).status).toBe(204);
    expect((await fetch(`${server.url}${theirs.body.url}`)).status).toBe(200);
    expect((await call(server, 'DELETE', `/api/avatars/${theirs.body.id}`, undefined, other)).status).toBe(
      204,
    );
    expect((await fetch(`${server.url}${theirs.body.url}`)).status).toBe(404);
  });

  it('never deletes a built-in, and answers 404 for ids that do not exist', async () => {
    const kotoha = (await server.get('/api/avatars')).body.avatars[0];
    const res = await call(server, 'DELETE', `/api/avatars/${kotoha.id}`, undefined, admin);
    expect([res.status, res.body.error.code]).toEqual([403, 'builtin_avatar']);
    expect((await server.get(`/api/avatars/${randomUUID()}`, admin)).status).toBe(404);
    expect((await server.get('/api/avatars/not-an-id', admin)).status).toBe(404);
    expect((await call(server, 'POST', '/api/avatars/not-an-id/approve', undefined, admin)).status).toBe(404);
  });
});
