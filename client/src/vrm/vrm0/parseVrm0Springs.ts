import type { ColliderDef, JointDef, SpringBoneDef, SpringDef } from '../definition';
import { inRange, type GltfJson, type Warn } from '../gltf/gltfJson';
import { arr, index, num, obj, str, vec3Object, type JsonObject } from '../json';

/**
 * Reads VRM 0.x `secondaryAnimation`: each bone group's root bones swing with every node below
 * them (each node's first child gives the bone direction; a leaf gets a virtual 7 cm tail).
 * Collider offsets are written in Unity's axes: Z is flipped into glTF's (as UniVRM and three-vrm do).
 * Returns null when the file has no spring bones at all.
 */
export function parseVrm0Springs(
  json: GltfJson,
  secondaryAnimation: unknown,
  warn: Warn,
): SpringBoneDef | null {
  const sa = obj(secondaryAnimation);
  const colliders: ColliderDef[] = [];
  const colliderGroups: SpringBoneDef['colliderGroups'] = [];
  arr(sa.colliderGroups)
    .map(obj)
    .forEach((group, g) => {
      const node = index(group.node);
      const members: number[] = [];
      if (!inRange(json.nodes, node))
        warn(`Spring bone collider group ${g} is on a missing node; it is empty.`);
      else
        for (const c of arr(group.colliders).map(obj)) {
          const [x, y, z] = vec3Object(c.offset, [0, 0, 0]);
          members.push(colliders.length);
          colliders.push({ node, shape: { type: 'sphere', offset: [x, y, -z], radius: num(c.radius, 0) } });
        }
      colliderGroups.push({ name: `colliderGroup${g}`, colliders: members });
    });
  const springs: SpringDef[] = [];
  arr(sa.boneGroups)
    .map(obj)
    .forEach((group, g) => {
      for (const root of arr(group.bones)) {
        const node = index(root);
        if (!inRange(json.nodes, node)) {
          warn(`Spring bone group ${g} starts at missing node ${String(root)}; ignored.`);
          continue;
        }
        springs.push(boneGroupSpring(json, group, g, node, colliderGroups.length, warn));
      }
    });
  if (springs.length === 0 && colliders.length === 0) return null;
  return { colliders, colliderGroups, springs };
}

function boneGroupSpring(
  json: GltfJson,
  group: JsonObject,
  g: number,
  root: number,
  groupCount: number,
  warn: Warn,
): SpringDef {
  const center = index(group.center);
  const usedGroups = arr(group.colliderGroups)
    .map(index)
    .filter((i): i is number => {
      const ok = i !== null && i < groupCount;
      if (!ok) warn(`Spring bone group ${g} uses a missing collider group; ignored.`);
      return ok;
    });
  const settings = {
    hitRadius: num(group.hitRadius, 0),
    // "stiffiness" is how VRM 0.x spells it.
    stiffness: num(group.stiffiness ?? group.stiffness, 1),
    gravityPower: num(group.gravityPower, 0),
    gravityDir: unit(vec3Object(group.gravityDir, [0, -1, 0])),
    dragForce: num(group.dragForce, 0.4),
  };
  const joints: JointDef[] = [];
  const visit = (node: number, depth: number): void => {
    if (depth > 256) return; // a cyclic hierarchy (invalid glTF): stop rather than loop
    const children = (json.nodes?.[node]?.children ?? []).filter((c) => inRange(json.nodes, c));
    joints.push({ node, child: children[0] ?? null, ...settings });
    for (const child of children) visit(child, depth + 1);
  };
  visit(root, 0);
  return {
    name: str(group.comment) || `boneGroup${g}`,
    center: center !== null && inRange(json.nodes, center) ? center : null,
    colliderGroups: usedGroups,
    joints,
  };
}

/** The vector scaled to length 1 (straight down when it has none). */
export function unit(v: [number, number, number]): [number, number, number] {
  const l = Math.hypot(v[0], v[1], v[2]);
  return l > 1e-9 ? [v[0] / l, v[1] / l, v[2] / l] : [0, -1, 0];
}
