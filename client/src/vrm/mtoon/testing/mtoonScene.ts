/* eslint-disable @typescript-eslint/no-explicit-any -- tests read arbitrary glTF JSON */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NullEngine } from '@babylonjs/core/Engines/nullEngine';
import { FreeCamera } from '@babylonjs/core/Cameras/freeCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Scene } from '@babylonjs/core/scene';
import { AppendSceneAsync } from '@babylonjs/core/Loading/sceneLoader';
import { RegisterGLTF2Loader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import { RegisterGLTFFileLoader } from '@babylonjs/loaders/glTF/glTFFileLoader.pure';
import { RegisterKHR_materials_unlit } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_materials_unlit.pure';
import { registerMToonExtensions } from '../index';

/** The repository root (this file is client/src/vrm/mtoon/testing/). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
/** Third-party VRM files, beside the project (absent in a fresh clone: the tests that need them skip). */
export const FIXTURES_DIR = resolve(PROJECT_ROOT, '../shared/fixtures/vrm');

/** Fixture file names when the folder exists, else null. */
export function fixtureFiles(): string[] | null {
  if (!existsSync(FIXTURES_DIR)) return null;
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith('.vrm'))
    .sort();
}

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(FIXTURES_DIR, name)));
}

/** The built-in avatars' ids (files under assets/avatars/). */
export const AVATAR_IDS = ['kotoha', 'haru', 'sora'] as const;

export function avatarBytes(id: string): Uint8Array {
  return new Uint8Array(readFileSync(resolve(PROJECT_ROOT, 'assets/avatars', `${id}.vrm`)));
}

/** The glTF JSON chunk of a GLB. */
export function glbJson(bytes: Uint8Array): Record<string, any> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = view.getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
}

/** Babylon's glTF 2.0 loader with KHR_materials_unlit and the MToon extensions (what a VRM page registers). */
export function registerLoaders(): void {
  RegisterGLTFFileLoader();
  RegisterGLTF2Loader();
  RegisterKHR_materials_unlit();
  registerMToonExtensions();
}

/** A NullEngine scene with a camera. */
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

/** Appends a GLB/VRM from bytes. */
export async function appendGlb(scene: Scene, bytes: Uint8Array): Promise<void> {
  await AppendSceneAsync(bytes, scene, { pluginExtension: '.glb' });
}

/** Renders until the scene reports ready (textures decode asynchronously), or returns false after `ms`. */
export async function renderUntilReady(scene: Scene, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  for (;;) {
    scene.render();
    if (scene.isReady()) return true;
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A GLB with its JSON chunk edited (the binary chunk is kept as is). */
export function editGlbJson(glb: Uint8Array, edit: (json: Record<string, any>) => void): Uint8Array {
  const json = glbJson(glb);
  edit(json);
  const view = new DataView(glb.buffer, glb.byteOffset, glb.byteLength);
  const rest = glb.subarray(20 + view.getUint32(12, true));
  let text = new TextEncoder().encode(JSON.stringify(json));
  if (text.length % 4) text = Uint8Array.from([...text, ...new Array(4 - (text.length % 4)).fill(0x20)]);
  const out = new Uint8Array(20 + text.length + rest.length);
  const o = new DataView(out.buffer);
  o.setUint32(0, 0x46546c67, true);
  o.setUint32(4, 2, true);
  o.setUint32(8, out.length, true);
  o.setUint32(12, text.length, true);
  o.setUint32(16, 0x4e4f534a, true);
  out.set(text, 20);
  out.set(rest, 20 + text.length);
  return out;
}
