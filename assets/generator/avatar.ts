import { hexToLinear, mix, shade, sub } from './math';
import { buildBody } from './body';
import { buildHead } from './head';
import { FACE_TARGETS, buildFace, buildFaceShade } from './face';
import { buildHair } from './hair';
import { buildDocument, type MaterialDef, type MeshDef } from './gltfDocument';
import { writeGlb, type GltfJson } from './glb';
import { HEAD, humanoidBones, type BoneDef } from './rig';
import { vrmExtension, type ColliderDef, type VrmExtensionInput } from './vrmExtension';
import { turnToVrm1, vrm1Extensions } from './vrm1Extension';
import type { AvatarVariant } from './variants';

const UNLIT = 'KHR_materials_unlit';

function materials(v: AvatarVariant): MaterialDef[] {
  const c = (hex: string) => hexToLinear(hex);
  return [
    { name: 'Skin', color: c(v.palette.skin), roughness: 0.8 },
    { name: 'FaceShade', color: [1, 1, 1], roughness: 0.8, vertexColors: true },
    { name: 'Face', color: [1, 1, 1], roughness: 1, unlit: true, vertexColors: true },
    { name: 'Hair', color: [1, 1, 1], roughness: 0.55, vertexColors: true },
    { name: 'HairTie', color: c(v.palette.accent), roughness: 0.6 },
    { name: 'Top', color: c(v.palette.top), roughness: 0.85 },
    { name: 'Collar', color: c(v.palette.collar), roughness: 0.8 },
    { name: 'Skirt', color: c(v.palette.skirt), roughness: 0.85, doubleSided: true },
    { name: 'Accent', color: c(v.palette.accent), roughness: 0.6 },
    { name: 'Socks', color: c(v.palette.socks), roughness: 0.9 },
    { name: 'Shoes', color: c(v.palette.shoes), roughness: 0.5 },
  ];
}

function colliders(): ColliderDef[] {
  const head = sub(HEAD.center, [0, 1.262, 0.005]);
  return [
    { bone: 'Head', offset: head, radius: 0.125 },
    { bone: 'UpperChest', offset: [0, 0.02, 0], radius: 0.1 },
    { bone: 'Chest', offset: [0, 0.0, 0.005], radius: 0.1 },
    { bone: 'LeftUpperArm', offset: [-0.06, 0, 0], radius: 0.05 },
    { bone: 'RightUpperArm', offset: [0.06, 0, 0], radius: 0.05 },
  ];
}

/**
 * Builds one avatar as GLB bytes (deterministic for a given variant): VRM 0.x (the shipped files)
 * or the same rig as VRM 1.0 (turned to face +Z, VRMC_vrm + VRMC_springBone), for tests that
 * compare the two versions.
 */
export async function buildAvatar(v: AvatarVariant, version: '0.x' | '1.0' = '0.x'): Promise<Uint8Array> {
  const p = v.palette;
  const skin = hexToLinear(p.skin);
  const hair = buildHair(v.hair, hexToLinear(p.hair));
  const body = buildBody();
  const face = buildFace({
    iris: hexToLinear(p.eyes),
    lash: hexToLinear(p.lash),
    white: [1, 1, 1],
    whiteShadow: mix(hexToLinear('#c8cde6'), hexToLinear(p.eyes), 0.08),
    highlight: [1, 1, 1],
    brow: shade(mix(hexToLinear(p.hair), hexToLinear(p.lash), 0.6), 0.9),
    mouthInside: hexToLinear('#5a1b28'),
    lip: hexToLinear('#9a4150'),
    tongue: hexToLinear('#e6808b'),
    teeth: hexToLinear('#fbfbfd'),
  });
  const bones: BoneDef[] = [...humanoidBones(), ...hair.bones];
  const meshes: MeshDef[] = [
    {
      name: 'Body',
      primitives: [
        { material: 'Top', data: body.get('top')! },
        { material: 'Skirt', data: body.get('skirt')! },
        { material: 'Skin', data: body.get('skin')! },
        { material: 'Collar', data: body.get('collar')! },
        { material: 'Accent', data: body.get('accent')! },
        { material: 'Socks', data: body.get('socks')! },
        { material: 'Shoes', data: body.get('shoes')! },
      ],
    },
    {
      name: 'Head',
      primitives: [
        { material: 'Skin', data: buildHead() },
        { material: 'FaceShade', data: buildFaceShade(skin, hexToLinear(p.blush)) },
      ],
    },
    { name: 'Face', primitives: [{ material: 'Face', data: face }], targetNames: FACE_TARGETS },
    {
      name: 'Hair',
      primitives: [
        { material: 'Hair', data: hair.mesh },
        ...(hair.ties.vertexCount ? [{ material: 'HairTie', data: hair.ties }] : []),
      ],
    },
  ];
  const mats = materials(v);
  const doc = buildDocument(bones, meshes, mats);
  if (version === '1.0') turnToVrm1(doc);
  return writeGlb(doc, (json) => addVrm(json, v, bones, mats, hair.springs, version));
}

function addVrm(
  json: GltfJson,
  v: AvatarVariant,
  bones: BoneDef[],
  mats: MaterialDef[],
  springs: ReturnType<typeof buildHair>['springs'],
  version: '0.x' | '1.0',
): void {
  const index =
    (list: { name?: string }[] | undefined, kind: string) =>
    (name: string): number => {
      const i = (list ?? []).findIndex((x) => x.name === name);
      if (i < 0) throw new Error(`no ${kind} named ${name}`);
      return i;
    };
  const materialNames = (json.materials ?? []).map((m) => m.name ?? '');
  for (const m of json.materials ?? []) {
    if (mats.find((d) => d.name === m.name)?.unlit) m.extensions = { ...(m.extensions ?? {}), [UNLIT]: {} };
  }
  const input: VrmExtensionInput = {
    title: v.title,
    bones,
    nodeIndex: index(json.nodes, 'node'),
    meshIndex: index(json.meshes, 'mesh'),
    materialNames,
    faceMesh: 'Face',
    faceTargets: FACE_TARGETS,
    headMeshes: ['Head', 'Face', 'Hair'],
    bodyMeshes: ['Body'],
    springs,
    colliders: colliders(),
  };
  const vrm = version === '1.0' ? vrm1Extensions(input) : { VRM: vrmExtension(input) };
  json.extensions = { ...(json.extensions ?? {}), ...vrm };
  json.extensionsUsed = [...new Set([...(json.extensionsUsed ?? []), UNLIT, ...Object.keys(vrm)])];
}
