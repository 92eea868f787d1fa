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
const token = () => `${b64({})}.${b64({ exp: Date.now() / 1000 + 3600 })}.s`;
const json = (status: number, body: unknown) =>
  new Response(status === 204 ? null : JSON.stringify(body), { status });
const signedIn = () => {
  const tokens = new TokenStore(memory());
  tokens.save({ accessToken: token(), refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
  return tokens;
};

interface Seen {
  method: string;
  url: string;
  auth: string | null;
}

/** An ApiClient over a fake fetch that records each call and answers with `answer`. */
function clientWith(tokens: TokenStore, answer: (s: Seen) => Response) {
  const seen: Seen[] = [];
  const api = new ApiClient(tokens, '', async (url, init) => {
    const s = {
      method: init?.method ?? 'GET',
      url: String(url),
      auth: new Headers(init?.headers).get('authorization'),
    };
    seen.push(s);
    return answer(s);
  });
  return { api, seen };
}

const refusal = (status: number, code: string, message: string) => json(status, { error: { code, message } });

describe('ApiClient: reviewing and deleting avatars', () => {
  it('lists the pending uploads with the access token', async () => {
    const { api, seen } = clientWith(signedIn(), () =>
      json(200, { avatars: [{ id: 'a1', name: 'Sora', status: 'pending' }], maxUploadBytes: 1 }),
    );
    expect(await api.pendingAvatars()).toEqual([{ id: 'a1', name: 'Sora', status: 'pending' }]);
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/avatars?pending=1' });
    expect(seen[0].auth).toMatch(/^Bearer /);
  });

  it("passes a non-admin's 403 through so the lobby can hide the review", async () => {
    const { api } = clientWith(signedIn(), () =>
      refusal(403, 'admins_only', 'Only admins review pending avatars.'),
    );
    const err = await api.pendingAvatars().catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 403, code: 'admins_only' });
  });

  it('approves and deletes at the documented routes, escaping the id', async () => {
    const { api, seen } = clientWith(signedIn(), (s) =>
      s.method === 'DELETE' ? json(204, null) : json(200, { id: 'a 1', approved: true, status: 'approved' }),
    );
    expect(await api.approveAvatar('a 1')).toMatchObject({ approved: true, status: 'approved' });
    await expect(api.deleteAvatar('a 1')).resolves.toBeUndefined();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/avatars/a%201/approve',
      'DELETE /api/avatars/a%201',
    ]);
    expect(seen.every((s) => s.auth?.startsWith('Bearer '))).toBe(true);
  });

  it("carries the server's reasons: a licence that forbids sharing, an avatar already public", async () => {
    const { api } = clientWith(signedIn(), (s) =>
      s.method === 'POST'
        ? refusal(
            409,
            'licence_forbids_public',
            'This avatar can never be public: Redistribution is prohibited. It stays usable by its uploader.',
          )
        : refusal(
            409,
            'avatar_public',
            'This avatar is in the public catalogue now; ask an admin to remove it.',
          ),
    );
    await expect(api.approveAvatar('a1')).rejects.toMatchObject({
      status: 409,
      code: 'licence_forbids_public',
      message: expect.stringMatching(/^This avatar can never be public/),
    });
    await expect(api.deleteAvatar('a1')).rejects.toMatchObject({ status: 409, code: 'avatar_public' });
  });

  it('asks for a name first while signed out, sending nothing', async () => {
    const { api, seen } = clientWith(new TokenStore(memory()), () => json(200, {}));
    await expect(api.pendingAvatars()).rejects.toMatchObject({ code: 'sign_in_required' });
    await expect(api.approveAvatar('a1')).rejects.toMatchObject({ code: 'sign_in_required' });
    await expect(api.deleteAvatar('a1')).rejects.toMatchObject({ code: 'sign_in_required' });
    expect(seen).toEqual([]);
  });
});
