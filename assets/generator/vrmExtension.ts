import type { SpringGroup } from './hairStrands';
import type { BoneDef } from './rig';

/** A collider sphere on a bone (offset in the bone's space, metres). */
export interface ColliderDef {
  bone: string;
  offset: [number, number, number];
  radius: number;
}

/** What the VRM 0.x extension needs to know about the exported file. */
export interface VrmExtensionInput {
  title: string;
  bones: BoneDef[];
  nodeIndex: (name: string) => number;
  meshIndex: (name: string) => number;
  materialNames: string[];
  faceMesh: string;
  faceTargets: readonly string[];
  headMeshes: string[];
  bodyMeshes: string[];
  springs: SpringGroup[];
  colliders: ColliderDef[];
}

/** VRM 0.x blend shape presets and the face morph targets each one binds (custom groups use "unknown"). */
const GROUPS: [name: string, preset: string, targets: string[]][] = [
  ['Neutral', 'neutral', []],
  ['A', 'a', ['A']],
  ['I', 'i', ['I']],
  ['U', 'u', ['U']],
  ['E', 'e', ['E']],
  ['O', 'o', ['O']],
  ['Blink', 'blink', ['Blink']],
  ['Blink_L', 'blink_l', ['Blink_L']],
  ['Blink_R', 'blink_r', ['Blink_R']],
  ['Joy', 'joy', ['Joy']],
  ['Angry', 'angry', ['Angry']],
  ['Sorrow', 'sorrow', ['Sorrow']],
  ['Fun', 'fun', ['Fun']],
  ['LookUp', 'lookup', ['LookUp']],
  ['LookDown', 'lookdown', ['LookDown']],
  ['LookLeft', 'lookleft', ['LookLeft']],
  ['LookRight', 'lookright', ['LookRight']],
  ['Surprised', 'unknown', ['Surprised']],
];

const curve = (degrees: number, weight: number) => ({
  curve: [0, 0, 0, 1, 1, 1, 1, 0],
  xRange: degrees,
  yRange: weight,
});

/** The root `extensions.VRM` object (VRM 0.x), with node/mesh/material indices resolved. */
export function vrmExtension(i: VrmExtensionInput): Record<string, unknown> {
  const faceMesh = i.meshIndex(i.faceMesh);
  return {
    exporterVersion: 'kotodama-avatar-generator-1.0',
    specVersion: '0.0',
    meta: {
      title: i.title,
      version: '1.0',
      author: 'Kotodama contributors',
      contactInformation: '',
      reference: '',
      allowedUserName: 'Everyone',
      violentUssageName: 'Allow',
      sexualUssageName: 'Disallow',
      commercialUssageName: 'Allow',
      otherPermissionUrl: '',
      licenseName: 'CC0',
      otherLicenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
    },
    humanoid: {
      humanBones: i.bones
        .filter((b) => b.human)
        .map((b) => ({ bone: b.human, node: i.nodeIndex(b.name), useDefaultValues: true })),
      armStretch: 0.05,
      legStretch: 0.05,
      upperArmTwist: 0.5,
      lowerArmTwist: 0.5,
      upperLegTwist: 0.5,
      lowerLegTwist: 0.5,
      feetSpacing: 0,
      hasTranslationDoF: false,
    },
    firstPerson: {
      firstPersonBone: i.nodeIndex('Head'),
      firstPersonBoneOffset: { x: 0, y: 0.07, z: -0.02 },
      meshAnnotations: [
        ...i.bodyMeshes.map((m) => ({ mesh: i.meshIndex(m), firstPersonFlag: 'Auto' })),
        ...i.headMeshes.map((m) => ({ mesh: i.meshIndex(m), firstPersonFlag: 'ThirdPersonOnly' })),
      ],
      // Eyes move by blend shapes: yRange is the weight reached at xRange degrees (the flat irises
      // only slide a few millimetres, so full weight comes early).
      lookAtTypeName: 'BlendShape',
      lookAtHorizontalInner: curve(25, 1),
      lookAtHorizontalOuter: curve(25, 1),
      lookAtVerticalDown: curve(20, 1),
      lookAtVerticalUp: curve(20, 1),
    },
    blendShapeMaster: {
      blendShapeGroups: GROUPS.map(([name, presetName, targets]) => ({
        name,
        presetName,
        isBinary: false,
        materialValues: [],
        binds: targets.map((t) => ({ mesh: faceMesh, index: i.faceTargets.indexOf(t), weight: 100 })),
      })),
    },
    secondaryAnimation: {
      boneGroups: i.springs.map((s) => ({
        comment: s.comment,
        stiffiness: s.stiffness,
        gravityPower: s.gravityPower,
        gravityDir: { x: 0, y: -1, z: 0 },
        dragForce: s.dragForce,
        center: -1,
        hitRadius: s.hitRadius,
        bones: s.roots.map(i.nodeIndex),
        colliderGroups: i.colliders.map((_, k) => k),
      })),
      colliderGroups: i.colliders.map((c) => ({
        node: i.nodeIndex(c.bone),
        colliders: [{ offset: { x: c.offset[0], y: c.offset[1], z: c.offset[2] }, radius: c.radius }],
      })),
    },
    materialProperties: i.materialNames.map((name) => ({
      name,
      shader: 'VRM_USE_GLTFSHADER',
      renderQueue: 2000,
      floatProperties: {},
      vectorProperties: {},
      textureProperties: {},
      keywordMap: {},
      tagMap: {},
    })),
  };
}
