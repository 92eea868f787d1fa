import { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader';
import { SceneLoader } from '@babylonjs/core/Loading/sceneLoader';
import type { IGLTFLoaderData } from '@babylonjs/loaders/glTF/glTFFileLoader';

/** The value babylon-vrm-loader reads to mean "use the file's glTF material, not MToon". */
export const GLTF_SHADER = 'VRM_USE_GLTFSHADER';

interface VrmMaterialProperty {
  shader?: string;
}
interface PointerHolder {
  metadata?: { gltf?: { pointers?: string[] } } | null;
}

let pointerPatchInstalled = false;
let shaderPatchInstalled = false;

/**
 * Makes babylon-vrm-loader 2.0 work on Babylon ≥ 5.41: copies glTF JSON pointers back to
 * `metadata.gltf.pointers` (where its VRMManager looks for nodes and meshes) and replaces its
 * MToon material, which crashes on current cores, by the file's glTF material. Idempotent.
 */
export function installVrmCompat(): void {
  installPointerMetadataPatch();
  installGltfShaderPatch();
}

/** Wraps the static `GLTFLoader.AddPointerMetadata` so that it also fills `metadata.gltf.pointers`. */
export function installPointerMetadataPatch(): void {
  if (pointerPatchInstalled) return;
  pointerPatchInstalled = true;
  const original = GLTFLoader.AddPointerMetadata.bind(GLTFLoader);
  GLTFLoader.AddPointerMetadata = (babylonObject: Parameters<typeof original>[0], pointer: string): void => {
    original(babylonObject, pointer);
    const holder = babylonObject as PointerHolder;
    const metadata = (holder.metadata ??= {});
    const gltf = (metadata.gltf ??= {});
    const pointers = (gltf.pointers ??= []);
    // Babylon < 5.41 kept them here itself; don't duplicate them there.
    if (!pointers.includes(pointer)) pointers.push(pointer);
  };
}

/** Forces every VRM 0.x `materialProperties[].shader` to the glTF fallback as soon as a file is parsed. */
export function installGltfShaderPatch(): void {
  if (shaderPatchInstalled) return;
  shaderPatchInstalled = true;
  SceneLoader.OnPluginActivatedObservable.add((plugin) => {
    const observable = (
      plugin as { onParsedObservable?: { addOnce(cb: (d: IGLTFLoaderData) => void): unknown } }
    ).onParsedObservable;
    observable?.addOnce((data) => forceGltfShaders(data.json));
  });
}

/** Sets `shader = "VRM_USE_GLTFSHADER"` on every material property of a VRM 0.x glTF JSON; returns how many changed. */
export function forceGltfShaders(json: unknown): number {
  const vrm = (json as { extensions?: { VRM?: { materialProperties?: VrmMaterialProperty[] } } })?.extensions
    ?.VRM;
  let changed = 0;
  for (const property of vrm?.materialProperties ?? []) {
    if (property.shader !== GLTF_SHADER) {
      property.shader = GLTF_SHADER;
      changed++;
    }
  }
  return changed;
}
