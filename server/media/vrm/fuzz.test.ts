import { describe, expect, it } from 'vitest';
import { isVrmValidationError, VRM_ERROR_CODES, VrmValidationError, validateVrm } from './index';
import {
  buildVrm,
  decodeGlb,
  encodeGlb,
  type GlbDocument,
  listVrmFixtures,
  mutateGlb,
  readVrmFixture,
  tinyJpeg,
  tinyPng,
} from './vrm.testkit';

/** mulberry32: a tiny seeded PRNG, so every run mutates the same way and failures reproduce. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x5eed_2024;
const ITERATIONS = 3000;
const random = prng(SEED);
const int = (n: number) => Math.floor(random() * n);
const pick = <T>(items: readonly T[]): T => items[int(items.length)];

const INTERESTING_VALUES: unknown[] = [
  -1,
  0,
  1,
  2,
  3,
  7,
  255,
  65535,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  1e300,
  1.5,
  -0.5,
  null,
  true,
  false,
  '',
  'x',
  'toString',
  '__proto__',
  'https://example.com/x.png',
  'data:image/png;base64,AAAA',
  '../../etc/passwd',
  [],
  {},
  [0],
  { index: 99 },
  'A'.repeat(5000),
  { toString: 1 },
  { valueOf: 'x', toString: null },
  { length: 2 ** 32 },
];
const INTERESTING_U32 = [0, 1, 4, 8, 12, 0x7fffffff, 0xffffffff, 0x4e4f534a, 0x004e4942];

function bitFlips(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let n = 1 + int(8); n > 0; n -= 1) out[int(out.length)] ^= 1 << int(8);
  return out;
}

/** Overwrites one of the length/type words of the header or the first two chunk headers. */
function headerWord(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const jsonEnd = 20 + view.getUint32(12, true);
  const spots = [4, 8, 12, 16, jsonEnd, jsonEnd + 4].filter((at) => at + 4 <= out.length);
  view.setUint32(pick(spots), pick(INTERESTING_U32), true);
  return out;
}

function truncate(bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, int(bytes.length));
}

function splice(bytes: Uint8Array, donor: Uint8Array): Uint8Array {
  const out = bytes.slice();
  const from = int(donor.length);
  const length = Math.min(1 + int(256), donor.length - from, out.length);
  out.set(donor.subarray(from, from + length), int(out.length - length + 1));
  return out;
}

/** Subtrees worth aiming at: a walk from the root alone rarely reaches the VRM extension's depths. */
const HOT_SPOTS: ReadonlyArray<ReadonlyArray<string | number>> = [
  [],
  ['accessors'],
  ['bufferViews'],
  ['buffers'],
  ['images'],
  ['textures'],
  ['materials'],
  ['meshes'],
  ['nodes'],
  ['scenes'],
  ['skins'],
  ['extensions', 'VRMC_vrm', 'humanoid', 'humanBones'],
  ['extensions', 'VRMC_vrm', 'expressions'],
  ['extensions', 'VRMC_vrm', 'meta'],
  ['extensions', 'VRM', 'humanoid', 'humanBones'],
  ['extensions', 'VRM', 'blendShapeMaster', 'blendShapeGroups'],
  ['extensions', 'VRM', 'meta'],
  ['extensions', 'VRM', 'materialProperties'],
  ['extensions', 'VRM', 'secondaryAnimation'],
  ['extensions', 'VRM', 'firstPerson'],
  ['extensions', 'VRMC_vrm', 'firstPerson'],
  ['extensions', 'VRMC_springBone'],
];

type Container = Record<string | number, unknown>;

function childrenOf(value: unknown): Array<string | number> {
  if (typeof value !== 'object' || value === null) return [];
  return Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
}

