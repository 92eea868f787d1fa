/**
 * Test kit for the character and avatar API: multipart uploads the way a browser sends them,
 * signed-in accounts with a chosen id or e-mail (for ADMINS), and short JSON calls.
 */
import type { TestServer } from '../../test-support/testServer';

/** Accounts with a chosen id or e-mail live in test-support, so the browser tests can make admins too. */
export { accountWith } from '../../test-support/accounts';

/** A status and parsed body, plus the raw text and headers. */
export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read JSON answers freely
  text: string;
  headers: Headers;
}

/** Sends any method with an optional JSON body and bearer token. */
export async function call(
  server: TestServer,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parse(res);
}

/** POST /api/avatars with `bytes` in the form field `file` (and an optional `name`). */
export async function uploadAvatar(
  server: TestServer,
  token: string | undefined,
  bytes: Uint8Array,
  options: { name?: string; field?: string } = {},
): Promise<Reply> {
  const form = new FormData();
  if (options.name !== undefined) form.append('name', options.name);
  form.append(
    options.field ?? 'file',
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'model/gltf-binary' }),
    'avatar.vrm',
  );
  const res = await fetch(`${server.url}/api/avatars`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return parse(res);
}

async function parse(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers };
}
