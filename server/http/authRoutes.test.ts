import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

describe('POST /api/auth/guest and /api/auth/refresh', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await bootTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('signs a guest in and the access token identifies them', async () => {
    const res = await server.post('/api/auth/guest', { name: '  Aiko ' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ name: 'Aiko' });
    expect(typeof res.body.refreshToken).toBe('string');
    expect(server.services.signer.verifyAccess(res.body.accessToken)).toMatchObject({
      userId: res.body.user.id,
      name: 'Aiko',
      guest: true,
    });
  });

  it.each([
    [{ name: '' }, 'invalid_name'],
    [{ name: 'x'.repeat(33) }, 'invalid_name'],
    [{ name: 'bad\u0007bell' }, 'invalid_name'],
    [{}, 'invalid_name'],
    ['{not json', 'invalid_json'],
  ])('refuses %j with a clear 400', async (body, code) => {
    const res = await server.post('/api/auth/guest', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message.length).toBeGreaterThan(10);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await server.post('/api/auth/guest', { name: 'a', pad: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
  });

  it('rotates the refresh token on every use', async () => {
    const first = (await server.post('/api/auth/guest', { name: 'Ben' })).body;
    const second = await server.post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect(second.body.user).toEqual(first.user);
    const third = await server.post('/api/auth/refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);
  });

  it('revokes the whole family when a spent refresh token is used again', async () => {
    const first = (await server.post('/api/auth/guest', { name: 'Chie' })).body;
    const second = (await server.post('/api/auth/refresh', { refreshToken: first.refreshToken })).body;
    const replay = await server.post('/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('token_reused');
    // the legitimate newest token is now dead too: the thief and the owner both have to sign in again
    const after = await server.post('/api/auth/refresh', { refreshToken: second.refreshToken });
    expect(after.status).toBe(401);
  });

  it('refuses unknown and missing refresh tokens', async () => {
    expect((await server.post('/api/auth/refresh', { refreshToken: 'made-up' })).status).toBe(401);
    expect((await server.post('/api/auth/refresh', {})).status).toBe(400);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await server.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
