import type { VrmHumanBoneName } from './humanoid/humanBones';
import type { VrmMeta } from './meta/VrmMeta';

/**
 * What a VRM file says, read from its JSON into one shape for VRM 0.x and 1.0 (glTF indices, not
 * Babylon objects yet). The loader extensions parse into this; `buildVrmModel` turns it into runtime objects.
 */
export interface VrmDefinition {
  version: VrmVersion;
  meta: VrmMeta;
  /** Humanoid bone → glTF node index. */
  humanBones: Map<VrmHumanBoneName, number>;
  expressions: ExpressionDef[];
  lookAt: LookAtDef | null;
  firstPerson: FirstPersonDef;
  /** VRM 0.x `secondaryAnimation` (VRM 1.0 keeps springs in its own extension, VRMC_springBone). */
  springs: SpringBoneDef | null;
}

export type VrmVersion = '0.x' | '1.0';

/** How an expression overrides blinking, look-at or mouth expressions while it is on. */
export type ExpressionOverride = 'none' | 'block' | 'blend';

/** Material colour slots an expression can move (VRM 1.0 names). */
export type MaterialColorType =
  'color' | 'emissionColor' | 'shadeColor' | 'matcapColor' | 'rimColor' | 'outlineColor';

/** One expression (a VRM 1.0 expression or a VRM 0.x blend shape group), under its VRM 1.0 name. */
export interface ExpressionDef {
  /** VRM 1.0 preset name (`aa`, `happy`, `blinkLeft`, …) or the custom expression's own name. */
  name: string;
  isPreset: boolean;
  isBinary: boolean;
  overrideBlink: ExpressionOverride;
  overrideLookAt: ExpressionOverride;
  overrideMouth: ExpressionOverride;
  /** Morph target `index` of every primitive of each glTF node in `nodes`, at `weight` (0..1). */
  morphTargetBinds: { nodes: number[]; index: number; weight: number }[];
  /** Colour (linear RGBA) a material slot reaches at weight 1. */
  materialColorBinds: {
    materials: number[];
    type: MaterialColorType;
    targetValue: [number, number, number, number];
  }[];
  /** Texture scale and offset (glTF KHR_texture_transform sense) reached at weight 1. */
  textureTransformBinds: { materials: number[]; scale: [number, number]; offset: [number, number] }[];
}

/** One range map of the look-at: |angle| up to `inputMaxValue` degrees → 0..`outputScale`. */
export interface RangeMapDef {
  inputMaxValue: number;
  outputScale: number;
}

/** How the eyes follow a target. */
export interface LookAtDef {
  type: 'bone' | 'expression';
  /** Where the eyes are, in the head node's own glTF space (metres). */
  offsetFromHeadBone: [number, number, number];
  rangeMapHorizontalInner: RangeMapDef;
  rangeMapHorizontalOuter: RangeMapDef;
  rangeMapVerticalDown: RangeMapDef;
  rangeMapVerticalUp: RangeMapDef;
}

/** Which meshes a first-person camera should hide or show (VRM 1.0 annotation types). */
export type FirstPersonType = 'auto' | 'both' | 'thirdPersonOnly' | 'firstPersonOnly';

export interface FirstPersonDef {
  meshAnnotations: { nodes: number[]; type: FirstPersonType }[];
  /** VRM 0.x only: the bone the first-person camera hangs on and its offset (in that node's glTF space). */
  firstPersonBone: number | null;
  firstPersonBoneOffset: [number, number, number] | null;
}

/** Spring bones of a file: colliders, their groups, and springs (chains of joints). */
export interface SpringBoneDef {
  colliders: ColliderDef[];
  colliderGroups: { name: string; colliders: number[] }[];
  springs: SpringDef[];
}

export type ColliderShapeDef =
  | { type: 'sphere'; offset: [number, number, number]; radius: number }
  | { type: 'capsule'; offset: [number, number, number]; tail: [number, number, number]; radius: number };

/** A collider on a glTF node; offsets in that node's space. */
export interface ColliderDef {
  node: number;
  shape: ColliderShapeDef;
}

export interface SpringDef {
  name: string;
  /** The node whose space the tails are simulated in (null: world). */
  center: number | null;
  colliderGroups: number[];
  joints: JointDef[];
}

/** One simulated bone: `node` swings so that its child (or a virtual tail) follows the physics. */
export interface JointDef {
  node: number;
  /** The child node giving the bone's direction and length; null: a 7 cm virtual tail. */
  child: number | null;
  hitRadius: number;
  stiffness: number;
  gravityPower: number;
  /** glTF model space, unit length. */
  gravityDir: [number, number, number];
  dragForce: number;
}
