import { Document, type Accessor, type Material, type Node, type Skin } from '@gltf-transform/core';
import type { Vec3 } from './math';
import type { MeshData } from './meshData';
import type { BoneDef } from './rig';

/** A glTF material of the avatar (colours are linear). */
export interface MaterialDef {
  name: string;
  color: Vec3;
  roughness: number;
  unlit?: boolean;
  doubleSided?: boolean;
  /** Whether the primitives using it carry COLOR_0. */
  vertexColors?: boolean;
}

/** A skinned mesh: one primitive per material; morph target names when it has targets. */
export interface MeshDef {
  name: string;
  primitives: { material: string; data: MeshData }[];
  targetNames?: readonly string[];
}

/** Builds the glTF document: an "Armature" node holding the joints, skinned meshes at the scene root. */
export function buildDocument(bones: BoneDef[], meshes: MeshDef[], materials: MaterialDef[]): Document {
  const doc = new Document();
  doc.getRoot().getAsset().generator = 'Kotodama avatar generator';
  const buffer = doc.createBuffer();
  const scene = doc.createScene('Scene');
  const armature = doc.createNode('Armature');
  scene.addChild(armature);

  const nodes = new Map<string, Node>();
  const positions = new Map(bones.map((b) => [b.name, b.position]));
  for (const bone of bones) {
    const parentPos = bone.parent ? positions.get(bone.parent)! : ([0, 0, 0] as Vec3);
    const node = doc
      .createNode(bone.name)
      .setTranslation([
        bone.position[0] - parentPos[0],
        bone.position[1] - parentPos[1],
        bone.position[2] - parentPos[2],
      ]);
    (bone.parent ? nodes.get(bone.parent)! : armature).addChild(node);
    nodes.set(bone.name, node);
  }
  const skin = createSkin(doc, bones, nodes, buffer);
  const mats = new Map(materials.map((m) => [m.name, createMaterial(doc, m)]));
  const jointIndex = new Map(bones.map((b, i) => [b.name, i]));

  for (const def of meshes) {
    const mesh = createMesh(doc, def, buffer, (name) => mats.get(name)!, materials, jointIndex);
    scene.addChild(doc.createNode(def.name).setMesh(mesh).setSkin(skin));
  }
  return doc;
}

type Buffer = ReturnType<Document['createBuffer']>;

/** One skinned mesh: a primitive per material, with its morph targets (sparse where that pays). */
function createMesh(
  doc: Document,
  def: MeshDef,
  buffer: Buffer,
  material: (name: string) => Material,
  defs: MaterialDef[],
  jointIndex: Map<string, number>,
) {
  const mesh = doc.createMesh(def.name);
  if (def.targetNames) mesh.setExtras({ targetNames: [...def.targetNames] });
  for (const { material: name, data } of def.primitives) {
    const prim = doc.createPrimitive().setMaterial(material(name));
    prim.setAttribute('POSITION', vec3(doc, data.positions).setBuffer(buffer));
    prim.setAttribute('NORMAL', vec3(doc, data.normals).setBuffer(buffer));
    if (defs.find((m) => m.name === name)?.vertexColors)
      prim.setAttribute('COLOR_0', colors(doc, data.colors).setBuffer(buffer));
    const { joints, weights } = skinAttributes(data, jointIndex);
    prim.setAttribute('JOINTS_0', doc.createAccessor().setType('VEC4').setArray(joints).setBuffer(buffer));
    prim.setAttribute(
      'WEIGHTS_0',
      doc.createAccessor().setType('VEC4').setArray(weights).setNormalized(true).setBuffer(buffer),
    );
    prim.setIndices(
      doc.createAccessor().setType('SCALAR').setArray(new Uint16Array(data.indices)).setBuffer(buffer),
    );
    for (const target of def.targetNames ?? []) prim.addTarget(createTarget(doc, buffer, target, data));
    if (def.targetNames) prim.setExtras({ targetNames: [...def.targetNames] });
    mesh.addPrimitive(prim);
  }
  if (def.targetNames) mesh.setWeights(def.targetNames.map(() => 0));
  return mesh;
}

