import { AppendSceneAsync, SceneLoader } from '@babylonjs/core/Loading/sceneLoader';
import type { Scene } from '@babylonjs/core/scene';
import type { VRMManager } from 'babylon-vrm-loader';

let plugins: Promise<unknown> | null = null;

/**
 * Loads and registers the glTF + VRM loader plugins (with the compatibility measures) once.
 * Call it early (e.g. when the room page opens) so it downloads alongside the avatar.
 */
export function loadVrmPlugins(): Promise<unknown> {
  plugins ??= import('./vrmPlugins');
  return plugins;
}

/** What one `.vrm` / `.glb` load added to a scene. */
export interface LoadedVrm {
  /** The parsed glTF JSON (with its `extensions`), kept for VRM 1.0 and metadata. */
  json: GltfJson;
  /** babylon-vrm-loader's manager, or null for files without a VRM 0.x extension (e.g. VRM 1.0). */
  manager: VRMManager | null;
  /** Everything the load appended, so it can be disposed without touching the rest of the scene. */
  added: SceneSnapshotDiff;
}

/** The parts of a glTF JSON document we read ourselves. */
export interface GltfJson {
  extensions?: Record<string, unknown>;
  extensionsUsed?: string[];
  nodes?: { name?: string }[];
  meshes?: { name?: string; extras?: { targetNames?: string[] } }[];
}

/** Objects a load appended to a scene. */
export interface SceneSnapshotDiff {
  meshes: Scene['meshes'];
  transformNodes: Scene['transformNodes'];
  materials: Scene['materials'];
  textures: Scene['textures'];
  skeletons: Scene['skeletons'];
  morphTargetManagers: Scene['morphTargetManagers'];
  animationGroups: Scene['animationGroups'];
}

/** Progress of one load: 0..1 when the size is known. */
export type ProgressCallback = (fraction: number) => void;

/**
 * Appends a VRM (0.x through babylon-vrm-loader; 1.0 and plain glTF as glTF) from bytes.
 * The loader plugins and the compatibility measures of `installVrmCompat` are installed first.
 */
export async function loadVrmIntoScene(
  scene: Scene,
  bytes: Uint8Array,
  onProgress?: ProgressCallback,
): Promise<LoadedVrm> {
  await loadVrmPlugins();
  // The page shows its own progress; Babylon's default loading screen is a full-page overlay.
  SceneLoader.ShowLoadingScreen = false;
  const before = snapshot(scene);
  let json: GltfJson | null = null;
  const observer = SceneLoader.OnPluginActivatedObservable.add((plugin) => {
    const parsed = (
      plugin as { onParsedObservable?: { addOnce(cb: (d: { json: object }) => void): unknown } }
    ).onParsedObservable;
    parsed?.addOnce((data) => {
      json = data.json as GltfJson;
    });
  });
  try {
    await AppendSceneAsync(bytes, scene, {
      pluginExtension: '.vrm',
      onProgress: (e) => {
        if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
      },
    });
  } finally {
    SceneLoader.OnPluginActivatedObservable.remove(observer);
  }
  if (!json) throw new Error('The VRM loader did not report its parsed glTF JSON.');
  const parsedJson: GltfJson = json;
  const managers = (scene.metadata?.vrmManagers ?? []) as VRMManager[];
  const vrmExt = parsedJson.extensions?.VRM;
  const manager = vrmExt ? (managers.find((m) => m.ext === vrmExt) ?? null) : null;
  onProgress?.(1);
  return { json: parsedJson, manager, added: diff(before, snapshot(scene)) };
}

function snapshot(scene: Scene): SceneSnapshotDiff {
  return {
    meshes: [...scene.meshes],
    transformNodes: [...scene.transformNodes],
    materials: [...scene.materials],
    textures: [...scene.textures],
    skeletons: [...scene.skeletons],
    morphTargetManagers: [...scene.morphTargetManagers],
    animationGroups: [...scene.animationGroups],
  };
}

function diff(before: SceneSnapshotDiff, after: SceneSnapshotDiff): SceneSnapshotDiff {
  const pick = <T>(a: T[], b: T[]): T[] => {
    const seen = new Set(a);
    return b.filter((x) => !seen.has(x));
  };
  return {
    meshes: pick(before.meshes, after.meshes),
    transformNodes: pick(before.transformNodes, after.transformNodes),
    materials: pick(before.materials, after.materials),
    textures: pick(before.textures, after.textures),
    skeletons: pick(before.skeletons, after.skeletons),
    morphTargetManagers: pick(before.morphTargetManagers, after.morphTargetManagers),
    animationGroups: pick(before.animationGroups, after.animationGroups),
  };
}
