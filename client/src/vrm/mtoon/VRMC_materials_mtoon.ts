import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { IMaterial } from '@babylonjs/loaders/glTF/2.0/glTFLoaderInterfaces';
import {
  registerGLTFExtension,
  unregisterGLTFExtension,
} from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { MToonLoaderExtension } from './MToonLoaderExtension';
import type { MToonDefinition } from './mtoonDefinition';
import { readMToonDefinition, type GltfMaterialJson } from './readMToonDefinition';

const NAME = 'VRMC_materials_mtoon';

/** The VRM 1.0 toon material: materials with `extensions.VRMC_materials_mtoon` become MToonMaterials. */
export class VRMC_materials_mtoon extends MToonLoaderExtension {
  readonly name = NAME;

  constructor(loader: GLTFLoader) {
    super(loader);
    this.enabled = loader.isExtensionUsed(NAME);
  }

  protected readDefinition(material: IMaterial): MToonDefinition | null {
    const ext = material.extensions?.[NAME] as { specVersion?: unknown } | undefined;
    if (!ext) return null;
    if (ext.specVersion !== '1.0')
      this.warn(
        `materials[${material.index}]: VRMC_materials_mtoon specVersion ${JSON.stringify(ext.specVersion)}; reading it as 1.0.`,
      );
    return readMToonDefinition(material as GltfMaterialJson, material.index, (m) => this.warn(m));
  }
}

/** Registers the VRM 1.0 MToon loader extension on Babylon's glTF loader (idempotent). */
export function registerVrmcMaterialsMToon(): void {
  unregisterGLTFExtension(NAME);
  registerGLTFExtension(NAME, true, (loader) => new VRMC_materials_mtoon(loader));
}
