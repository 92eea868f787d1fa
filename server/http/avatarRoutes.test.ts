import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, uploadAvatar } from '../characters/catalogue.testkit';
import {
  buildVrm,
  listVrmFixtures,
  readVrmFixture,
  tinyJpeg,
  tinyPng,
  VRM_FIXTURES_DIR,
} from '../media/vrm/vrm.testkit';
import { signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

/** Facts read from each fixture by hand (see server/media/vrm/fixtures.test.ts), not from the validator. */
const FACTS: Record<
  string,
  {
    version: string;
    bones: number;
    expressions: string[];
    lipSync: boolean;
    licence: Record<string, unknown>;
  }
> = {
  'mtoon1_2_20_61_vrm0.vrm': {
    version: '0.x',
    bones: 17,
    expressions: ['aa', 'blink', 'happy', 'neutral'],
    lipSync: false,
    licence: { spec: '0.x', licenseName: 'CC0', allowedUserName: 'Everyone' },
  },
  'pose_rotation_scale_shape_key_skinned.vrm': {
    version: '0.x',
    bones: 17,
    expressions: ['aa', 'lookUp'],
    lipSync: true,
    licence: { spec: '0.x', licenseName: 'CC0', contactInformation: 'https://github.com/saturday06' },
  },
  'cryptovoxels.vrm': {
    version: '0.x',
    bones: 43,
    expressions: [],
    lipSync: false,
    licence: { spec: '0.x', licenseName: 'Other', allowedUserName: 'Everyone' },
  },
  'VRMC_vrm_expressions_isBinary_Overrides.vrm': {
    version: '1.0',
    bones: 22,
    expressions: ['happy', 'blink'],
    lipSync: false,
    licence: {
      spec: '1.0',
      avatarPermission: 'everyone',
      allowRedistribution: true,
      commercialUsage: 'corporation',
    },
  },
  'VRMC_materials_mtoon_UV_Animation_Test.vrm': {
    version: '1.0',
    bones: 53,
    expressions: [],
    lipSync: false,
    licence: { spec: '1.0', avatarPermission: 'everyone', version: 'v1.0.0' },
  },
};

const fixtures = listVrmFixtures();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('POST /api/avatars and the files it serves', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await bootTestServer();
    token = (await signIn(server, 'Uploader')).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
  });

  describe('every VRM fixture made by other tools', () => {
    if (!fixtures) {
      if (process.env.CI === 'true')
        it('finds the VRM fixtures (required when CI=true)', () =>
          expect.fail(`No VRM fixtures at ${VRM_FIXTURES_DIR}`));
      else it.skip(`needs VRM fixtures at ${VRM_FIXTURES_DIR} (absent here; skipped)`, () => undefined);
      return;
    }
    it.each(fixtures)('accepts %s and records its version, bones, expressions and licence', async (name) => {
      const bytes = readVrmFixture(name);
      const res = await uploadAvatar(server, token, bytes);
      expect(res.status, res.text).toBe(201);
      const facts = FACTS[name];
      if (facts) {
        expect(res.body).toMatchObject({
          vrmVersion: facts.version,
          lipSync: facts.lipSync,
          approved: false,
          canBePublic: true,
          status: 'pending',
        });
        expect(res.body.bones).toHaveLength(facts.bones);
        expect(res.body.expressions).toEqual(expect.arrayContaining(facts.expressions));
        expect(res.body.licence.meta).toMatchObject(facts.licence);
        expect(res.body.warnings.includes('no_lip_sync')).toBe(!facts.lipSync);
      }
      const stored = await server.services.repos.avatars.findById(res.body.id);
      expect(stored).toMatchObject({
        contentHash: sha256(bytes),
        sizeBytes: bytes.byteLength,
        vrmVersion: res.body.vrmVersion,
        lipSync: res.body.lipSync,
      });
      expect(stored!.meta).toMatchObject({
        bones: res.body.bones,
        expressions: res.body.expressions,
        licence: { meta: res.body.licence.meta },
      });
      expect(res.body.url).toBe(`/media/avatars/${sha256(bytes)}.vrm`);
      const served = await fetch(`${server.url}${res.body.url}`);
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    });
  });

  it('serves an upload under its content hash as glTF binary, cached for a year as immutable', async () => {
    const bytes = buildVrm({ expressions: ['aa', 'happy'] });
    const res = await uploadAvatar(server, token, bytes, { name: 'Mika' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Mika', vrmVersion: '1.0', lipSync: true, warnings: [] });
    const served = await fetch(`${server.url}${res.body.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('model/gltf-binary');
    expect(served.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('stores the same file once: a second upload reuses the bytes and the catalogue entry', async () => {
    const bytes = buildVrm({ version: '0.x', expressions: ['a'] });
    const first = await uploadAvatar(server, token, bytes);
    const again = await uploadAvatar(server, token, bytes, { name: 'Same file' });
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.id).toBe(first.body.id);
    const other = await signIn(server, 'Second uploader');
    const theirs = await uploadAvatar(server, other.accessToken, bytes);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(first.body.id);
    expect(theirs.body.url).toBe(first.body.url);
    const files = await readdir(join(server.dataDir, 'files', 'avatars'));
    expect(files.filter((f) => f.startsWith(sha256(bytes)))).toEqual([`${sha256(bytes)}.vrm`]);
  });

  it('stores an upload whose bytes match a built-in avatar (built-ins are not in storage)', async () => {
    const bytes = new Uint8Array(
      await readFile(fileURLToPath(new URL('../../assets/avatars/haru.vrm', import.meta.url))),
    );
    const res = await uploadAvatar(server, token, bytes);
    expect(res.status).toBe(201);
    expect(res.body.url).toBe(`/media/avatars/${sha256(bytes)}.vrm`);
    expect((await fetch(`${server.url}${res.body.url}`)).status).toBe(200);
  });

  it('keeps the thumbnail beside the file and serves it as an image', async () => {
    for (const [mime, image, ext] of [
      ['image/png', tinyPng(8, 8), 'png'],
      ['image/jpeg', tinyJpeg(8, 8), 'jpg'],
    ] as const) {
      const bytes = buildVrm({ images: [{ mimeType: mime, bytes: image }], thumbnail: true });
      const res = await uploadAvatar(server, token, bytes);
      expect(res.body.thumbnailUrl).toBe(`/media/avatars/${sha256(bytes)}.thumb.${ext}`);
      const served = await fetch(`${server.url}${res.body.thumbnailUrl}`);
      expect(served.headers.get('content-type')).toBe(mime);
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(image))).toBe(true);
    }
  });

  it('answers a plain 404 for missing or malformed file paths, never a server path or a 500', async () => {
    for (const path of [
      `/media/avatars/${'0'.repeat(64)}.vrm`,
      '/media/..%2F..%2Fpackage.json',
      '/avatars/nobody.vrm',
      '/media/.hidden',
    ]) {
      const res = await fetch(`${server.url}${path}`);
      const text = await res.text();
      expect(res.status, path).toBe(404);
      expect(text).not.toContain(server.dataDir);
      expect(text).not.toMatch(/ENOENT|\/tmp\/|\/work\//);
    }
  });

  it('flags a file without mouth shapes as having no lip-sync, and still accepts it', async () => {
    const res = await uploadAvatar(server, token, buildVrm({ expressions: ['happy'] }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ lipSync: false, warnings: ['no_lip_sync'] });
  });

  it('asks for a sign-in, a multipart form and the file field, each with a clear reason', async () => {
    expect((await uploadAvatar(server, undefined, buildVrm())).status).toBe(401);
    const json = await call(server, 'POST', '/api/avatars', { file: 'not a file' }, token);
    expect([json.status, json.body.error.code]).toEqual([415, 'multipart_required']);
    const wrongField = await uploadAvatar(server, token, buildVrm(), { field: 'avatar' });
    expect([wrongField.status, wrongField.body.error.code]).toEqual([400, 'file_missing']);
    expect(wrongField.body.error.message).toContain('"file"');
    const badName = await uploadAvatar(server, token, buildVrm(), { name: 'x'.repeat(129) });
    expect([badName.status, badName.body.error.code]).toEqual([400, 'invalid_name']);
  });
});
