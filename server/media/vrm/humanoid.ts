/**
 * Humanoid bones: the skeleton the client animates (idle motion, gestures, look-at). Each
 * spec version names its bones slightly differently and requires a different set.
 */
import { refuse } from './errors';
import { asArray, asObject, asString, describe, field, isIndex } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmVersion } from './types';

const TORSO_AND_LIMBS = [
  'hips',
  'spine',
  'chest',
  'upperChest',
  'neck',
  'head',
  'leftEye',
  'rightEye',
  'jaw',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'leftToes',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
  'rightToes',
  'leftShoulder',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightShoulder',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
];
const fingers = (thumb: string[]) =>
  ['left', 'right'].flatMap((side) => [
    ...thumb.map((part) => `${side}Thumb${part}`),
    ...['Index', 'Middle', 'Ring', 'Little'].flatMap((finger) =>
      ['Proximal', 'Intermediate', 'Distal'].map((part) => `${side}${finger}${part}`),
    ),
  ]);

/** Bone names each spec version defines, in the spec's order (the order `bones` is reported in). */
export const HUMAN_BONE_NAMES: Readonly<Record<VrmVersion, readonly string[]>> = {
  // VRM 0.x calls the thumb's three bones Proximal/Intermediate/Distal, 1.0 Metacarpal/Proximal/Distal.
  '0.x': [...TORSO_AND_LIMBS, ...fingers(['Proximal', 'Intermediate', 'Distal'])],
  '1.0': [...TORSO_AND_LIMBS, ...fingers(['Metacarpal', 'Proximal', 'Distal'])],
};

const REQUIRED_1_0 = [
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

/** Bones each version requires: VRM 1.0's fifteen; VRM 0.x also required chest and neck. */
export const REQUIRED_HUMAN_BONES: Readonly<Record<VrmVersion, readonly string[]>> = {
  '0.x': [...REQUIRED_1_0, 'chest', 'neck'],
  '1.0': REQUIRED_1_0,
};

/** Reads the humanoid bones, refusing missing required bones and bones on non-existent nodes. */
export function readHumanBones(vrm: JsonObject, version: VrmVersion, nodeCount: number): string[] {
  const humanoid = asObject(field(vrm, 'humanoid'));
  const entries = version === '0.x' ? entries0(humanoid) : entries1(humanoid);
  const known = new Set(HUMAN_BONE_NAMES[version]);
  const found = new Set<string>();
  for (const [bone, node] of entries) {
    if (!known.has(bone)) continue; // unknown names are ignored, as loaders do
    if (!isIndex(node, nodeCount)) {
      refuse(
        'bad_bone_node',
        `The humanoid bone "${bone}" points at node ${describe(node)}, which does not exist. Fix the bone assignment in your exporter and re-export.`,
        { bone },
      );
    }
    found.add(bone);
  }
  const missing = REQUIRED_HUMAN_BONES[version].filter((bone) => !found.has(bone));
  if (missing.length > 0) {
    refuse(
      'missing_bones',
      `The avatar's skeleton lacks required humanoid bones: ${missing.join(', ')}. Assign them in your VRM exporter's humanoid settings and re-export.`,
      { missing: missing.join(',') },
    );
  }
  return HUMAN_BONE_NAMES[version].filter((bone) => found.has(bone));
}

/** VRM 0.x: `humanBones: [{ bone, node }]`. */
function entries0(humanoid: JsonObject | undefined): Array<[string, unknown]> {
  return (asArray(field(humanoid, 'humanBones')) ?? []).flatMap((raw) => {
    const bone = asString(field(asObject(raw), 'bone'));
    return bone === undefined ? [] : [[bone, field(asObject(raw), 'node')] as [string, unknown]];
  });
}

/** VRM 1.0: `humanBones: { hips: { node } }`. */
function entries1(humanoid: JsonObject | undefined): Array<[string, unknown]> {
  const bones = asObject(field(humanoid, 'humanBones')) ?? {};
  return Object.keys(bones).map((bone) => [bone, field(asObject(bones[bone]), 'node')]);
}
