import type { Scene } from '@babylonjs/core/scene';

/** Objects one load appended to a scene. */
export interface SceneAdditions {
  meshes: Scene['meshes'];
  transformNodes: Scene['transformNodes'];
  materials: Scene['materials'];
  textures: Scene['textures'];
  skeletons: Scene['skeletons'];
  morphTargetManagers: Scene['morphTargetManagers'];
  animationGroups: Scene['animationGroups'];
}

/** What the scene holds now (compare two with `sceneAdditions`). */
export function sceneSnapshot(scene: Scene): SceneAdditions {
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

/** What `after` holds that `before` did not. */
export function sceneAdditions(before: SceneAdditions, after: SceneAdditions): SceneAdditions {
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

/** Removes a load's objects from the scene and frees their GPU resources. */
export function disposeSceneAdditions(scene: Scene, a: SceneAdditions): void {
  for (const group of a.animationGroups) group.dispose();
  for (const skeleton of a.skeletons) skeleton.dispose();
  for (const m of a.meshes) if (!m.isDisposed()) m.dispose(false, true);
  for (const n of a.transformNodes) if (!n.isDisposed()) n.dispose();
  // Not forceDisposeEffect: compiled effects are shared with other avatars' materials.
  for (const m of a.materials) if (scene.materials.includes(m)) m.dispose(false, true);
  // Textures go with their materials (forceDisposeTextures). Never dispose `textures` blindly:
  // the first PBR material of a scene creates the scene-wide BRDF lookup texture during the load.
  for (const mtm of a.morphTargetManagers) mtm.dispose();
}
