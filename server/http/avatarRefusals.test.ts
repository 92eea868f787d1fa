import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadAvatar } from '../characters/catalogue.testkit';
import {
  buildVrm,
  concat,
  encodeChunks,
  encodeGlb,
  jsonChunkBytes,
  mutateGlb,
  pad4,
  syntheticVrm,
  tinyJpeg,
  tinyPng,
  type GlbDocument,
} from '../media/vrm/vrm.testkit';
import { signIn } from '../../test-support/roomClient';
import { bootTestServer, type TestServer } from '../../test-support/testServer';

const MB = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);
const vrm1 = (mutate: (doc: GlbDocument) => void) => mutateGlb(buildVrm(), mutate);
const vrm0 = (mutate: (doc: GlbDocument) => void) => mutateGlb(buildVrm({ version: '0.x' }), mutate);
const bin = (bytes: Uint8Array) => ({ type: 'BIN' as const, data: pad4(bytes) });

/** Hostile and malformed files, each with the status and validator code the uploader must get. */
const CASES: Array<{ name: string; status: number; code: string; bytes: () => Uint8Array }> = [
  { name: 'an empty file', status: 422, code: 'not_glb', bytes: () => new Uint8Array(0) },
  {
    name: 'a file cut inside its header',
    status: 422,
    code: 'truncated',
    bytes: () => buildVrm().slice(0, 7),
  },
  {
    name: 'a file whose tail was cut off',
    status: 422,
    code: 'truncated',
    bytes: () => buildVrm().slice(0, -64),
  },
  {
    name: 'the wrong magic',
    status: 422,
    code: 'not_glb',
    bytes: () => encodeGlb(syntheticVrm(), { magic: 'glTx' }),
  },
  {
    name: 'a text .gltf file',
    status: 422,
    code: 'not_glb',
    bytes: () => utf8(JSON.stringify(syntheticVrm().json)),
  },
  { name: 'a PNG renamed to .vrm', status: 422, code: 'not_glb', bytes: () => tinyPng() },
  {
    name: 'GLB version 1',
    status: 422,
    code: 'unsupported_version',
    bytes: () => encodeGlb(syntheticVrm(), { version: 1 }),
  },
  {
    name: 'a header that lies about the total length',
    status: 422,
    code: 'bad_length',
    bytes: () => encodeGlb(syntheticVrm(), { totalLength: buildVrm().byteLength - 8 }),
  },
  {
    name: 'a JSON chunk length running past the end',
    status: 422,
    code: 'bad_chunk_length',
    bytes: () => {
      const d = syntheticVrm();
      return encodeChunks([{ type: 'JSON', data: jsonChunkBytes(d.json), length: 1_000_000 }, bin(d.bin!)]);
    },
  },
  {
    name: 'a BIN chunk length running past the end',
    status: 422,
    code: 'bad_chunk_length',
    bytes: () => {
      const d = syntheticVrm();
      return encodeChunks([
        { type: 'JSON', data: jsonChunkBytes(d.json) },
        { ...bin(d.bin!), length: d.bin!.byteLength + 4096 },
      ]);
    },
  },
  {
    name: 'the BIN chunk before the JSON chunk',
    status: 422,
    code: 'bad_chunk_order',
    bytes: () => {
      const d = syntheticVrm();
      return encodeChunks([bin(d.bin!), { type: 'JSON', data: jsonChunkBytes(d.json) }]);
    },
  },
  {
    name: 'a 9 MB JSON chunk',
    status: 422,
    code: 'json_too_large',
    bytes: () => encodeChunks([{ type: 'JSON', data: new Uint8Array(9 * MB).fill(0x20) }]),
  },
  {
    name: 'JSON nested 100,000 levels deep',
    status: 422,
    code: 'json_too_deep',
    bytes: () =>
      encodeChunks([
        { type: 'JSON', data: pad4(utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 0x20) },
      ]),
  },
  {
    name: 'broken JSON syntax',
    status: 422,
    code: 'json_invalid',
    bytes: () => encodeChunks([{ type: 'JSON', data: pad4(utf8('{"asset":{"version":"2.0"},'), 0x20) }]),
  },
  {
    name: 'a plain glTF without a VRM extension',
    status: 422,
    code: 'not_vrm',
    bytes: () =>
      vrm1((d) => {
        delete d.json.extensions;
      }),
  },
  {
    name: 'an extension smuggled through __proto__',
    status: 422,
    code: 'not_vrm',
    bytes: () =>
      encodeChunks([
        {
          type: 'JSON',
          data: pad4(utf8('{"asset":{"version":"2.0"},"extensions":{"__proto__":{"VRMC_vrm":{}}}}'), 0x20),
        },
      ]),
  },
  {
    name: 'a VRM 1.0 avatar without a left hand',
    status: 422,
    code: 'missing_bones',
    bytes: () =>
      vrm1((d) => {
        delete d.json.extensions.VRMC_vrm.humanoid.humanBones.leftHand;
      }),
  },
  {
    name: 'a VRM 0.x avatar without hips',
    status: 422,
    code: 'missing_bones',
    bytes: () =>
      vrm0((d) => {
        d.json.extensions.VRM.humanoid.humanBones.shift();
      }),
  },
  {
    name: 'a bone pointing at node 999',
    status: 422,
    code: 'bad_bone_node',
    bytes: () =>
      vrm0((d) => {
        d.json.extensions.VRM.humanoid.humanBones[0].node = 999;
      }),
  },
  {
    name: 'an external buffer file',
    status: 422,
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.buffers.push({ uri: 'avatar.bin', byteLength: 4 });
      }),
  },
  {
    name: 'a buffer fetched over https',
    status: 422,
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.buffers[0].uri = 'https://example.com/avatar.bin';
      }),
  },
  {
    name: 'an image loaded from a tracker',
    status: 422,
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.images[0] = { uri: 'http://tracker.example/pixel.png' };
      }),
  },
  {
    name: 'an image as a data: URI',
    status: 422,
    code: 'data_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.images[0] = { uri: `data:image/png;base64,${Buffer.from(tinyPng()).toString('base64')}` };
      }),
  },
  {
    name: '65 textures',
    status: 422,
    code: 'too_many_textures',
    bytes: () =>
      buildVrm({ images: Array.from({ length: 65 }, () => ({ mimeType: 'image/png', bytes: tinyPng() })) }),
  },
  {
    name: '300,003 vertices',
    status: 422,
    code: 'too_many_vertices',
    bytes: () => buildVrm({ vertices: 300_003 }),
  },
  {
    name: 'an accessor of a billion zeros',
    status: 422,
    code: 'too_much_geometry',
    bytes: () =>
      vrm1((d) => {
        d.json.accessors.push({ componentType: 5126, count: 1_000_000_000, type: 'VEC3' });
      }),
  },
  {
    name: 'a 4097-pixel-wide texture',
    status: 422,
    code: 'texture_too_large',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/png', bytes: tinyPng(4097, 1) }] }),
  },
  {
    name: 'JPEG bytes declared as PNG',
    status: 422,
    code: 'bad_image',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/png', bytes: tinyJpeg(8, 8) }] }),
  },
  {
    name: 'a texture whose image does not exist',
    status: 422,
    code: 'bad_reference',
    bytes: () =>
      vrm1((d) => {
        d.json.textures[0].source = 7;
      }),
  },
  {
    name: 'a node that is its own grandparent',
    status: 422,
    code: 'bad_node_tree',
    bytes: () =>
      vrm1((d) => {
        d.json.nodes[1].children = [0];
      }),
  },
  {
    name: 'a 31 MB file',
    status: 413,
    code: 'file_too_large',
    bytes: () => concat([buildVrm(), new Uint8Array(31 * MB)]),
  },
];

