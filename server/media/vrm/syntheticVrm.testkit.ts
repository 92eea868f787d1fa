/**
 * Test kit, document level: a minimal but complete VRM (0.x or 1.0) with a skeleton, one
 * triangle mesh, optional textures, expressions and thumbnail. Every default passes the
 * validator (and the Khronos glTF validator); tests then break one thing at a time.
 */
import { appendBufferView, encodeGlb, type GlbDocument, tinyPng } from './glbBytes.testkit';
import { REQUIRED_HUMAN_BONES } from './humanoid';

/** What to put in the synthetic avatar. */
export interface SyntheticVrmOptions {
  version?: '0.x' | '1.0';
  /** Vertices of the one mesh (a multiple of 3 keeps it valid triangles). Default 3. */
  vertices?: number;
  /** Images to embed, each used by one texture and material. Default: one 4×4 PNG. */
  images?: Array<{ mimeType: string; bytes: Uint8Array }>;
  /** Point the meta thumbnail at image 0. */
  thumbnail?: boolean;
  /** Preset names in the file's own vocabulary (0.x: "a", "joy"; 1.0: "aa", "happy"), each bound to the mesh's morph target. */
  expressions?: string[];
  /** Fields merged over the default meta (CC0 / everyone for 0.x; everyone + redistribution for 1.0). */
  meta?: Record<string, unknown>;
  /** Humanoid bones to map. Default: the version's required bones. */
  bones?: readonly string[];
}

/** Builds the synthetic avatar as a mutable document. */
export function syntheticVrm(options: SyntheticVrmOptions = {}): GlbDocument {
  const version = options.version ?? '1.0';
  const bones = options.bones ?? REQUIRED_HUMAN_BONES[version];
  const doc: GlbDocument = { json: { asset: { version: '2.0', generator: 'kotodama vrm testkit' } } };
  const meshNode = addSceneAndMesh(
    doc,
    bones.length,
    options.vertices ?? 3,
    (options.expressions ?? []).length > 0,
  );
  addTextures(doc, options.images ?? [{ mimeType: 'image/png', bytes: tinyPng(4, 4) }]);
  const boneNode = (i: number) => i + 1;
  if (version === '0.x') {
    doc.json.extensionsUsed = ['VRM'];
    doc.json.extensions = { VRM: vrm0(bones, boneNode, options) };
  } else {
    doc.json.extensionsUsed = ['VRMC_vrm'];
    doc.json.extensions = { VRMC_vrm: vrm1(bones, boneNode, meshNode, options) };
  }
  return doc;
}

/** Builds the synthetic avatar as GLB bytes. */
export function buildVrm(options: SyntheticVrmOptions = {}): Uint8Array {
  return encodeGlb(syntheticVrm(options));
}

/** Root node 0, one node per bone (1..n, children of the root), then the mesh node. */
function addSceneAndMesh(doc: GlbDocument, boneCount: number, vertices: number, withMorph: boolean): number {
  const positions = new Float32Array(vertices * 3);
  for (let v = 0; v < vertices; v += 1)
    positions.set([v % 3 === 1 ? 1 : 0, v % 3 === 2 ? 1 : 0, Math.floor(v / 3) * 0.001], v * 3);
  // Bounds in closed form (the validator checks them against the data); float32-rounded like the data.
  const min = [0, 0, 0];
  const max = [
    vertices > 1 ? 1 : 0,
    vertices > 2 ? 1 : 0,
    Math.fround(Math.floor((vertices - 1) / 3) * 0.001),
  ];
  const positionView = appendBufferView(doc, new Uint8Array(positions.buffer));
  doc.json.accessors = [
    { bufferView: positionView, componentType: 5126, count: vertices, type: 'VEC3', min, max },
  ];
  const uvView = appendBufferView(doc, new Uint8Array(new Float32Array(vertices * 2).buffer));
  doc.json.accessors.push({ bufferView: uvView, componentType: 5126, count: vertices, type: 'VEC2' });
  const primitive: Record<string, unknown> = { attributes: { POSITION: 0, TEXCOORD_0: 1 }, material: 0 };
  if (withMorph) {
    const targetView = appendBufferView(doc, new Uint8Array(vertices * 12));
    doc.json.accessors.push({
      bufferView: targetView,
      componentType: 5126,
      count: vertices,
      type: 'VEC3',
      min: [0, 0, 0],
      max: [0, 0, 0],
    });
    primitive.targets = [{ POSITION: 2 }];
  }
  doc.json.meshes = [{ name: 'Body', primitives: [primitive] }];
  const boneNodes = Array.from({ length: boneCount }, (_, i) => ({
    name: `bone${i}`,
    translation: [0, i * 0.01, 0],
  }));
  const meshNode = boneCount + 1;
  doc.json.nodes = [
    { name: 'Root', children: boneNodes.map((_, i) => i + 1) },
    ...boneNodes,
    { name: 'Body', mesh: 0 },
  ];
  doc.json.scenes = [{ nodes: [0, meshNode] }];
  doc.json.scene = 0;
  return meshNode;
}

