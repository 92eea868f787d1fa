import { Logger } from '@babylonjs/core/Misc/logger';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { VrmModel } from '../VrmModel';
import { babylonRefs, type BabylonRefs } from './babylonRefs';
import type { GltfJson } from './gltfJson';

type WithVrm = TransformNode & { metadata: { vrm?: VrmModel } | null };

/** The glTF JSON the loader is reading. */
export const loaderJson = (loader: GLTFLoader): GltfJson => loader.gltf as unknown as GltfJson;

/** Index → Babylon object lookups for this load. */
export function loaderRefs(loader: GLTFLoader): BabylonRefs {
  const root = loader.rootBabylonMesh;
  if (!root) throw new Error('The glTF loader has no root node yet: VRM extensions run once it is ready.');
  return babylonRefs(loader.gltf, root);
}

/** Hangs the model on the load's root node (`__root__.metadata.vrm`), where `loadVrm` and other extensions find it. */
export function attachModel(loader: GLTFLoader, model: VrmModel): void {
  const root = loader.rootBabylonMesh as WithVrm | null;
  if (!root) return;
  root.metadata = { ...(root.metadata ?? {}), vrm: model };
}

/** The model an earlier extension of this load built, if any. */
export function modelOf(loader: GLTFLoader): VrmModel | null {
  return (loader.rootBabylonMesh as WithVrm | null)?.metadata?.vrm ?? null;
}

/** The VRM model a load's root node carries, if any. */
export function modelOnRoot(root: TransformNode | null | undefined): VrmModel | null {
  return (root as WithVrm | null | undefined)?.metadata?.vrm ?? null;
}

/** Logs a file's warnings once, in one line each, naming the extension. */
export function logWarnings(extension: string, warnings: string[]): void {
  for (const w of warnings) Logger.Warn(`${extension}: ${w}`);
}
