import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { IGLTFLoaderExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtension';
import {
  registerGLTFExtension,
  unregisterGLTFExtension,
} from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { buildVrmModel } from '../buildVrmModel';
import { attachModel, loaderJson, loaderRefs, logWarnings } from '../gltf/loaderModel';
import { obj, str } from '../json';
import { parseVrm1, VRMC_VRM_VERSIONS } from './parseVrm1';

const NAME = 'VRMC_vrm';

/**
 * The VRM 1.0 glTF extension (root `extensions.VRMC_vrm`): meta, humanoid (normalized pose),
 * expressions with morph-target, material-colour and texture-transform binds, isBinary and
 * override rules, look-at and first-person annotations, bound to the loaded nodes as a `VrmModel`.
 * Spring bones come from the separate VRMC_springBone extension.
 */
export class VrmcVrmLoaderExtension implements IGLTFLoaderExtension {
  readonly name = NAME;
  readonly order = 100;
  enabled = true;

  constructor(private readonly loader: GLTFLoader) {}

  onReady(): void {
    const json = loaderJson(this.loader);
    const ext = obj(json.extensions?.[NAME]);
    const warnings: string[] = [];
    const version = str(ext.specVersion);
    if (!VRMC_VRM_VERSIONS.has(version))
      warnings.push(`specVersion "${version}" is not one this reader knows (1.0); reading it as 1.0.`);
    const def = parseVrm1(json, ext, (m) => warnings.push(m));
    const model = buildVrmModel(def, loaderRefs(this.loader), warnings);
    attachModel(this.loader, model);
    logWarnings(NAME, warnings);
  }

  dispose(): void {}
}

/** Registers the `VRMC_vrm` extension on Babylon's glTF loader (idempotent). */
export function registerVrmcVrmLoaderExtension(): void {
  unregisterGLTFExtension(NAME);
  registerGLTFExtension(NAME, true, (loader) => new VrmcVrmLoaderExtension(loader));
}
