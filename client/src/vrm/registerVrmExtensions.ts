import { RegisterInstancedMesh } from '@babylonjs/core/Meshes/instancedMesh.pure';
import { RegisterGLTFFileLoader } from '@babylonjs/loaders/glTF/glTFFileLoader.pure';
import { RegisterGLTF2Loader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import { registerBuiltInGLTFExtensions } from '@babylonjs/loaders/glTF/2.0/Extensions/dynamic';
import { RegisterKHR_materials_emissive_strength } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_materials_emissive_strength.pure';
import { RegisterKHR_materials_unlit } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_materials_unlit.pure';
import { RegisterKHR_mesh_quantization } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_mesh_quantization.pure';
import { RegisterKHR_texture_transform } from '@babylonjs/loaders/glTF/2.0/Extensions/KHR_texture_transform.pure';
import { registerMToonExtensions } from './mtoon';
import { registerVrmcSpringBoneLoaderExtension } from './springBone/VrmcSpringBoneLoaderExtension';
import { registerVrmLoaderExtension } from './vrm0/VrmLoaderExtension';
import { registerVrmcVrmLoaderExtension } from './vrm1/VrmcVrmLoaderExtension';

let registered = false;

/**
 * The one place the VRM layer plugs into Babylon: registers the glTF file loader (from its
 * side-effect-free modules, never the `@babylonjs/loaders` barrels) and our glTF extensions.
 * The glTF extensions VRM exporters use are bundled; any other one a file uses is fetched on
 * demand by Babylon's lazy registry. Idempotent.
 */
export function registerVrmExtensions(): void {
  if (registered) return;
  registered = true;
  RegisterInstancedMesh();
  RegisterGLTF2Loader();
  RegisterGLTFFileLoader();
  registerBuiltInGLTFExtensions();
  RegisterKHR_materials_unlit();
  RegisterKHR_texture_transform();
  RegisterKHR_materials_emissive_strength();
  RegisterKHR_mesh_quantization();
  registerVrmLoaderExtension();
  registerVrmcVrmLoaderExtension();
  registerVrmcSpringBoneLoaderExtension();
  // Material extensions (MToon) register here, one line each.
  registerMToonExtensions();
}
