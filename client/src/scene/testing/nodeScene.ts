import './nodeGlobals';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';

/** The repository root (this file is client/src/scene/testing/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

/** Third-party VRM files shared by the team, next to the repository (absent in a fresh clone). */
export const FIXTURES_DIR = resolve(PROJECT_ROOT, '../shared/fixtures/vrm');

/** The built-in avatars' ids (files under assets/avatars/). */
export const AVATAR_IDS = ['kotoha', 'haru', 'sora'] as const;

/** Bytes of a built-in avatar. */
export function avatarBytes(id: string = 'kotoha'): Uint8Array {
  return new Uint8Array(readFileSync(resolve(PROJECT_ROOT, 'assets/avatars', `${id}.vrm`)));
}

/** Fixture file names (.vrm) when the folder exists, else null. */
export function fixtureFiles(): string[] | null {
  if (!existsSync(FIXTURES_DIR)) return null;
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.vrm'))
    .sort();
}

/** Bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES_DIR, name)));
}

/** A NullEngine scene with a camera, for loading and driving avatars without a GPU. */
export function nullScene(): { engine: NullEngine; scene: Scene; dispose(): void } {
  const engine = new NullEngine();
  const scene = new Scene(engine);
  new FreeCamera('camera', new Vector3(0, 1.3, -1.5), scene);
  return {
    engine,
    scene,
    dispose: () => {
      scene.dispose();
      engine.dispose();
    },
  };
}

/** Renders until the scene reports ready (textures decode asynchronously), or returns false after `ms`. */
export async function renderUntilReady(scene: Scene, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    scene.render();
    if (scene.isReady()) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