function createTarget(doc: Document, buffer: Buffer, name: string, data: MeshData) {
  const deltas = data.targets.get(name) ?? data.positions.map((): Vec3 => [0, 0, 0]);
  // Sparse storage pays off when most vertices stay put (blinks move only the eyes).
  const moved = deltas.filter((d) => d[0] !== 0 || d[1] !== 0 || d[2] !== 0).length;
  const accessor = vec3(doc, deltas)
    .setSparse(moved < deltas.length * 0.4)
    .setBuffer(buffer);
  return doc.createPrimitiveTarget(name).setAttribute('POSITION', accessor);
}

function vec3(doc: Document, values: Vec3[]): Accessor {
  const array = new Float32Array(values.length * 3);
  values.forEach((v, i) => array.set(v, i * 3));
  return doc.createAccessor().setType('VEC3').setArray(array);
}

/** Linear vertex colours as normalized 16-bit values (8 bits would band in dark linear colours). */
function colors(doc: Document, values: Vec3[]): Accessor {
  const array = new Uint16Array(values.length * 3);
  values.forEach((v, i) =>
    array.set(
      v.map((c) => Math.round(Math.min(1, Math.max(0, c)) * 65535)),
      i * 3,
    ),
  );
  return doc.createAccessor().setType('VEC3').setArray(array).setNormalized(true);
}

function createSkin(doc: Document, bones: BoneDef[], nodes: Map<string, Node>, buffer: Buffer): Skin {
  const ibm = new Float32Array(bones.length * 16);
  bones.forEach((b, i) => {
    ibm.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -b.position[0], -b.position[1], -b.position[2], 1], i * 16);
  });
  const skin = doc
    .createSkin('Skin')
    .setSkeleton(nodes.get('Hips')!)
    .setInverseBindMatrices(doc.createAccessor().setType('MAT4').setArray(ibm).setBuffer(buffer));
  for (const b of bones) skin.addJoint(nodes.get(b.name)!);
  return skin;
}

function createMaterial(doc: Document, m: MaterialDef): Material {
  const base = m.vertexColors ? [1, 1, 1, 1] : [...m.color, 1];
  return doc
    .createMaterial(m.name)
    .setBaseColorFactor(base as [number, number, number, number])
    .setMetallicFactor(0)
    .setRoughnessFactor(m.roughness)
    .setDoubleSided(!!m.doubleSided);
}

/** JOINTS_0 / WEIGHTS_0: the four strongest influences per vertex, as normalized bytes summing to exactly 255. */
function skinAttributes(
  data: MeshData,
  jointIndex: Map<string, number>,
): { joints: Uint8Array; weights: Uint8Array } {
  const joints = new Uint8Array(data.vertexCount * 4);
  const weights = new Uint8Array(data.vertexCount * 4);
  data.skins.forEach((influences, v) => {
    const top = [...influences].sort((a, b) => b[1] - a[1]).slice(0, 4);
    if (top.length === 0) throw new Error(`vertex ${v} has no skin influence`);
    const sum = top.reduce((s, [, w]) => s + w, 0);
    // Influences that round to 0 are dropped (a joint with zero weight must be 0 too).
    const kept = top
      .map(([bone, w]) => [bone, Math.round((w / sum) * 255)] as const)
      .filter(([, b]) => b > 0);
    const bytes = kept.map(([, b]) => b);
    bytes[0] += 255 - bytes.reduce((a, b) => a + b, 0);
    kept.forEach(([bone], k) => {
      const index = jointIndex.get(bone);
      if (index === undefined) throw new Error(`unknown bone ${bone}`);
      joints[v * 4 + k] = index;
      weights[v * 4 + k] = bytes[k];
    });
  });
  return { joints, weights };
}
