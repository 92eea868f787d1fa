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
const token = (tag = '') => `${b64({})}.${b64({ exp: Date.now() / 1000 + 3600 })}.s${tag}`;
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
  body: unknown;
}

/** An ApiClient over a fake fetch that records each call and answers with `answer`. */
function clientWith(tokens: TokenStore, answer: (s: Seen) => Response) {
  const seen: Seen[] = [];
  const api = new ApiClient(tokens, '', async (url, init) => {
    const s = {
      method: init?.method ?? 'GET',
      url: String(url),
      auth: new Headers(init?.headers).get('authorization'),
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(s);
    return answer(s);
  });
  return { api, seen };
}

describe('ApiClient: characters and avatars', () => {
  it('lists characters with the access token when signed in, and without it when not', async () => {
    const answer = () =>
      json(200, { characters: [{ id: 'c1', name: 'Mine', visibility: 'private', editable: true }] });
    const withSession = clientWith(signedIn(), answer);
    expect((await withSession.api.characters())[0]).toMatchObject({ name: 'Mine', editable: true });
    expect(withSession.seen[0].auth).toMatch(/^Bearer /);
    const anonymous = clientWith(new TokenStore(memory()), answer);
    await anonymous.api.characters();
    expect(anonymous.seen[0].auth).toBeNull();
  });

  it('creates, reads, changes and deletes a character at the documented routes', async () => {
    const { api, seen } = clientWith(signedIn(), (s) =>
      s.method === 'DELETE'
        ? json(204, null)
        : json(s.method === 'POST' ? 201 : 200, { id: 'c 1', name: 'Haru', ...(s.body as object) }),
    );
    const draft = {
      name: 'Haru',
      persona: 'A cheerful guide who loves trains.',
      visibility: 'private' as const,
    };
    expect(await api.createCharacter(draft)).toMatchObject({ id: 'c 1', name: 'Haru' });
    await api.character('c 1');
    expect(await api.updateCharacter('c 1', { greeting: 'Hi!' })).toMatchObject({ greeting: 'Hi!' });
    await expect(api.deleteCharacter('c 1')).resolves.toBeUndefined();
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual([
      'POST /api/characters',
      'GET /api/characters/c%201',
      'PATCH /api/characters/c%201',
      'DELETE /api/characters/c%201',
    ]);
    expect(seen[0].body).toEqual(draft);
    expect(seen[2].body).toEqual({ greeting: 'Hi!' });
    expect(seen.every((s) => s.auth?.startsWith('Bearer '))).toBe(true);
  });

  it("passes the server's validation message through", async () => {
    const { api } = clientWith(signedIn(), () =>
      json(400, {
        error: {
          code: 'invalid_character',
          message: 'Invalid character: persona: persona needs at least 20 characters.',
        },
      }),
    );
    const err = await api.createCharacter({ name: 'X', persona: 'short' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({
      status: 400,
      code: 'invalid_character',
      message: 'Invalid character: persona: persona needs at least 20 characters.',
    });
  });

  it('asks for a name before changing characters while signed out', async () => {
    const { api, seen } = clientWith(new TokenStore(memory()), () => json(200, {}));
    await expect(api.createCharacter({ name: 'X', persona: 'p'.repeat(20) })).rejects.toMatchObject({
      code: 'sign_in_required',
    });
    await expect(api.deleteCharacter('c1')).rejects.toMatchObject({ code: 'sign_in_required' });
    expect(seen).toEqual([]);
  });

  it('reads the avatar catalogue and its upload limit', async () => {
    const { api, seen } = clientWith(signedIn(), () =>
      json(200, { avatars: [{ id: 'a1', name: 'Kotoha', builtin: true }], maxUploadBytes: 31457280 }),
    );
    expect(await api.avatars()).toEqual({
      avatars: [{ id: 'a1', name: 'Kotoha', builtin: true }],
      maxUploadBytes: 31457280,
    });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/avatars' });
    expect(seen[0].auth).toMatch(/^Bearer /);
  });
});
