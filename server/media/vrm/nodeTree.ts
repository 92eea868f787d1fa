/**
 * The node hierarchy and what hangs off it (scenes, skins, animations). A child listed twice
 * or a cycle makes loaders recurse forever, which would freeze every viewer in the room.
 */
import { refuse } from './errors';
import { asArray, asObject, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmLimits } from './limits';

const DAMAGED = 'The file is damaged; re-export it.';

/** Checks node references, the tree shape, scenes, skins and animations. Returns the node count. */
export function checkNodeTree(gltf: JsonObject, accessorCount: number, limits: VrmLimits): number {
  const nodes = listOf(gltf, 'nodes');
  if (nodes.length > limits.maxNodes) {
    refuse(
      'too_many_nodes',
      `The avatar has ${nodes.length} nodes; at most ${limits.maxNodes} are allowed. Remove unused bones and empty objects before exporting.`,
      { limit: limits.maxNodes, actual: nodes.length },
    );
  }
  const counts = {
    mesh: listOf(gltf, 'meshes').length,
    skin: listOf(gltf, 'skins').length,
    camera: listOf(gltf, 'cameras').length,
  };
  const parent = new Array<number>(nodes.length).fill(-1);
  nodes.forEach((raw, n) => {
    const node = asObject(raw);
    for (const key of ['mesh', 'skin', 'camera'] as const) {
      const value = field(node, key);
      if (value !== undefined && !isIndex(value, counts[key])) {
        refuse('bad_reference', `Node ${n} points at a ${key} that does not exist. ${DAMAGED}`, { node: n });
      }
    }
    for (const child of asArray(field(node, 'children')) ?? []) {
      if (!isIndex(child, nodes.length))
        refuse('bad_reference', `Node ${n} has a child that does not exist. ${DAMAGED}`, { node: n });
      if (child === n)
        refuse('bad_node_tree', `Node ${n} is its own child (the node hierarchy has a loop). ${DAMAGED}`, {
          node: n,
        });
      if (parent[child] !== -1) {
        refuse('bad_node_tree', `Node ${child} has more than one parent. ${DAMAGED}`, { node: child });
      }
      parent[child] = n;
    }
  });
  checkAcyclic(parent);
  checkScenes(gltf, nodes.length);
  checkSkins(gltf, nodes.length, accessorCount);
  checkAnimations(gltf, nodes.length, accessorCount);
  return nodes.length;
}

/** With one parent per node, a cycle is a parent chain that comes back; each node is walked once. */
function checkAcyclic(parent: number[]): void {
  const state = new Uint8Array(parent.length); // 0 unseen, 1 on the current walk, 2 known to reach a root
  for (let start = 0; start < parent.length; start += 1) {
    const walk: number[] = [];
    let node = start;
    while (node !== -1 && state[node] === 0) {
      state[node] = 1;
      walk.push(node);
      node = parent[node];
    }
    if (node !== -1 && state[node] === 1) {
      refuse(
        'bad_node_tree',
        `Node ${node} is its own ancestor (the node hierarchy has a loop). ${DAMAGED}`,
        { node },
      );
    }
    for (const done of walk) state[done] = 2;
  }
}

function checkScenes(gltf: JsonObject, nodeCount: number): void {
  const scenes = listOf(gltf, 'scenes');
  const scene = field(gltf, 'scene');
  if (scene !== undefined && !isIndex(scene, scenes.length))
    refuse('bad_reference', `The default scene does not exist. ${DAMAGED}`);
  scenes.forEach((raw, s) => {
    for (const root of asArray(field(asObject(raw), 'nodes')) ?? []) {
      if (!isIndex(root, nodeCount))
        refuse('bad_reference', `Scene ${s} lists a node that does not exist. ${DAMAGED}`, { scene: s });
    }
  });
}

function checkSkins(gltf: JsonObject, nodeCount: number, accessorCount: number): void {
  listOf(gltf, 'skins').forEach((raw, s) => {
    const skin = asObject(raw);
    const joints = asArray(field(skin, 'joints')) ?? [];
    const skeleton = field(skin, 'skeleton');
    const matrices = field(skin, 'inverseBindMatrices');
    const bad =
      joints.some((j) => !isIndex(j, nodeCount)) ||
      (skeleton !== undefined && !isIndex(skeleton, nodeCount)) ||
      (matrices !== undefined && !isIndex(matrices, accessorCount));
    if (bad)
      refuse('bad_reference', `Skin ${s} points at a joint or accessor that does not exist. ${DAMAGED}`, {
        skin: s,
      });
  });
}

function checkAnimations(gltf: JsonObject, nodeCount: number, accessorCount: number): void {
  listOf(gltf, 'animations').forEach((raw, a) => {
    const animation = asObject(raw);
    const samplers = listOf(animation, 'samplers');
    const badSampler = samplers.some((s) =>
      ['input', 'output'].some((k) => !isIndex(field(asObject(s), k), accessorCount)),
    );
    const badChannel = listOf(animation, 'channels').some((raw) => {
      const channel = asObject(raw);
      const node = field(asObject(field(channel, 'target')), 'node');
      return (
        !isIndex(field(channel, 'sampler'), samplers.length) ||
        (node !== undefined && !isIndex(node, nodeCount))
      );
    });
    if (badSampler || badChannel)
      refuse('bad_reference', `Animation ${a} points at data that does not exist. ${DAMAGED}`, {
        animation: a,
      });
  });
}