/** Walks to a random spot of the glTF JSON and replaces (or deletes) it, then re-encodes honestly. */
function jsonField(bytes: Uint8Array): Uint8Array {
  const doc = decodeGlb(bytes);
  let node: unknown = doc.json;
  for (const step of pick(HOT_SPOTS)) {
    const next = (node as Container | undefined)?.[step];
    if (typeof next !== 'object' || next === null) break;
    node = next;
  }
  let parent = node as Container;
  let key = pick(childrenOf(parent).length > 0 ? childrenOf(parent) : ['asset']);
  for (let depth = 0; depth < 6 && random() < 0.6 && childrenOf(parent[key]).length > 0; depth += 1) {
    parent = parent[key] as Container;
    key = pick(childrenOf(parent));
  }
  if (random() < 0.15 && !Array.isArray(parent)) delete parent[key];
  else parent[key] = structuredClone(pick(INTERESTING_VALUES));
  return encodeGlb(doc);
}

function mutate(bytes: Uint8Array, donor: Uint8Array): Uint8Array {
  switch (int(6)) {
    case 0:
      return bitFlips(bytes);
    case 1:
      return headerWord(bytes);
    case 2:
      return truncate(bytes);
    case 3:
      return splice(bytes, donor);
    case 4:
      return jsonField(jsonField(bytes));
    default:
      return jsonField(bytes);
  }
}

/** Valid seeds: synthetic avatars of both versions (always), plus the real fixtures when present. */
function seeds(): Uint8Array[] {
  const images = [
    { mimeType: 'image/png', bytes: tinyPng(8, 8) },
    { mimeType: 'image/jpeg', bytes: tinyJpeg(8, 8) },
  ];
  const withSprings = (doc: GlbDocument) => {
    if (doc.json.extensions.VRM) {
      doc.json.extensions.VRM.secondaryAnimation = {
        boneGroups: [{ bones: [3], center: -1, colliderGroups: [0] }],
        colliderGroups: [{ node: 2, colliders: [] }],
      };
    } else {
      doc.json.extensions.VRMC_springBone = {
        colliders: [{ node: 2 }],
        colliderGroups: [{ colliders: [0] }],
        springs: [{ joints: [{ node: 1 }, { node: 3 }], colliderGroups: [0] }],
      };
    }
  };
  const synthetic = [
    mutateGlb(
      buildVrm({ version: '1.0', expressions: ['aa', 'happy'], thumbnail: true, images }),
      withSprings,
    ),
    mutateGlb(
      buildVrm({ version: '0.x', expressions: ['a', 'joy', 'blink'], thumbnail: true, images }),
      withSprings,
    ),
  ];
  return [...synthetic, ...(listVrmFixtures() ?? []).map(readVrmFixture)];
}

describe('fuzzing the validator with mutated valid files', () => {
  it(`only ever returns a result or throws VrmValidationError (seed ${SEED.toString(16)}, ${ITERATIONS} mutations)`, () => {
    const bases = seeds();
    for (const base of bases) expect(() => validateVrm(base)).not.toThrow();
    const unexpected: string[] = [];
    const codes = new Map<string, number>();
    let slowest = 0;
    for (let i = 0; i < ITERATIONS; i += 1) {
      const input = mutate(pick(bases), pick(bases));
      const started = performance.now();
      try {
        validateVrm(input);
        codes.set('accepted', (codes.get('accepted') ?? 0) + 1);
      } catch (error) {
        const ours =
          error instanceof VrmValidationError &&
          isVrmValidationError(error) &&
          (VRM_ERROR_CODES as readonly string[]).includes(error.code) &&
          error.message.length > 0;
        if (ours) codes.set(error.code, (codes.get(error.code) ?? 0) + 1);
        else unexpected.push(`#${i}: ${String(error).slice(0, 200)}`);
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(unexpected).toEqual([]);
    // The mutations must reach deep checks, not just break the container or the JSON syntax.
    expect(codes.size).toBeGreaterThanOrEqual(12);
    expect(codes.get('accepted')).toBeGreaterThan(0);
    // A ceiling against pathological (quadratic, looping) behaviour, not a benchmark: real calls take ~1 ms.
    expect(slowest).toBeLessThan(2000);
  });
});
