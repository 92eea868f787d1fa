import '../../scene/testing/nodeGlobals';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';
import { Avatar, loadVrmIntoScene } from '../../scene';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Where the shared third-party VRM fixtures live (absent in a fresh clone). */
export const FIXTURES = resolve(ROOT, '../shared/fixtures/vrm');

/** A NullEngine scene holding one avatar (a built-in id, or a path), and its camera. */
export async function avatarScene(idOrPath = 'kotoha') {
  const path = idOrPath.endsWith('.vrm') ? idOrPath : resolve(ROOT, 'assets/avatars', `${idOrPath}.vrm`);
  const engine = new NullEngine();
  const scene = new Scene(engine);
  const camera = new FreeCamera('camera', new Vector3(0, 1.3, -1.6), scene);
  const avatar = new Avatar(await loadVrmIntoScene(scene, new Uint8Array(readFileSync(path))), scene);
  return {
    engine,
    scene,
    camera,
    avatar,
    dispose: () => {
      scene.dispose();
      engine.dispose();
    },
  };
}

/** True when a fixture file exists. */
export const hasFixture = (name: string): boolean => existsSync(resolve(FIXTURES, name));

/** The influence of a named morph target on the avatar's Face mesh (default avatars). */
export function faceInfluence(avatar: Avatar, target: string): number {
  const face = avatar.meshes.find((m) => m.name === 'Face');
  const manager = face?.morphTargetManager;
  if (!manager) throw new Error('no Face mesh with morph targets');
  for (let i = 0; i < manager.numTargets; i++)
    if (manager.getTarget(i).name === target) return manager.getTarget(i).influence;
  throw new Error(`no morph target ${target}`);
}
