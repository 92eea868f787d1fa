import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAvatar } from '../characters/catalogue.testkit';
import { loadConfig } from '../config';
import { createStorage } from '../media/storage';
import { buildVrm, tinyPng } from '../media/vrm/vrm.testkit';
import { startFakeS3, type FakeS3 } from '../../test-support/fakeS3';
import { signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

const s3Env = (fake: FakeS3, publicUrl?: string) => ({
  S3_ENDPOINT: fake.endpoint,
  S3_BUCKET: fake.bucket,
  S3_REGION: fake.region,
  S3_ACCESS_KEY_ID: fake.accessKeyId,
  S3_SECRET_ACCESS_KEY: fake.secretAccessKey,
  S3_PUBLIC_URL: publicUrl,
});

describe('avatars on S3-compatible storage', () => {
  let fake: FakeS3;
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    fake = await startFakeS3();
    server = await bootTestServer(s3Env(fake));
    token = (await signIn(server, 'Cloud')).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
    await fake?.close();
  });

  it('puts the upload in the bucket and serves it through /media when the bucket has no public URL', async () => {
    const bytes = buildVrm({
      images: [{ mimeType: 'image/png', bytes: tinyPng(4, 4) }],
      thumbnail: true,
      expressions: ['aa'],
    });
    const hash = createHash('sha256').update(bytes).digest('hex');
    const res = await uploadAvatar(server, token, bytes);
    expect(res.status).toBe(201);
    expect(fake.objects.get(`avatars/${hash}.vrm`)).toMatchObject({
      contentType: 'model/gltf-binary',
      cacheControl: expect.stringContaining('immutable'),
    });
    expect(res.body.url).toBe(`/media/avatars/${hash}.vrm`);
    const served = await fetch(`${server.url}${res.body.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('model/gltf-binary');
    expect(served.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    const thumb = await fetch(`${server.url}${res.body.thumbnailUrl}`);
    expect(thumb.headers.get('content-type')).toBe('image/png');
  });

  it('answers 404 for keys the bucket does not have, or that try to climb out of it', async () => {
    expect((await fetch(`${server.url}/media/avatars/${'0'.repeat(64)}.vrm`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });

  it("points URLs at the bucket's public origin when S3_PUBLIC_URL is set", () => {
    const storage = createStorage(loadConfig(s3Env(fake, 'https://cdn.example.com/kotodama')).files);
    expect(storage.kind).toBe('s3');
    expect(storage.urlOf('avatars/abc.vrm')).toBe('https://cdn.example.com/kotodama/avatars/abc.vrm');
    storage.close?.();
  });
});