function addTextures(doc: GlbDocument, images: Array<{ mimeType: string; bytes: Uint8Array }>): void {
  doc.json.materials = [{ name: 'Skin', pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1] } }];
  if (images.length === 0) return;
  doc.json.samplers = [{ magFilter: 9729, minFilter: 9729 }];
  doc.json.images = images.map((image, i) => ({
    name: `image${i}`,
    mimeType: image.mimeType,
    bufferView: appendBufferView(doc, image.bytes),
  }));
  doc.json.textures = images.map((_, i) => ({ sampler: 0, source: i }));
  doc.json.materials = images.map((_, i) => ({
    name: `material${i}`,
    pbrMetallicRoughness: { baseColorTexture: { index: i } },
  }));
}

function vrm0(
  bones: readonly string[],
  boneNode: (i: number) => number,
  options: SyntheticVrmOptions,
): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    title: 'Synthetic',
    version: '1',
    author: 'Kotodama tests',
    contactInformation: '',
    reference: '',
    allowedUserName: 'Everyone',
    violentUssageName: 'Disallow',
    sexualUssageName: 'Disallow',
    commercialUssageName: 'Allow',
    licenseName: 'CC0',
    otherPermissionUrl: '',
    otherLicenseUrl: '',
    ...(options.thumbnail ? { texture: 0 } : {}),
    ...options.meta,
  };
  const blendShapeGroups = (options.expressions ?? []).map((preset) => ({
    name: preset,
    presetName: preset,
    binds: [{ mesh: 0, index: 0, weight: 100 }],
    materialValues: [],
    isBinary: false,
  }));
  return {
    exporterVersion: 'kotodama-testkit',
    specVersion: '0.0',
    meta,
    humanoid: { humanBones: bones.map((bone, i) => ({ bone, node: boneNode(i), useDefaultValues: true })) },
    blendShapeMaster: { blendShapeGroups },
  };
}

function vrm1(
  bones: readonly string[],
  boneNode: (i: number) => number,
  meshNode: number,
  options: SyntheticVrmOptions,
): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    name: 'Synthetic',
    version: '1',
    authors: ['Kotodama tests'],
    licenseUrl: 'https://vrm.dev/licenses/1.0/',
    avatarPermission: 'everyone',
    allowRedistribution: true,
    commercialUsage: 'personalNonProfit',
    creditNotation: 'required',
    modification: 'prohibited',
    ...(options.thumbnail ? { thumbnailImage: 0 } : {}),
    ...options.meta,
  };
  const preset = Object.fromEntries(
    (options.expressions ?? []).map((name) => [
      name,
      { morphTargetBinds: [{ node: meshNode, index: 0, weight: 1 }] },
    ]),
  );
  return {
    specVersion: '1.0',
    meta,
    humanoid: { humanBones: Object.fromEntries(bones.map((bone, i) => [bone, { node: boneNode(i) }])) },
    expressions: { preset },
  };
}
