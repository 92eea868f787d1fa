/**
 * Meshes: what it costs every viewer's GPU to draw the avatar. Vertices are summed per
 * primitive (a shared accessor is drawn once per primitive that uses it).
 */
import { refuse } from './errors';
import { asArray, asObject, describe, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmLimits } from './limits';

/** Figures about the meshes, for limits and for the catalogue. */
export interface MeshStats {
  meshes: number;
  primitives: number;
  vertices: number;
  morphTargets: number;
  /** Morph targets per mesh (the most any of its primitives has), for expression binds. */
  targetsPerMesh: number[];
}

/** Checks every primitive's references and the mesh, vertex and morph-target limits. */
export function checkMeshes(gltf: JsonObject, accessorCounts: number[], limits: VrmLimits): MeshStats {
  const meshes = listOf(gltf, 'meshes');
  if (meshes.length > limits.maxMeshes) {
    refuse(
      'too_many_meshes',
      `The avatar has ${meshes.length} meshes; at most ${limits.maxMeshes} are allowed. Merge meshes before exporting.`,
      { limit: limits.maxMeshes, actual: meshes.length },
    );
  }
  const stats: MeshStats = {
    meshes: meshes.length,
    primitives: 0,
    vertices: 0,
    morphTargets: 0,
    targetsPerMesh: [],
  };
  const materialCount = listOf(gltf, 'materials').length;
  meshes.forEach((raw, m) => {
    let most = 0;
    for (const rawPrimitive of listOf(asObject(raw), 'primitives')) {
      const primitive = asObject(rawPrimitive);
      const where = `Mesh ${m}`;
      stats.vertices += checkAttributes(asObject(field(primitive, 'attributes')), accessorCounts, where);
      const targets = asArray(field(primitive, 'targets')) ?? [];
      for (const target of targets) checkAttributes(asObject(target), accessorCounts, where);
      checkIndex(field(primitive, 'indices'), accessorCounts.length, `${where} uses an index accessor`);
      checkIndex(field(primitive, 'material'), materialCount, `${where} uses a material`);
      stats.primitives += 1;
      stats.morphTargets += targets.length;
      most = Math.max(most, targets.length);
    }
    stats.targetsPerMesh.push(most);
  });
  enforceGeometryLimits(stats, limits);
  return stats;
}

/** Returns the vertex count of a primitive (its POSITION accessor), checking every attribute. */
function checkAttributes(
  attributes: JsonObject | undefined,
  accessorCounts: number[],
  where: string,
): number {
  if (!attributes) return 0;
  for (const name of Object.keys(attributes)) {
    checkIndex(attributes[name], accessorCounts.length, `${where} uses a ${name.slice(0, 40)} accessor`);
  }
  const position = field(attributes, 'POSITION');
  return position === undefined ? 0 : accessorCounts[position as number];
}

function checkIndex(value: unknown, length: number, what: string): void {
  if (value !== undefined && !isIndex(value, length)) {
    refuse('bad_reference', `${what} that does not exist. The file is damaged; re-export it.`, {
      index: describe(value),
    });
  }
}

function enforceGeometryLimits(stats: MeshStats, limits: VrmLimits): void {
  if (stats.vertices > limits.maxVertices) {
    refuse(
      'too_many_vertices',
      `The avatar has ${stats.vertices.toLocaleString('en-US')} vertices; at most ${limits.maxVertices.toLocaleString('en-US')} are allowed. Reduce the polygon count (decimate hair and clothes) before exporting.`,
      { limit: limits.maxVertices, actual: stats.vertices },
    );
  }
  if (stats.morphTargets > limits.maxMorphTargets) {
    refuse(
      'too_many_morph_targets',
      `The avatar has ${stats.morphTargets} morph targets (blend shapes / shape keys); at most ${limits.maxMorphTargets} are allowed. Remove unused shape keys before exporting.`,
      { limit: limits.maxMorphTargets, actual: stats.morphTargets },
    );
  }
}
