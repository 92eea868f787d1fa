import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { IGLTFLoaderExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtension';
import {
  registerGLTFExtension,
  unregisterGLTFExtension,
} from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { buildVrmModel } from '../buildVrmModel';
import { attachModel, loaderJson, loaderRefs, logWarnings } from '../gltf/loaderModel';
import { obj } from '../json';
import { parseVrm0 } from './parseVrm0';

const NAME = 'VRM';

/**
 * The VRM 0.x glTF extension (root `extensions.VRM`): meta, humanoid, blend shape groups,
 * look-at and first-person settings and `secondaryAnimation` spring bones, read once the loader
 * has built the scene and bound to its nodes as a `VrmModel`. A file that also carries VRM 1.0
 * (`VRMC_vrm`) is read as 1.0. Its materials stay the glTF ones unless an MToon extension takes them.
 */
export class VrmLoaderExtension implements IGLTFLoaderExtension {
  readonly name = NAME;
  readonly order = 100;
  enabled: boolean;

  constructor(private readonly loader: GLTFLoader) {
    this.enabled = !loader.isExtensionUsed('VRMC_vrm');
  }

  onReady(): void {
    const json = loaderJson(this.loader);
    const warnings: string[] = [];
    const def = parseVrm0(json, obj(json.extensions?.[NAME]), (m) => warnings.push(m));
    const model = buildVrmModel(def, loaderRefs(this.loader), warnings);
    attachModel(this.loader, model);
    logWarnings(NAME, warnings);
  }

  dispose(): void {}
}

/** Registers the `VRM` extension on Babylon's glTF loader (idempotent). */
export function registerVrmLoaderExtension(): void {
  unregisterGLTFExtension(NAME);
  registerGLTFExtension(NAME, true, (loader) => new VrmLoaderExtension(loader));
}
