import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { SpringBoneDef } from '../definition';
import type { BabylonRefs } from '../gltf/babylonRefs';
import type { Warn } from '../gltf/gltfJson';
import { SpringBoneCollider } from './SpringBoneCollider';
import { SpringBoneJoint } from './SpringBoneJoint';
import { SpringBoneManager } from './SpringBoneManager';

/** Resolves a spring-bone definition (VRM 0.x or VRMC_springBone) to joints and colliders on Babylon nodes. */
export function buildSpringBones(def: SpringBoneDef, refs: BabylonRefs, warn: Warn): SpringBoneManager {
  const colliders = def.colliders.map((c) => {
    const node = refs.node(c.node);
    return node ? new SpringBoneCollider(node, c.shape) : null;
  });
  const groups = def.colliderGroups.map((g) =>
    g.colliders.flatMap((i) => (colliders[i] ? [colliders[i]!] : [])),
  );
  const joints: SpringBoneJoint[] = [];
  for (const spring of def.springs) {
    const center = spring.center === null ? null : refs.node(spring.center);
    const springColliders = [...new Set(spring.colliderGroups.flatMap((g) => groups[g] ?? []))];
    for (const j of spring.joints) {
      const bone = refs.node(j.node);
      const child = j.child === null ? null : refs.node(j.child);
      if (!bone) {
        warn(`The spring "${spring.name}" has a joint on node ${j.node}, which was not loaded; skipped.`);
        continue;
      }
      joints.push(
        new SpringBoneJoint(bone, child, j, Vector3.FromArray(j.gravityDir), springColliders, center),
      );
    }
  }
  return new SpringBoneManager(
    joints,
    colliders.filter((c): c is SpringBoneCollider => !!c),
    refs.root,
  );
}
