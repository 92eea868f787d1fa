import type { ColliderDef, ColliderShapeDef, JointDef, SpringBoneDef, SpringDef } from '../definition';
import { inRange, type GltfJson, type Warn } from '../gltf/gltfJson';
import { arr, index, num, obj, str, vec3Array, type JsonObject } from '../json';
import { unit } from '../vrm0/parseVrm0Springs';

/** VRMC_springBone spec versions this reader understands. */
export const VRMC_SPRING_BONE_VERSIONS = new Set(['1.0', '1.0-beta']);

/**
 * Reads the root `extensions.VRMC_springBone` (VRM 1.0): sphere and capsule colliders, collider
 * groups, and springs whose consecutive joints form the bones (the last joint is the tail).
 */
export function parseSpringBone(json: GltfJson, ext: JsonObject, warn: Warn): SpringBoneDef {
  const colliders: ColliderDef[] = [];
  const colliderAt = new Map<number, number>();
  arr(ext.colliders)
    .map(obj)
    .forEach((c, i) => {
      const node = index(c.node);
      const shape = colliderShape(obj(c.shape));
      if (!inRange(json.nodes, node) || !shape) {
        warn(`Spring bone collider ${i} has no node or no sphere/capsule shape; ignored.`);
        return;
      }
      colliderAt.set(i, colliders.length);
      colliders.push({ node, shape });
    });
  const colliderGroups = arr(ext.colliderGroups)
    .map(obj)
    .map((g, i) => ({
      name: str(g.name) || `colliderGroup${i}`,
      colliders: arr(g.colliders)
        .map(index)
        .flatMap((c) => (c !== null && colliderAt.has(c) ? [colliderAt.get(c)!] : [])),
    }));
  const springs = arr(ext.springs)
    .map(obj)
    .map((s, i) => parseSpring(json, s, i, colliderGroups.length, warn));
  return { colliders, colliderGroups, springs };
}

function colliderShape(shape: JsonObject): ColliderShapeDef | null {
  if (shape.sphere) {
    const s = obj(shape.sphere);
    return { type: 'sphere', offset: vec3Array(s.offset, [0, 0, 0]), radius: num(s.radius, 0) };
  }
  if (shape.capsule) {
    const c = obj(shape.capsule);
    return {
      type: 'capsule',
      offset: vec3Array(c.offset, [0, 0, 0]),
      tail: vec3Array(c.tail, [0, 0, 0]),
      radius: num(c.radius, 0),
    };
  }
  return null;
}

function parseSpring(json: GltfJson, s: JsonObject, i: number, groupCount: number, warn: Warn): SpringDef {
  const raw = arr(s.joints).map(obj);
  const joints: JointDef[] = [];
  for (let j = 0; j + 1 < raw.length; j++) {
    const node = index(raw[j].node);
    const child = index(raw[j + 1].node);
    if (!inRange(json.nodes, node) || !inRange(json.nodes, child)) {
      warn(`Spring ${i} has a joint on a missing node; the chain stops there.`);
      break;
    }
    const joint = raw[j];
    joints.push({
      node,
      child,
      hitRadius: num(joint.hitRadius, 0),
      stiffness: num(joint.stiffness, 1),
      gravityPower: num(joint.gravityPower, 0),
      gravityDir: unit(vec3Array(joint.gravityDir, [0, -1, 0])),
      dragForce: num(joint.dragForce, 0.5),
    });
  }
  const center = index(s.center);
  return {
    name: str(s.name) || `spring${i}`,
    center: inRange(json.nodes, center) ? center : null,
    colliderGroups: arr(s.colliderGroups)
      .map(index)
      .filter((g): g is number => g !== null && g < groupCount),
    joints,
  };
}
