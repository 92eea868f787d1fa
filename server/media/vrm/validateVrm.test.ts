import { describe, expect, it } from 'vitest';
import { REQUIRED_HUMAN_BONES, VrmValidationError, validateVrm } from './index';
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
} from './vrm.testkit';

describe('validateVrm on well-formed avatars', () => {
  it('accepts a minimal VRM 1.0 and reports its required bones in spec order', () => {
    const result = validateVrm(buildVrm({ version: '1.0' }));
    expect(result.vrmVersion).toBe('1.0');
    expect(result.bones).toEqual([...REQUIRED_HUMAN_BONES['1.0']].sort((a, b) => order(a) - order(b)));
    expect([result.title, result.author]).toEqual(['Synthetic', 'Kotodama tests']);
  });

  it('accepts a minimal VRM 0.x, which also needs chest and neck', () => {
    const result = validateVrm(buildVrm({ version: '0.x' }));
    expect(result.vrmVersion).toBe('0.x');
    expect(result.bones).toHaveLength(17);
    expect(result.bones).toEqual(expect.arrayContaining(['chest', 'neck']));
  });

  it('prefers VRM 1.0 when a converted file carries both extensions', () => {
    const bytes = mutateGlb(buildVrm({ version: '1.0' }), (d) => {
      d.json.extensions.VRM = syntheticVrm({ version: '0.x' }).json.extensions.VRM;
    });
    expect(validateVrm(bytes).vrmVersion).toBe('1.0');
  });

  it('accepts VRM 0.x spring bones that use -1 for "no center", as UniVRM writes them', () => {
    const bytes = mutateGlb(buildVrm({ version: '0.x' }), (d) => {
      d.json.extensions.VRM.secondaryAnimation = {
        boneGroups: [{ bones: [3], center: -1, colliderGroups: [0] }],
        colliderGroups: [{ node: 2, colliders: [] }],
      };
    });
    expect(validateVrm(bytes).vrmVersion).toBe('0.x');
  });

  it('ignores bone names it does not know instead of refusing the avatar', () => {
    const bytes = mutateGlb(buildVrm(), (d) => {
      d.json.extensions.VRMC_vrm.humanoid.humanBones.tail = { node: 1 };
    });
    expect(validateVrm(bytes).bones).not.toContain('tail');
  });

  it('maps VRM 0.x blend shape presets onto the VRM 1.0 vocabulary', () => {
    const result = validateVrm(
      buildVrm({ version: '0.x', expressions: ['A', 'joy', 'sorrow', 'fun', 'blink_l', 'lookup'] }),
    );
    expect(result.expressions).toEqual(['happy', 'sad', 'relaxed', 'aa', 'blinkLeft', 'lookUp']);
    expect(result.lipSync).toBe(true);
  });

  it('flags "no lip-sync" when there are no mouth shapes, but accepts the avatar', () => {
    const result = validateVrm(buildVrm({ expressions: ['happy', 'blink'] }));
    expect(result.expressions).toEqual(['happy', 'blink']);
    expect(result.lipSync).toBe(false);
  });

  it('flags "no lip-sync" when the mouth shapes exist but move nothing', () => {
    const bytes = mutateGlb(buildVrm({ expressions: ['aa', 'oh'] }), (d) => {
      for (const e of Object.values(d.json.extensions.VRMC_vrm.expressions.preset) as Array<
        Record<string, unknown>
      >)
        e.morphTargetBinds = [];
    });
    const result = validateVrm(bytes);
    expect(result.emptyExpressions).toEqual(['aa', 'oh']);
    expect(result.lipSync).toBe(false);
  });

  it('lists custom expressions by name', () => {
    const bytes = mutateGlb(buildVrm({ version: '0.x', expressions: ['a'] }), (d) => {
      d.json.extensions.VRM.blendShapeMaster.blendShapeGroups.push({
        name: 'Surprised',
        presetName: 'unknown',
        binds: [],
      });
    });
    expect(validateVrm(bytes).customExpressions).toEqual(['Surprised']);
  });

  it('returns the VRM 1.0 thumbnail image as a copy of its bytes', () => {
    const png = tinyPng(8, 8);
    const bytes = buildVrm({ thumbnail: true, images: [{ mimeType: 'image/png', bytes: png }] });
    const { thumbnail } = validateVrm(bytes);
    expect(thumbnail?.mimeType).toBe('image/png');
    expect(thumbnail?.bytes).toEqual(png);
    bytes.fill(0);
    expect(thumbnail?.bytes).toEqual(png);
  });

  it('returns the VRM 0.x thumbnail through meta.texture → texture → image', () => {
    const jpeg = tinyJpeg(16, 16);
    const images = [
      { mimeType: 'image/png', bytes: tinyPng() },
      { mimeType: 'image/jpeg', bytes: jpeg },
    ];
    const bytes = mutateGlb(buildVrm({ version: '0.x', images }), (d) => {
      d.json.textures = [
        { sampler: 0, source: 0 },
        { sampler: 0, source: 1 },
      ];
      d.json.extensions.VRM.meta.texture = 1;
    });
    expect(validateVrm(bytes).thumbnail).toEqual({ mimeType: 'image/jpeg', bytes: jpeg });
  });

  it('treats a dangling thumbnail reference as "no thumbnail"', () => {
    const bytes = buildVrm({ meta: { thumbnailImage: 42 } });
    expect(validateVrm(bytes).thumbnail).toBeUndefined();
  });

  it('offers no thumbnail when it is not PNG or JPEG (a catalogue <img> could not show KTX2)', () => {
    const doc = syntheticVrm({ thumbnail: true, images: [{ mimeType: 'image/ktx2', bytes: ktx2(64, 64) }] });
    doc.json.extensionsUsed.push('KHR_texture_basisu');
    expect(validateVrm(encodeGlb(doc)).thumbnail).toBeUndefined();
  });

  it('accepts WebP and KTX2 textures only when their glTF extension is declared', () => {
    const webpDoc = syntheticVrm({ images: [{ mimeType: 'image/webp', bytes: webp(64, 32) }] });
    webpDoc.json.extensionsUsed.push('EXT_texture_webp');
    expect(validateVrm(encodeGlb(webpDoc)).counts.largestTexture).toBe(64);
    const ktxDoc = syntheticVrm({ images: [{ mimeType: 'image/ktx2', bytes: ktx2(128, 128) }] });
    ktxDoc.json.extensionsUsed.push('KHR_texture_basisu');
    expect(validateVrm(encodeGlb(ktxDoc)).counts.largestTexture).toBe(128);
  });

  it('skips chunks of unknown type after the BIN chunk, as GLB readers must', () => {
    const doc = syntheticVrm();
    const bytes = encodeChunks([
      { type: 'JSON', data: jsonChunkBytes(doc.json) },
      { type: 'BIN', data: pad4(doc.bin!) },
      { type: 0x12345678, data: new Uint8Array(16) },
    ]);
    expect(validateVrm(bytes).vrmVersion).toBe('1.0');
  });

  it('tolerates a JSON chunk padded with NULs by an old exporter', () => {
    const doc = syntheticVrm();
    const json = concat([new TextEncoder().encode(JSON.stringify(doc.json)), new Uint8Array(8)]);
    const bytes = encodeChunks([
      { type: 'JSON', data: pad4(json) },
      { type: 'BIN', data: pad4(doc.bin!) },
    ]);
    expect(validateVrm(bytes).vrmVersion).toBe('1.0');
  });

  it('cuts absurdly long meta strings instead of storing megabytes of "title"', () => {
    const result = validateVrm(buildVrm({ meta: { name: 'x'.repeat(1_000_000) } }));
    expect(result.title).toHaveLength(2048);
  });

  it('does not let "__proto__" keys in the JSON touch Object.prototype', () => {
    const doc = syntheticVrm();
    const text = JSON.stringify(doc.json).replace('"authors":', '"__proto__":{"polluted":true},"authors":');
    const bytes = encodeChunks([
      { type: 'JSON', data: pad4(new TextEncoder().encode(text), 0x20) },
      { type: 'BIN', data: pad4(doc.bin!) },
    ]);
    expect(text).toContain('__proto__');
    expect(validateVrm(bytes).vrmVersion).toBe('1.0');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateVrm limits', () => {
  it('applies caller limits over the defaults', () => {
    const bytes = buildVrm();
    expect(() => validateVrm(bytes, { maxFileBytes: bytes.byteLength })).not.toThrow();
    expect(() => validateVrm(bytes, { maxFileBytes: bytes.byteLength - 1 })).toThrow(VrmValidationError);
  });

  it('treats a nonsensical limit as a configuration bug (RangeError), not as a bad upload', () => {
    expect(() => validateVrm(buildVrm(), { maxVertices: 0 })).toThrow(RangeError);
    expect(() => validateVrm(buildVrm(), { maxTextures: Number.NaN })).toThrow(RangeError);
  });

  it('reports counts the catalogue and operators can show', () => {
    const { counts } = validateVrm(
      buildVrm({
        vertices: 9,
        expressions: ['aa'],
        images: [{ mimeType: 'image/png', bytes: tinyPng(32, 16) }],
      }),
    );
    expect(counts).toMatchObject({
      vertices: 9,
      morphTargets: 1,
      meshes: 1,
      images: 1,
      textures: 1,
      largestTexture: 32,
      nodes: 17,
    });
  });
});

const BONE_ORDER = [
  'hips',
  'spine',
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
];
function order(bone: string): number {
  return BONE_ORDER.indexOf(bone);
}

function webp(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(30);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode('RIFF'), 0);
  view.setUint32(4, 22, true);
  bytes.set(new TextEncoder().encode('WEBPVP8X'), 8);
  view.setUint32(16, 10, true);
  bytes.set([(width - 1) & 0xff, (width - 1) >> 8, 0, (height - 1) & 0xff, (height - 1) >> 8, 0], 24);
  return bytes;
}

function ktx2(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(80);
  bytes.set([0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a]);
  new DataView(bytes.buffer).setUint32(20, width, true);
  new DataView(bytes.buffer).setUint32(24, height, true);
  return bytes;
}
