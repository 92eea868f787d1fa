/** VRM 1.0 humanoid bone names (VRM 0.x files are read into these; see `VRM0_BONE_NAMES`). */
export const VRM_HUMAN_BONES = [
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
  'leftThumbMetacarpal',
  'leftThumbProximal',
  'leftThumbDistal',
  'leftIndexProximal',
  'leftIndexIntermediate',
  'leftIndexDistal',
  'leftMiddleProximal',
  'leftMiddleIntermediate',
  'leftMiddleDistal',
  'leftRingProximal',
  'leftRingIntermediate',
  'leftRingDistal',
  'leftLittleProximal',
  'leftLittleIntermediate',
  'leftLittleDistal',
  'rightThumbMetacarpal',
  'rightThumbProximal',
  'rightThumbDistal',
  'rightIndexProximal',
  'rightIndexIntermediate',
  'rightIndexDistal',
  'rightMiddleProximal',
  'rightMiddleIntermediate',
  'rightMiddleDistal',
  'rightRingProximal',
  'rightRingIntermediate',
  'rightRingDistal',
  'rightLittleProximal',
  'rightLittleIntermediate',
  'rightLittleDistal',
] as const;

export type VrmHumanBoneName = (typeof VRM_HUMAN_BONES)[number];

/** The bones every VRM must have (VRM 1.0 humanoid specification). */
export const REQUIRED_HUMAN_BONES: readonly VrmHumanBoneName[] = [
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

const KNOWN = new Set<string>(VRM_HUMAN_BONES);

/** Whether a name is a VRM 1.0 humanoid bone. */
export const isHumanBoneName = (name: string): name is VrmHumanBoneName => KNOWN.has(name);

/** VRM 0.x thumb names that differ in VRM 1.0 (0.x has no metacarpal; its chain starts one joint later). */
const VRM0_THUMBS: Record<string, VrmHumanBoneName> = {
  leftThumbProximal: 'leftThumbMetacarpal',
  leftThumbIntermediate: 'leftThumbProximal',
  rightThumbProximal: 'rightThumbMetacarpal',
  rightThumbIntermediate: 'rightThumbProximal',
};

/** The VRM 1.0 name of a VRM 0.x humanoid bone, or null when it is not one. */
export function vrm0BoneName(name: string): VrmHumanBoneName | null {
  const renamed = VRM0_THUMBS[name];
  if (renamed) return renamed;
  return isHumanBoneName(name) ? name : null;
}
