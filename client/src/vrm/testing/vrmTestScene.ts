import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';
import { loadVrm, type VrmLoad } from '../loadVrm';
import type { VrmModel } from '../VrmModel';

/** Test helper: the glTF JSON chunk of a GLB (loosely typed: tests poke at any field). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function glbJson(bytes: Uint8Array): Record<string, any> {
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
}

/** A NullEngine scene with one VRM loaded; `dispose` frees both. */
export async function loadInNullScene(
  bytes: Uint8Array,
): Promise<VrmLoad & { scene: Scene; vrm: VrmModel; dispose(): void }> {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  new FreeCamera('camera', new Vector3(0, 1.3, -1.5), scene);
  try {
    const load = await loadVrm(scene, bytes);
    if (!load.model) throw new Error('the file loaded without a VRM model');
    return {
      ...load,
      scene,
      vrm: load.model,
      dispose: () => {
        scene.dispose();
        engine.dispose();
      },
    };
  } catch (err) {
    scene.dispose();
    engine.dispose();
    throw err;
  }
}
