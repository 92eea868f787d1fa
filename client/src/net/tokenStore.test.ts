import { describe, expect, it } from 'vitest';
import { TokenStore, tokenExpiry, type KeyValueStorage } from './tokenStore';

const memory = (): KeyValueStorage & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
};
const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
const jwt = (exp: number) => `${b64({ alg: 'HS256' })}.${b64({ sub: 'u1', exp })}.sig`;

describe('TokenStore', () => {
  it('keeps the sign-in across page loads (same storage)', () => {
    const storage = memory();
    new TokenStore(storage).save({ accessToken: 'a', refreshToken: 'r', user: { id: 'u1', name: 'Aiko' } });
    expect(new TokenStore(storage).session?.user.name).toBe('Aiko');
  });

  it('stores the rotated refresh token and keeps the user', async () => {
    const store = new TokenStore(memory());
    store.save({ accessToken: 'a1', refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
    const used: string[] = [];
    await store.refresh(async (r) => {
      used.push(r);
      return { accessToken: 'a2', refreshToken: 'r2' };
    });
    await store.refresh(async (r) => {
      used.push(r);
      return { accessToken: 'a3', refreshToken: 'r3' };
    });
    expect(used).toEqual(['r1', 'r2']);
    expect(store.session).toEqual({
      accessToken: 'a3',
      refreshToken: 'r3',
      user: { id: 'u1', name: 'Aiko' },
    });
  });

  it('never spends the same refresh token twice when two callers refresh at once', async () => {
    const store = new TokenStore(memory());
    store.save({ accessToken: 'a1', refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
    let calls = 0;
    const exchange = async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return { accessToken: 'a2', refreshToken: 'r2' };
    };
    const [x, y] = await Promise.all([store.refresh(exchange), store.refresh(exchange)]);
    expect(calls).toBe(1);
    expect(x).toEqual(y);
  });

  it('signs out when the refresh is refused', async () => {
    const store = new TokenStore(memory());
    store.save({ accessToken: 'a1', refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
    expect(await store.refresh(async () => null)).toBeNull();
    expect(store.session).toBeNull();
  });

  it('treats a token that expires within the margin as stale', () => {
    const now = 1_700_000_000_000;
    const store = new TokenStore(memory(), () => now);
    expect(
      store.isStale({ accessToken: jwt(now / 1000 + 10), refreshToken: 'r', user: { id: 'u', name: 'A' } }),
    ).toBe(true);
    expect(
      store.isStale({ accessToken: jwt(now / 1000 + 600), refreshToken: 'r', user: { id: 'u', name: 'A' } }),
    ).toBe(false);
  });

  it('survives garbage in storage', () => {
    const storage = memory();
    storage.setItem('kotodama.session', '{not json');
    expect(new TokenStore(storage).session).toBeNull();
    expect(tokenExpiry('not-a-jwt')).toBeNull();
  });
});
