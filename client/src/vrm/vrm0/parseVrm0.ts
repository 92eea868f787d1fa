import type { FirstPersonDef, FirstPersonType, LookAtDef, RangeMapDef, VrmDefinition } from '../definition';
import { inRange, nodesUsingMesh, type GltfJson, type Warn } from '../gltf/gltfJson';
import { vrm0BoneName, type VrmHumanBoneName } from '../humanoid/humanBones';
import { arr, index, num, obj, str, vec3Object, type JsonObject } from '../json';
import { parseVrm0Meta } from '../meta/VrmMeta';
import { parseVrm0Expressions } from './parseVrm0Expressions';
import { parseVrm0Springs } from './parseVrm0Springs';

/** Reads a VRM 0.x root `extensions.VRM` object. */
export function parseVrm0(json: GltfJson, vrm: JsonObject, warn: Warn): VrmDefinition {
  return {
    version: '0.x',
    meta: parseVrm0Meta(vrm.meta),
    humanBones: parseVrm0Humanoid(json, vrm.humanoid, warn),
    expressions: parseVrm0Expressions(json, vrm.blendShapeMaster, warn),
    lookAt: parseVrm0LookAt(vrm.firstPerson),
    firstPerson: parseVrm0FirstPerson(json, vrm.firstPerson),
    springs: parseVrm0Springs(json, vrm.secondaryAnimation, warn),
  };
}

/** `humanoid.humanBones[]` ({ bone, node }) → VRM 1.0 bone names (thumbs renamed). */
export function parseVrm0Humanoid(
  json: GltfJson,
  humanoid: unknown,
  warn: Warn,
): Map<VrmHumanBoneName, number> {
  const bones = new Map<VrmHumanBoneName, number>();
  for (const entry of arr(obj(humanoid).humanBones).map(obj)) {
    const name = vrm0BoneName(str(entry.bone));
    const node = index(entry.node);
    if (!name) {
      warn(`Unknown VRM 0.x humanoid bone "${str(entry.bone)}"; ignored.`);
    } else if (!inRange(json.nodes, node)) {
      warn(`The humanoid bone ${name} points at node ${String(entry.node)}, which does not exist; ignored.`);
    } else if (!bones.has(name)) {
      bones.set(name, node);
    }
  }
  return bones;
}

/**
 * The look-at settings kept in 0.x `firstPerson`: type (`Bone`/`BlendShape`) and degree maps
 * (`xRange` degrees → `yRange`; only the linear curve is honoured, as in three-vrm). The eye
 * offset is the first-person bone offset, its Z flipped from Unity's axes into glTF's.
 */
export function parseVrm0LookAt(firstPerson: unknown): LookAtDef {
  const fp = obj(firstPerson);
  const type = str(fp.lookAtTypeName) === 'BlendShape' ? 'expression' : 'bone';
  const defaultOutput = type === 'expression' ? 1 : 10;
  const map = (v: unknown): RangeMapDef => ({
    inputMaxValue: Math.max(0.01, num(obj(v).xRange, 90)),
    outputScale: num(obj(v).yRange, defaultOutput),
  });
  const [x, y, z] = fp.firstPersonBoneOffset
    ? vec3Object(fp.firstPersonBoneOffset, [0, 0.06, 0])
    : [0, 0.06, 0];
  return {
    type,
    offsetFromHeadBone: [x, y, -z],
    rangeMapHorizontalInner: map(fp.lookAtHorizontalInner),
    rangeMapHorizontalOuter: map(fp.lookAtHorizontalOuter),
    rangeMapVerticalDown: map(fp.lookAtVerticalDown),
    rangeMapVerticalUp: map(fp.lookAtVerticalUp),
  };
}

const FLAGS: Record<string, FirstPersonType> = {
  Auto: 'auto',
  Both: 'both',
  ThirdPersonOnly: 'thirdPersonOnly',
  FirstPersonOnly: 'firstPersonOnly',
};

/** `firstPerson.meshAnnotations` (by mesh) → annotations by the nodes showing each mesh. */
export function parseVrm0FirstPerson(json: GltfJson, firstPerson: unknown): FirstPersonDef {
  const fp = obj(firstPerson);
  const meshAnnotations = arr(fp.meshAnnotations)
    .map(obj)
    .map((a) => {
      const mesh = index(a.mesh);
      return {
        nodes: mesh === null ? [] : nodesUsingMesh(json, mesh),
        type: FLAGS[str(a.firstPersonFlag)] ?? 'auto',
      };
    })
    .filter((a) => a.nodes.length > 0);
  const bone = index(fp.firstPersonBone);
  const [x, y, z] = vec3Object(fp.firstPersonBoneOffset, [0, 0.06, 0]);
  return {
    meshAnnotations,
    firstPersonBone: inRange(json.nodes, bone) ? bone : null,
    firstPersonBoneOffset: fp.firstPersonBoneOffset ? [x, y, -z] : null,
  };
}
