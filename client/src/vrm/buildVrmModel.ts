import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { VrmDefinition } from './definition';
import { buildExpressions } from './expressions/buildExpressions';
import { VrmFirstPerson } from './firstPerson/VrmFirstPerson';
import type { BabylonRefs } from './gltf/babylonRefs';
import type { VrmHumanBoneName } from './humanoid/humanBones';
import { VrmHumanoid } from './humanoid/VrmHumanoid';
import { VrmLookAt } from './lookAt/VrmLookAt';
import { buildSpringBones } from './springBone/buildSpringBones';
import { VrmModel } from './VrmModel';

/** Binds a parsed VRM to the Babylon objects the glTF loader made (call when the loader is ready). */
export function buildVrmModel(def: VrmDefinition, refs: BabylonRefs, warnings: string[]): VrmModel {
  const warn = (m: string): void => void warnings.push(m);
  const bones = new Map<VrmHumanBoneName, TransformNode>();
  for (const [name, index] of def.humanBones) {
    const node = refs.node(index);
    if (node) bones.set(name, node);
    else warn(`The humanoid bone ${name} (node ${index}) was not loaded.`);
  }
  const humanoid = new VrmHumanoid(bones, refs.root, def.version === '0.x');
  const expressions = buildExpressions(def.expressions, refs, warn);
  const lookAt = def.lookAt && bones.has('head') ? new VrmLookAt(def.lookAt, humanoid, expressions) : null;
  const firstPerson = new VrmFirstPerson(
    def.firstPerson.meshAnnotations.map((a) => ({
      meshes: a.nodes.flatMap((n) => refs.primitives(n)),
      type: a.type,
    })),
    bones.get('head') ?? null,
  );
  const springBones = def.springs ? buildSpringBones(def.springs, refs, warn) : null;
  return new VrmModel({
    version: def.version,
    meta: def.meta,
    root: refs.root,
    humanoid,
    expressions,
    lookAt,
    firstPerson,
    springBones,
    warnings,
  });
}
