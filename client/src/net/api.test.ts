import { describe, expect, it } from 'vitest';
import { ApiClient, ApiError } from './api';
import { TokenStore, type KeyValueStorage } from './tokenStore';

const memory = (): KeyValueStorage => {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};
const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
const jwt = (exp: number) => `${b64({})}.${b64({ exp })}.s`;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const future = () => jwt(Date.now() / 1000 + 3600);

describe('ApiClient', () => {
  it("shows the server's own error message", async () => {
    const api = new ApiClient(new TokenStore(memory()), '', async () =>
      json(400, { error: { code: 'invalid_name', message: 'The name is too long.' } }),
    );
    const err = await api.signInGuest('x').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 400, code: 'invalid_name', message: 'The name is too long.' });
  });

  it('stores the guest sign-in and sends it as a bearer token', async () => {
    const seen: (string | null)[] = [];
    const api = new ApiClient(new TokenStore(memory()), '', async (url, init) => {
      seen.push(new Headers(init?.headers).get('authorization'));
      if (String(url).endsWith('/guest'))
        return json(201, { accessToken: future(), refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
      return json(201, { roomId: 'abc', links: { participant: 'p', spectator: 's' } });
    });
    await api.signInGuest('Aiko');
    const room = await api.createRoom();
    expect(room.roomId).toBe('abc');
    expect(seen[1]).toMatch(/^Bearer /);
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const tokens = new TokenStore(memory());
    tokens.save({ accessToken: future(), refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
    const fresh = future() + 'x';
    const api = new ApiClient(tokens, '', async (url, init) => {
      if (String(url).endsWith('/refresh')) return json(200, { accessToken: fresh, refreshToken: 'r2' });
      const auth = new Headers(init?.headers).get('authorization');
      return auth === `Bearer ${fresh}`
        ? json(200, { rooms: [] })
        : json(401, { error: { code: 'unauthorized', message: 'expired' } });
    });
    expect(await api.rooms()).toEqual([]);
    expect(tokens.session?.refreshToken).toBe('r2');
  });

  it('asks for a name before a signed-in call when nobody is signed in', async () => {
    const api = new ApiClient(new TokenStore(memory()), '', async () => json(200, {}));
    await expect(api.createRoom()).rejects.toMatchObject({ code: 'sign_in_required' });
  });

  it('says the server is unreachable instead of a TypeError', async () => {
    const api = new ApiClient(new TokenStore(memory()), '', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(api.characters()).rejects.toMatchObject({ code: 'offline' });
  });
});
