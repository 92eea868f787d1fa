import type { Material } from '@babylonjs/core/Materials/material';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { IGLTF } from '@babylonjs/loaders/glTF/2.0/glTFLoaderInterfaces';

/** glTF indices → the Babylon objects the loader made of them (valid once the loader is ready). */
export interface BabylonRefs {
  /** The loader's `__root__` node (handedness conversion); the VRM's model space is its local space. */
  readonly root: TransformNode;
  node(index: number): TransformNode | null;
  /** The meshes of a node's primitives (one per glTF primitive). */
  primitives(node: number): AbstractMesh[];
  /** Every Babylon material made from glTF material `index` (one per draw mode it was used with). */
  materials(index: number): Material[];
}

/** Reads the bookkeeping the Babylon glTF loader keeps on its JSON objects while it loads. */
export function babylonRefs(gltf: IGLTF, root: TransformNode): BabylonRefs {
  return {
    root,
    node: (i) => gltf.nodes?.[i]?._babylonTransformNode ?? null,
    primitives: (i) => gltf.nodes?.[i]?._primitiveBabylonMeshes ?? [],
    materials: (i) => Object.values(gltf.materials?.[i]?._data ?? {}).map((d) => d.babylonMaterial),
  };
}