describe('refusing malformed and hostile avatar uploads over HTTP', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await bootTestServer();
    token = (await signIn(server, 'Mallory')).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('covers at least 25 distinct ways to be wrong', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.code)).size).toBeGreaterThanOrEqual(20);
  });

  it.each(CASES)(
    'refuses $name with $status $code and a reason a person can act on',
    async ({ bytes, status, code }) => {
      const res = await uploadAvatar(server, token, bytes());
      expect(res.status, res.text).toBe(status);
      expect(res.body.error.code).toBe(code);
      expect(res.body.error.message.length).toBeGreaterThan(30);
    },
  );

  it('stored nothing for the refused files, and keeps serving: health check and a good upload', async () => {
    expect(
      await server.services.repos.avatars.listUsableBy(
        (await server.services.signer.verifyAccess(token)).userId,
      ),
    ).toSatisfy((list: { ownerId?: string | null }[]) => list.every((m) => !m.ownerId));
    expect((await server.get('/healthz')).status).toBe(200);
    const good = await uploadAvatar(server, token, buildVrm({ expressions: ['aa'] }));
    expect(good.status).toBe(201);
    expect((await fetch(`${server.url}${good.body.url}`)).status).toBe(200);
  });
});

describe('the upload size cap', () => {
  let server: TestServer;
  let token: string;
  beforeAll(async () => {
    server = await bootTestServer({ AVATAR_MAX_BYTES: String(MB) });
    token = (await signIn(server, 'Big')).accessToken;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('answers 413 from the declared length alone, naming the limit', async () => {
    const res = await uploadAvatar(server, token, new Uint8Array(3 * MB));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'file_too_large' });
    expect(res.body.error.message).toContain('1 MB');
  });

  it('cuts a streamed upload off at the cap instead of reading it all', async () => {
    const total = 256 * MB;
    let sent = 0;
    const boundary = 'kotodamaBoundary';
    const head = utf8(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.vrm"\r\nContent-Type: model/gltf-binary\r\n\r\n`,
    );
    const chunk = new Uint8Array(64 * 1024);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (sent >= total) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await fetch(`${server.url}/api/avatars`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
    } as RequestInit);
    const sentWhenAnswered = sent;
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('file_too_large');
    expect(sentWhenAnswered).toBeLessThan(32 * MB); // answered long before the body was sent
    expect((await server.get('/healthz')).status).toBe(200);
  });

  it('hangs up on a client that keeps sending after the 413, having read only a bounded amount', async () => {
    const declared = 1024 * MB;
    const socket = connect(server.port, '127.0.0.1');
    socket.on('error', () => undefined); // the reset is the point
    let answer = '';
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
    });
    socket.write(
      `POST /api/avatars HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
        `Content-Type: multipart/form-data; boundary=b\r\nContent-Length: ${declared}\r\n\r\n`,
    );
    let written = 0;
    const chunk = Buffer.alloc(256 * 1024);
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      const pump = () => {
        while (written < declared && !socket.destroyed) {
          written += chunk.byteLength;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(written).toBeLessThan(200 * MB);
  });

  it('still takes a file under the cap', async () => {
    expect((await uploadAvatar(server, token, buildVrm())).status).toBe(201);
  });
});
