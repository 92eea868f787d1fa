import type { Scene } from '@babylonjs/core/scene';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';

/**
 * Resolves once every mesh can be drawn (materials compiled), checking every `intervalMs`;
 * after `timeoutMs` it resolves false instead of waiting forever (the meshes then pop in later).
 * Unlike `scene.whenReadyAsync`, it ignores the rest of the scene and works on hidden meshes.
 */
export async function whenMeshesReady(
  scene: Scene,
  meshes: AbstractMesh[],
  timeoutMs = 15000,
  intervalMs = 16,
): Promise<boolean> {
  const started = performance.now();
  for (;;) {
    if (scene.isDisposed) return false;
    if (meshes.every((m) => m.isDisposed() || m.isReady(true))) return true;
    if (performance.now() - started > timeoutMs) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
