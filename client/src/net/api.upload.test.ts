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

/** What the fake server answers: a status and body, or 'drop' for a connection lost after `after` of the body. */
type Reply = { status: number; body: unknown } | { drop: true; after: number };

/** A stand-in XMLHttpRequest: records the request, reports progress in quarters, then answers `reply`. */
class FakeXhr {
  static made: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  form: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor(private readonly reply: (x: FakeXhr) => Reply) {
    FakeXhr.made.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  abort() {
    this.onabort?.();
  }
  send(form: FormData) {
    this.form = form;
    const reply = this.reply(this);
    const total = 1000;
    const until = 'drop' in reply ? reply.after : 1;
    setTimeout(() => {
      for (let q = 1; q <= 4 && q / 4 <= until; q++)
        this.upload.onprogress?.({ lengthComputable: true, loaded: (total * q) / 4, total });
      if ('drop' in reply) return this.onerror?.();
      this.status = reply.status;
      this.responseText = JSON.stringify(reply.body);
      this.onload?.();
    }, 0);
  }
}

function clientWith(reply: (x: FakeXhr) => Reply, signed = true) {
  FakeXhr.made = [];
  const tokens = new TokenStore(memory());
  if (signed) tokens.save({ accessToken: token(), refreshToken: 'r1', user: { id: 'u1', name: 'Aiko' } });
  const fetchFn = async () =>
    new Response(JSON.stringify({ accessToken: token('fresh'), refreshToken: 'r2' }), { status: 200 });
  return new ApiClient(tokens, '', fetchFn, () => new FakeXhr(reply) as unknown as XMLHttpRequest);
}

const vrmFile = () => new File([new Uint8Array(1000)], 'kotoha.vrm', { type: 'model/gltf-binary' });

describe('ApiClient.uploadAvatar', () => {
  it('posts the file as multipart field "file" with the token, reporting progress up to 1', async () => {
    const api = clientWith(() => ({
      status: 201,
      body: { id: 'a1', url: '/media/a1.vrm', vrmVersion: '0.x', lipSync: true, warnings: [] },
    }));
    const progress: number[] = [];
    const avatar = await api.uploadAvatar(vrmFile(), (f) => progress.push(f), { name: 'My Kotoha' });
    expect(avatar).toMatchObject({ id: 'a1', url: '/media/a1.vrm', vrmVersion: '0.x' });
    expect(progress).toEqual([0.25, 0.5, 0.75, 1]);
    const [xhr] = FakeXhr.made;
    expect(`${xhr.method} ${xhr.url}`).toBe('POST /api/avatars');
    expect(xhr.headers.authorization).toMatch(/^Bearer /);
    expect((xhr.form!.get('file') as File).name).toBe('kotoha.vrm');
    expect(xhr.form!.get('name')).toBe('My Kotoha');
  });

  it("turns a refusal into an ApiError with the server's reason", async () => {
    const message =
      "The avatar's skeleton lacks required humanoid bones: hips. Assign them in your VRM exporter's humanoid settings and re-export.";
    const api = clientWith(() => ({ status: 422, body: { error: { code: 'missing_bones', message } } }));
    const err = await api.uploadAvatar(vrmFile()).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 422, code: 'missing_bones', message });
  });

  it('refreshes the sign-in once on 401 and sends the file again', async () => {
    const api = clientWith((x) =>
      x.headers.authorization.endsWith('fresh')
        ? { status: 201, body: { id: 'a2' } }
        : { status: 401, body: { error: { code: 'unauthorized', message: 'expired' } } },
    );
    expect(await api.uploadAvatar(vrmFile())).toMatchObject({ id: 'a2' });
    expect(FakeXhr.made).toHaveLength(2);
  });

  it('says when the connection drops half-way, and when the server cannot be reached', async () => {
    await expect(
      clientWith(() => ({ drop: true, after: 0.5 })).uploadAvatar(vrmFile()),
    ).rejects.toMatchObject({ code: 'upload_interrupted' });
    await expect(clientWith(() => ({ drop: true, after: 0 })).uploadAvatar(vrmFile())).rejects.toMatchObject({
      code: 'offline',
    });
  });

  it('asks for a name first when signed out, and stops when cancelled', async () => {
    await expect(
      clientWith(() => ({ status: 201, body: {} }), false).uploadAvatar(vrmFile()),
    ).rejects.toMatchObject({ code: 'sign_in_required' });
    const stop = new AbortController();
    stop.abort();
    await expect(
      clientWith(() => ({ status: 201, body: {} })).uploadAvatar(vrmFile(), undefined, {
        signal: stop.signal,
      }),
    ).rejects.toMatchObject({ code: 'upload_cancelled' });
  });
});
