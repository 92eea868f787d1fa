/**
 * Node and mesh indices inside the VRM extensions themselves: first-person annotations, spring
 * bones (hair and cloth physics) and node constraints. Loaders follow these indices blindly, so
 * a dangling one breaks the avatar for every viewer.
 */
import { refuse } from './errors';
import { asArray, asObject, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmVersion } from './types';

const DAMAGED = 'The file is damaged; re-export it.';

interface Sizes {
  nodes: number;
  meshes: number;
}

/** Checks every index the VRM 0.x or 1.0 extensions hold. */
export function checkVrmReferences(
  gltf: JsonObject,
  vrm: JsonObject,
  version: VrmVersion,
  sizes: Sizes,
): void {
  if (version === '0.x') checkVrm0(vrm, sizes);
  else checkVrm1(gltf, vrm, sizes);
}

/** UniVRM writes -1 for "none" in VRM 0.x (e.g. a spring's `center`), so negative integers are absent. */
function ok0(value: unknown, length: number): boolean {
  return value === undefined || isIndex(value, length) || (Number.isInteger(value) && (value as number) < 0);
}

function ok1(value: unknown, length: number): boolean {
  return value === undefined || isIndex(value, length);
}

function checkVrm0(vrm: JsonObject, sizes: Sizes): void {
  const firstPerson = asObject(field(vrm, 'firstPerson'));
  const annotations = listOf(firstPerson, 'meshAnnotations');
  if (
    !ok0(field(firstPerson, 'firstPersonBone'), sizes.nodes) ||
    annotations.some((a) => !ok0(field(asObject(a), 'mesh'), sizes.meshes))
  ) {
    refuse(
      'bad_reference',
      `The first-person settings point at a node or mesh that does not exist. ${DAMAGED}`,
    );
  }
  const secondary = asObject(field(vrm, 'secondaryAnimation'));
  const colliderGroups = listOf(secondary, 'colliderGroups');
  const badGroup = colliderGroups.some((g) => !ok0(field(asObject(g), 'node'), sizes.nodes));
  const badSpring = listOf(secondary, 'boneGroups').some((raw) => {
    const group = asObject(raw);
    return (
      !ok0(field(group, 'center'), sizes.nodes) ||
      (asArray(field(group, 'bones')) ?? []).some((b) => !ok0(b, sizes.nodes)) ||
      (asArray(field(group, 'colliderGroups')) ?? []).some((c) => !ok0(c, colliderGroups.length))
    );
  });
  if (badGroup || badSpring)
    refuse(
      'bad_reference',
      `The spring bone settings point at a node or collider that does not exist. ${DAMAGED}`,
    );
}

function checkVrm1(gltf: JsonObject, vrm: JsonObject, sizes: Sizes): void {
  const annotations = listOf(asObject(field(vrm, 'firstPerson')), 'meshAnnotations');
  if (annotations.some((a) => !ok1(field(asObject(a), 'node'), sizes.nodes))) {
    refuse('bad_reference', `The first-person settings point at a node that does not exist. ${DAMAGED}`);
  }
  const springBone = asObject(field(asObject(field(gltf, 'extensions')), 'VRMC_springBone'));
  const colliders = listOf(springBone, 'colliders');
  const colliderGroups = listOf(springBone, 'colliderGroups');
  const bad =
    colliders.some((c) => !isIndex(field(asObject(c), 'node'), sizes.nodes)) ||
    colliderGroups.some((g) =>
      (asArray(field(asObject(g), 'colliders')) ?? []).some((c) => !isIndex(c, colliders.length)),
    ) ||
    listOf(springBone, 'springs').some((raw) => {
      const spring = asObject(raw);
      return (
        !ok1(field(spring, 'center'), sizes.nodes) ||
        listOf(spring, 'joints').some((j) => !isIndex(field(asObject(j), 'node'), sizes.nodes)) ||
        (asArray(field(spring, 'colliderGroups')) ?? []).some((g) => !isIndex(g, colliderGroups.length))
      );
    });
  if (bad)
    refuse(
      'bad_reference',
      `The spring bone settings point at a node or collider that does not exist. ${DAMAGED}`,
    );
  checkConstraints(gltf, sizes.nodes);
}

/** VRMC_node_constraint: each constrained node names a source node. */
function checkConstraints(gltf: JsonObject, nodeCount: number): void {
  listOf(gltf, 'nodes').forEach((raw, n) => {
    const constraint = asObject(
      field(
        asObject(field(asObject(field(asObject(raw), 'extensions')), 'VRMC_node_constraint')),
        'constraint',
      ),
    );
    if (!constraint) return;
    const bad = ['roll', 'aim', 'rotation'].some((kind) => {
      const body = asObject(field(constraint, kind));
      return body !== undefined && !isIndex(field(body, 'source'), nodeCount);
    });
    if (bad)
      refuse('bad_reference', `Node ${n} is constrained to a node that does not exist. ${DAMAGED}`, {
        node: n,
      });
  });
}
