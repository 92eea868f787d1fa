import { describe, expect, it } from 'vitest';
import { type VrmErrorCode, type VrmLimits, VrmValidationError, validateVrm } from './index';
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
} from './vrm.testkit';

/** Validates and returns the refusal, failing the test if the file is accepted or something else is thrown. */
function refusal(bytes: Uint8Array, limits?: Partial<VrmLimits>): VrmValidationError {
  try {
    validateVrm(bytes, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(VrmValidationError);
    return error as VrmValidationError;
  }
  return expect.fail('the file was accepted');
}

/** A valid synthetic VRM 1.0, changed by `mutate`. */
function vrm1(mutate: (doc: GlbDocument) => void): Uint8Array {
  return mutateGlb(buildVrm(), mutate);
}

const valid = () => buildVrm();
const utf8 = (text: string) => new TextEncoder().encode(text);
const bin = (bytes: Uint8Array) => ({ type: 'BIN' as const, data: pad4(bytes) });

interface Case {
  name: string;
  code: VrmErrorCode;
  bytes: () => Uint8Array;
  limits?: Partial<VrmLimits>;
}

const CASES: Case[] = [
  // Container
  { name: 'an empty file', code: 'not_glb', bytes: () => new Uint8Array(0) },
  { name: 'a file cut inside its header', code: 'truncated', bytes: () => valid().slice(0, 7) },
  { name: 'a file whose tail was cut off', code: 'truncated', bytes: () => valid().slice(0, -64) },
  { name: 'the wrong magic', code: 'not_glb', bytes: () => encodeGlb(syntheticVrm(), { magic: 'glTx' }) },
  { name: 'a text .gltf file', code: 'not_glb', bytes: () => utf8(JSON.stringify(syntheticVrm().json)) },
  { name: 'a PNG renamed to .vrm', code: 'not_glb', bytes: () => tinyPng() },
  {
    name: 'GLB version 1',
    code: 'unsupported_version',
    bytes: () => encodeGlb(syntheticVrm(), { version: 1 }),
  },
  {
    name: 'a header claiming fewer bytes than the file has',
    code: 'bad_length',
    bytes: () => {
      const b = valid();
      return encodeGlb(syntheticVrm(), { totalLength: b.byteLength - 8 });
    },
  },
  {
    name: 'bytes appended after the last chunk',
    code: 'bad_chunk_length',
    bytes: () => withHeaderLength(concat([valid(), new Uint8Array(4)])),
  },
  {
    name: 'a JSON chunk length running past the end',
    code: 'bad_chunk_length',
    bytes: () => {
      const doc = syntheticVrm();
      return encodeChunks([
        { type: 'JSON', data: jsonChunkBytes(doc.json), length: 1_000_000 },
        bin(doc.bin!),
      ]);
    },
  },
  {
    name: 'a BIN chunk length running past the end',
    code: 'bad_chunk_length',
    bytes: () => {
      const doc = syntheticVrm();
      return encodeChunks([
        { type: 'JSON', data: jsonChunkBytes(doc.json) },
        { ...bin(doc.bin!), length: doc.bin!.byteLength + 4096 },
      ]);
    },
  },
  {
    name: 'a chunk length that is not a multiple of 4',
    code: 'bad_chunk_length',
    bytes: () => {
      const doc = syntheticVrm();
      const json = jsonChunkBytes(doc.json);
      return encodeChunks([{ type: 'JSON', data: json, length: json.byteLength - 1 }, bin(doc.bin!)]);
    },
  },
  {
    name: 'the BIN chunk before the JSON chunk',
    code: 'bad_chunk_order',
    bytes: () => {
      const doc = syntheticVrm();
      return encodeChunks([bin(doc.bin!), { type: 'JSON', data: jsonChunkBytes(doc.json) }]);
    },
  },
  {
    name: 'two JSON chunks',
    code: 'bad_chunk_order',
    bytes: () => {
      const doc = syntheticVrm();
      const json = jsonChunkBytes(doc.json);
      return encodeChunks([
        { type: 'JSON', data: json },
        { type: 'JSON', data: json },
      ]);
    },
  },
  { name: 'a header with no chunks', code: 'bad_chunk_order', bytes: () => encodeChunks([]) },
  // JSON
  {
    name: 'a 9 MB JSON chunk',
    code: 'json_too_large',
    bytes: () => encodeChunks([{ type: 'JSON', data: new Uint8Array(9 * 1024 * 1024).fill(0x20) }]),
  },
  {
    name: 'JSON nested 100,000 levels deep',
    code: 'json_too_deep',
    bytes: () =>
      encodeChunks([
        { type: 'JSON', data: pad4(utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 0x20) },
      ]),
  },
  {
    name: 'JSON that is not UTF-8',
    code: 'json_invalid',
    bytes: () =>
      encodeChunks([
        { type: 'JSON', data: pad4(Uint8Array.of(0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d), 0x20) },
      ]),
  },
  {
    name: 'broken JSON syntax',
    code: 'json_invalid',
    bytes: () => encodeChunks([{ type: 'JSON', data: pad4(utf8('{"asset":{"version":"2.0"},'), 0x20) }]),
  },
  {
    name: 'JSON whose top is an array',
    code: 'json_invalid',
    bytes: () => encodeChunks([{ type: 'JSON', data: jsonChunkBytes([1, 2, 3]) }]),
  },
  {
    name: 'glTF 1.0 JSON',
    code: 'unsupported_version',
    bytes: () =>
      vrm1((d) => {
        d.json.asset.version = '1.0';
      }),
  },
  // VRM
  {
    name: 'a plain glTF model without a VRM extension',
    code: 'not_vrm',
    bytes: () =>
      vrm1((d) => {
        delete d.json.extensions;
      }),
  },
  {
    name: 'an extension named through __proto__',
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
    name: 'a VRM 1.0 avatar without hands',
    code: 'missing_bones',
    bytes: () =>
      vrm1((d) => {
        delete d.json.extensions.VRMC_vrm.humanoid.humanBones.leftHand;
      }),
  },
  {
    name: 'a VRM 0.x avatar without a neck',
    code: 'missing_bones',
    bytes: () =>
      buildVrm({
        version: '0.x',
        bones: [
          'hips',
          'spine',
          'chest',
          'head',
          'leftUpperLeg',
          'leftLowerLeg',
          'leftFoot',
          'rightUpperLeg',
          'rightLowerLeg',
          'rightFoot',
          'leftUpperArm',
          'leftLowerArm',
          'leftHand',
          'rightUpperArm',
          'rightLowerArm',
          'rightHand',
        ],
      }),
  },
  {
    name: 'a VRM 0.x bone pointing at node 999',
    code: 'bad_bone_node',
    bytes: () =>
      mutateGlb(buildVrm({ version: '0.x' }), (d) => {
        d.json.extensions.VRM.humanoid.humanBones[0].node = 999;
      }),
  },
  {
    name: 'a VRM 1.0 bone pointing at node -1',
    code: 'bad_bone_node',
    bytes: () =>
      vrm1((d) => {
        d.json.extensions.VRMC_vrm.humanoid.humanBones.head.node = -1;
      }),
  },
  {
    name: 'a bone node that is an object with its own toString',
    code: 'bad_bone_node',
    bytes: () =>
      vrm1((d) => {
        d.json.extensions.VRMC_vrm.humanoid.humanBones.head.node = { toString: 1 };
      }),
  },
  // URIs
  {
    name: 'an external buffer file',
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.buffers.push({ uri: 'avatar.bin', byteLength: 4 });
      }),
  },
  {
    name: 'a buffer loaded over https',
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.buffers[0].uri = 'https://example.com/avatar.bin';
      }),
  },
  {
    name: 'an external image file',
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.images[0] = { uri: 'textures/face.png' };
      }),
  },
  {
    name: 'an image loaded over http',
    code: 'external_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.images[0] = { uri: 'http://tracker.example/pixel.png' };
      }),
  },
  {
    name: 'an image as a data: URI',
    code: 'data_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.images[0] = { uri: `data:image/png;base64,${Buffer.from(tinyPng()).toString('base64')}` };
      }),
  },
  {
    name: 'a buffer as a data: URI',
    code: 'data_uri',
    bytes: () =>
      vrm1((d) => {
        d.json.buffers.push({ uri: 'data:application/octet-stream;base64,AAAA', byteLength: 3 });
      }),
  },
  // Sizes and counts
  { name: 'a 31 MB file', code: 'file_too_large', bytes: () => new Uint8Array(31 * 1024 * 1024) },
  {
    name: '65 textures',
    code: 'too_many_textures',
    bytes: () =>
      buildVrm({ images: Array.from({ length: 65 }, () => ({ mimeType: 'image/png', bytes: tinyPng() })) }),
  },
  { name: '300,003 vertices', code: 'too_many_vertices', bytes: () => buildVrm({ vertices: 300_003 }) },
  {
    name: 'more meshes than allowed',
    code: 'too_many_meshes',
    limits: { maxMeshes: 1 },
    bytes: () =>
      vrm1((d) => {
        d.json.meshes.push(d.json.meshes[0]);
      }),
  },
  {
    name: '200,000 empty nodes',
    code: 'too_many_nodes',
    bytes: () =>
      encodeChunks([
        {
          type: 'JSON',
          data: pad4(
            utf8(
              `{"asset":{"version":"2.0"},"extensions":{"VRMC_vrm":{}},"nodes":[${'{},'.repeat(199_999)}{}]}`,
            ),
            0x20,
          ),
        },
      ]),
  },
  { name: 'more nodes than allowed', code: 'too_many_nodes', limits: { maxNodes: 10 }, bytes: () => valid() },
  {
    name: 'more morph targets than allowed',
    code: 'too_many_morph_targets',
    limits: { maxMorphTargets: 2 },
    bytes: () =>
      mutateGlb(buildVrm({ expressions: ['aa'] }), (d) => {
        const [p] = d.json.meshes[0].primitives;
        d.json.meshes[0].primitives = [p, p, p];
      }),
  },
  {
    name: 'an accessor of a billion zeros',
    code: 'too_much_geometry',
    bytes: () =>
      vrm1((d) => {
        d.json.accessors.push({ componentType: 5126, count: 1_000_000_000, type: 'VEC3' });
      }),
  },
  {
    name: 'a 4097-pixel-wide texture',
    code: 'texture_too_large',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/png', bytes: tinyPng(4097, 1) }] }),
  },
  // Images
  {
    name: 'PNG declared, JPEG bytes',
    code: 'bad_image',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/png', bytes: tinyJpeg(8, 8) }] }),
  },
  {
    name: 'PNG declared, garbage bytes',
    code: 'bad_image',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/png', bytes: utf8('<script>alert(1)</script>') }] }),
  },
  {
    name: 'a GIF texture',
    code: 'bad_image',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/gif', bytes: utf8('GIF89a\x01\x00\x01\x00') }] }),
  },
  {
    name: 'WebP without EXT_texture_webp',
    code: 'bad_image',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/webp', bytes: webp(16, 16) }] }),
  },
  {
    name: 'a PNG with no readable size',
    code: 'bad_image',
    bytes: () => buildVrm({ images: [{ mimeType: 'image/png', bytes: tinyPng().slice(0, 12) }] }),
  },
  // Buffers, views, accessors
  {
    name: 'a buffer longer than the BIN chunk',
    code: 'bad_buffer',
    bytes: () =>
      vrm1((d) => {
        d.json.buffers[0].byteLength += 1024;
      }),
  },
  {
    name: 'a buffer view past the BIN chunk',
    code: 'bad_buffer_view',
    bytes: () =>
      vrm1((d) => {
        d.json.bufferViews[0].byteOffset = d.json.buffers[0].byteLength - 4;
      }),
  },
  {
    name: 'an accessor reading past its view',
    code: 'bad_accessor',
    bytes: () =>
      vrm1((d) => {
        d.json.accessors[0].count += 1;
      }),
  },
  {
    name: 'a misaligned float accessor',
    code: 'bad_accessor',
    bytes: () =>
      vrm1((d) => {
        d.json.accessors[0].byteOffset = 2;
        d.json.accessors[0].count -= 1;
      }),
  },
  {
    name: 'an accessor type named "toString"',
    code: 'bad_accessor',
    bytes: () =>
      vrm1((d) => {
        d.json.accessors[0].componentType = 'toString';
      }),
  },
  {
    name: 'an accessor on a view that does not exist',
    code: 'bad_reference',
    bytes: () =>
      vrm1((d) => {
        d.json.accessors[0].bufferView = 99;
      }),
  },
  // References and tree
  {
    name: 'a texture whose image does not exist',
    code: 'bad_reference',
    bytes: () =>
      vrm1((d) => {
        d.json.textures[0].source = 7;
      }),
  },
  {
    name: 'a material whose texture does not exist',
    code: 'bad_reference',
    bytes: () =>
      vrm1((d) => {
        d.json.materials[0].pbrMetallicRoughness.baseColorTexture.index = 3;
      }),
  },
  {
    name: 'an expression bound to a node without a mesh',
    code: 'bad_reference',
    bytes: () =>
      mutateGlb(buildVrm({ expressions: ['aa'] }), (d) => {
        d.json.extensions.VRMC_vrm.expressions.preset.aa.morphTargetBinds[0].node = 1;
      }),
  },
  {
    name: 'a blend shape bound to a missing shape key',
    code: 'bad_reference',
    bytes: () =>
      mutateGlb(buildVrm({ version: '0.x', expressions: ['a'] }), (d) => {
        d.json.extensions.VRM.blendShapeMaster.blendShapeGroups[0].binds[0].index = 5;
      }),
  },
  {
    name: 'a VRM 1.0 spring bone joint on a missing node',
    code: 'bad_reference',
    bytes: () =>
      vrm1((d) => {
        d.json.extensions.VRMC_springBone = {
          specVersion: '1.0',
          springs: [{ joints: [{ node: 1 }, { node: 500 }] }],
        };
      }),
  },
  {
    name: 'a VRM 0.x spring bone on a missing node',
    code: 'bad_reference',
    bytes: () =>
      mutateGlb(buildVrm({ version: '0.x' }), (d) => {
        d.json.extensions.VRM.secondaryAnimation = {
          boneGroups: [{ bones: [3, 400], center: -1, colliderGroups: [] }],
          colliderGroups: [],
        };
      }),
  },
  {
    name: 'a VRM 0.x first-person annotation on a missing mesh',
    code: 'bad_reference',
    bytes: () =>
      mutateGlb(buildVrm({ version: '0.x' }), (d) => {
        d.json.extensions.VRM.firstPerson = {
          firstPersonBone: 5,
          meshAnnotations: [{ mesh: 9, firstPersonFlag: 'Auto' }],
        };
      }),
  },
  {
    name: 'a node constrained to a missing node',
    code: 'bad_reference',
    bytes: () =>
      vrm1((d) => {
        d.json.nodes[3].extensions = {
          VRMC_node_constraint: { specVersion: '1.0', constraint: { roll: { source: 77, rollAxis: 'X' } } },
        };
      }),
  },
  {
    name: 'a node that is its own grandparent',
    code: 'bad_node_tree',
    bytes: () =>
      vrm1((d) => {
        d.json.nodes[1].children = [0];
      }),
  },
  {
    name: 'a node with two parents',
    code: 'bad_node_tree',
    bytes: () =>
      vrm1((d) => {
        d.json.nodes[2].children = [1];
      }),
  },
];

/** Makes the header's total length tell the truth about `bytes`, so later checks are reached. */
function withHeaderLength(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(8, bytes.byteLength, true);
  return bytes;
}

function webp(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(30);
  bytes.set(utf8('RIFF'), 0);
  new DataView(bytes.buffer).setUint32(4, 22, true);
  bytes.set(utf8('WEBPVP8X'), 8);
  new DataView(bytes.buffer).setUint32(16, 10, true);
  bytes.set([(width - 1) & 0xff, (width - 1) >> 8, 0, (height - 1) & 0xff, (height - 1) >> 8, 0], 24);
  return bytes;
}

describe('hostile and malformed files', () => {
  it('covers at least 25 distinct ways to be wrong', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES)('refuses $name with $code', ({ bytes, code, limits }) => {
    const error = refusal(bytes(), limits);
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(20);
  });
});
