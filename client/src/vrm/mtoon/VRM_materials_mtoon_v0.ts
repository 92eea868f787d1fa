import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { IMaterial } from '@babylonjs/loaders/glTF/2.0/glTFLoaderInterfaces';
import {
  registerGLTFExtension,
  unregisterGLTFExtension,
} from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { MToonLoaderExtension } from './MToonLoaderExtension';
import type { MToonDefinition } from './mtoonDefinition';
import { migrateVrm0MToon, VRM0_MTOON_SHADER, type Vrm0MaterialProperty } from './migrateVrm0MToon';
import { readMToonDefinition, type GltfMaterialJson } from './readMToonDefinition';

/** A loader extension, not a glTF one: VRM 0.x keeps its MToon parameters under the root `extensions.VRM`. */
const NAME = 'KOTODAMA_vrm0_materials_mtoon';

/**
 * VRM 0.x MToon: the root `extensions.VRM.materialProperties[]` entries with shader "VRM/MToon" are
 * migrated to VRMC_materials_mtoon 1.0 (as UniVRM does) and built like 1.0 materials. Materials
 * with any other shader ("VRM_USE_GLTFSHADER", the VRM/Unlit* family) keep their glTF material.
 */
export class VRM_materials_mtoon_v0 extends MToonLoaderExtension {
  readonly name = NAME;
  private readonly migrated: (GltfMaterialJson | null)[];

  constructor(loader: GLTFLoader) {
    super(loader);
    const vrm = (loader.gltf.extensions?.VRM ?? {}) as { materialProperties?: unknown };
    const properties = Array.isArray(vrm.materialProperties)
      ? (vrm.materialProperties as Vrm0MaterialProperty[])
      : [];
    const materials = (loader.gltf.materials ?? []) as GltfMaterialJson[];
    this.migrated = properties.some((p) => p?.shader === VRM0_MTOON_SHADER)
      ? migrateVrm0MToon(properties, materials)
      : [];
    // A file that also carries VRM 1.0 MToon is read as 1.0.
    this.enabled = this.migrated.some(Boolean) && !loader.isExtensionUsed('VRMC_materials_mtoon');
  }

  protected readDefinition(material: IMaterial): MToonDefinition | null {
    const migrated = this.migrated[material.index];
    return migrated ? readMToonDefinition(migrated, material.index, (m) => this.warn(m)) : null;
  }
}

/** Registers the VRM 0.x MToon loader extension on Babylon's glTF loader (idempotent). */
export function registerVrm0MaterialsMToon(): void {
  unregisterGLTFExtension(NAME);
  registerGLTFExtension(NAME, false, (loader) => new VRM_materials_mtoon_v0(loader));
}
