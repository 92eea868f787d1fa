import type { FirstPersonDef, FirstPersonType, LookAtDef, RangeMapDef, VrmDefinition } from '../definition';
import { inRange, type GltfJson, type Warn } from '../gltf/gltfJson';
import { isHumanBoneName, type VrmHumanBoneName } from '../humanoid/humanBones';
import { arr, index, num, obj, str, vec3Array, type JsonObject } from '../json';
import { parseVrm1Meta } from '../meta/VrmMeta';
import { parseVrm1Expressions } from './parseVrm1Expressions';

/** VRMC_vrm spec versions this reader understands. */
export const VRMC_VRM_VERSIONS = new Set(['1.0', '1.0-beta']);

/** Reads a VRM 1.0 root `extensions.VRMC_vrm` object (spring bones come from VRMC_springBone). */
export function parseVrm1(json: GltfJson, vrm: JsonObject, warn: Warn): VrmDefinition {
  return {
    version: '1.0',
    meta: parseVrm1Meta(vrm.meta),
    humanBones: parseVrm1Humanoid(json, vrm.humanoid, warn),
    expressions: parseVrm1Expressions(json, vrm.expressions, warn),
    lookAt: vrm.lookAt ? parseVrm1LookAt(vrm.lookAt) : null,
    firstPerson: parseVrm1FirstPerson(json, vrm.firstPerson),
    springs: null,
  };
}

/** `humanoid.humanBones` ({ [bone]: { node } }). */
export function parseVrm1Humanoid(
  json: GltfJson,
  humanoid: unknown,
  warn: Warn,
): Map<VrmHumanBoneName, number> {
  const bones = new Map<VrmHumanBoneName, number>();
  for (const [name, value] of Object.entries(obj(obj(humanoid).humanBones))) {
    const node = index(obj(value).node);
    if (!isHumanBoneName(name)) warn(`Unknown VRM 1.0 humanoid bone "${name}"; ignored.`);
    else if (!inRange(json.nodes, node)) warn(`The humanoid bone ${name} points at a missing node; ignored.`);
    else bones.set(name, node);
  }
  return bones;
}

/** `lookAt`: type, eye offset from the head, and the four range maps. */
export function parseVrm1LookAt(lookAt: unknown): LookAtDef {
  const l = obj(lookAt);
  const type = str(l.type) === 'expression' ? 'expression' : 'bone';
  const defaultOutput = type === 'expression' ? 1 : 10;
  const map = (v: unknown): RangeMapDef => ({
    inputMaxValue: Math.max(0.01, num(obj(v).inputMaxValue, 90)),
    outputScale: num(obj(v).outputScale, defaultOutput),
  });
  return {
    type,
    offsetFromHeadBone: vec3Array(l.offsetFromHeadBone, [0, 0.06, 0]),
    rangeMapHorizontalInner: map(l.rangeMapHorizontalInner),
    rangeMapHorizontalOuter: map(l.rangeMapHorizontalOuter),
    rangeMapVerticalDown: map(l.rangeMapVerticalDown),
    rangeMapVerticalUp: map(l.rangeMapVerticalUp),
  };
}

const TYPES = new Set<string>(['auto', 'both', 'thirdPersonOnly', 'firstPersonOnly']);

/** `firstPerson.meshAnnotations` ({ node, type }). */
export function parseVrm1FirstPerson(json: GltfJson, firstPerson: unknown): FirstPersonDef {
  const meshAnnotations = arr(obj(firstPerson).meshAnnotations)
    .map(obj)
    .map((a) => ({
      node: index(a.node),
      type: TYPES.has(str(a.type)) ? (str(a.type) as FirstPersonType) : 'auto',
    }))
    .filter((a): a is { node: number; type: FirstPersonType } => inRange(json.nodes, a.node))
    .map((a) => ({ nodes: [a.node], type: a.type }));
  return { meshAnnotations, firstPersonBone: null, firstPersonBoneOffset: null };
}
