import { AppendSceneAsync } from '@babylonjs/core/Loading/sceneLoader';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Scene } from '@babylonjs/core/scene';
import { modelOnRoot } from './gltf/loaderModel';
import {
  disposeSceneAdditions,
  sceneAdditions,
  sceneSnapshot,
  type SceneAdditions,
} from './gltf/sceneAdditions';
import { registerVrmExtensions } from './registerVrmExtensions';
import type { VrmModel } from './VrmModel';

/** Options of `loadVrm`. */
export interface LoadVrmOptions {
  /** Parse progress 0..1 (when the loader can tell). */
  onProgress?: (fraction: number) => void;
}

/** What one `loadVrm` added to a scene. */
export interface VrmLoad {
  /** The VRM (0.x or 1.0), or null for a plain glTF file. Disposing it removes the whole load. */
  model: VrmModel | null;
  /** The loader's `__root__` node (handedness conversion). */
  root: TransformNode;
  /** Everything the load appended to the scene. */
  assets: SceneAdditions;
}

/** Appends a `.vrm` (binary glTF) from bytes to a scene with the VRM extensions registered. */
export async function loadVrm(
  scene: Scene,
  bytes: Uint8Array,
  options: LoadVrmOptions = {},
): Promise<VrmLoad> {
  registerVrmExtensions();
  const before = sceneSnapshot(scene);
  try {
    await AppendSceneAsync(bytes, scene, {
      pluginExtension: '.glb',
      onProgress: (e) => {
        if (e.lengthComputable && e.total > 0) options.onProgress?.(e.loaded / e.total);
      },
    });
  } catch (err) {
    // A half-built load would stay in the scene: take it out again.
    const partial = sceneAdditions(before, sceneSnapshot(scene));
    disposeSceneAdditions(scene, partial);
    throw new Error(`The file could not be read as a VRM / glTF model: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const assets = sceneAdditions(before, sceneSnapshot(scene));
  const root = assets.meshes.find((m) => m.name === '__root__') ?? assets.transformNodes[0];
  if (!root) throw new Error('The file loaded, but holds no scene (no nodes): nothing to show.');
  const model = modelOnRoot(root);
  if (model) model.assets = assets;
  options.onProgress?.(1);
  return { model, root, assets };
}
