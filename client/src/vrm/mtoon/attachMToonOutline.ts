import { MultiMaterial } from '@babylonjs/core/Materials/multiMaterial';
import { SubMesh } from '@babylonjs/core/Meshes/subMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { MToonMaterial } from './MToonMaterial';

/**
 * Draws a mesh's MToon outline as an inverted hull in the same mesh: every sub-mesh is repeated
 * with the outline pass as its material (a MultiMaterial of [surface, outline]). Skinning, morph
 * targets, visibility and layer masks are the mesh's own, so the hull always follows the surface.
 * Returns the MultiMaterial (disposed with the mesh), or null when the material draws no outline.
 */
export function attachMToonOutline(mesh: Mesh, surface: MToonMaterial): MultiMaterial | null {
  if (surface.outlineWidthMode === 'none' || surface.outlineWidth <= 0) return null;
  const current = mesh.material;
  if (current instanceof MultiMaterial && current.subMaterials.includes(surface.outline)) return current;
  if (current !== surface)
    throw new Error(`Mesh "${mesh.name}" does not use MToon material "${surface.name}".`);
  const outline = surface.outline ?? surface.createOutline();
  const scene = mesh.getScene();
  const multi = new MultiMaterial(`${surface.name} (surface + outline)`, scene);
  multi.subMaterials = [surface, outline];
  const surfaces = [...mesh.subMeshes];
  for (const sub of surfaces) {
    sub.materialIndex = 0;
    new SubMesh(
      1,
      sub.verticesStart,
      sub.verticesCount,
      sub.indexStart,
      sub.indexCount,
      mesh,
      mesh,
      true,
      true,
    );
  }
  mesh.material = multi;
  mesh.onDisposeObservable.addOnce(() => multi.dispose());
  return multi;
}
