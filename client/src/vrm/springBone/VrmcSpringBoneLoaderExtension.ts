import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { IGLTFLoaderExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtension';
import {
  registerGLTFExtension,
  unregisterGLTFExtension,
} from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtensionRegistry';
import { loaderJson, loaderRefs, logWarnings, modelOf } from '../gltf/loaderModel';
import { obj, str } from '../json';
import { buildSpringBones } from './buildSpringBones';
import { parseSpringBone, VRMC_SPRING_BONE_VERSIONS } from './parseSpringBone';

const NAME = 'VRMC_springBone';

/**
 * The VRM 1.0 spring bone extension (root `extensions.VRMC_springBone`): joints, sphere and
 * capsule colliders, collider groups and centre spaces, attached to the model VRMC_vrm built
 * (it runs after it: a higher `order`).
 */
export class VrmcSpringBoneLoaderExtension implements IGLTFLoaderExtension {
  readonly name = NAME;
  readonly order = 110;
  enabled = true;

  constructor(private readonly loader: GLTFLoader) {}

  onReady(): void {
    const model = modelOf(this.loader);
    const json = loaderJson(this.loader);
    const ext = obj(json.extensions?.[NAME]);
    const warnings: string[] = [];
    if (!model) {
      logWarnings(NAME, ['the file has spring bones but no VRMC_vrm humanoid; they are ignored.']);
      return;
    }
    const version = str(ext.specVersion);
    if (!VRMC_SPRING_BONE_VERSIONS.has(version))
      warnings.push(`specVersion "${version}" is not one this reader knows (1.0); reading it as 1.0.`);
    const def = parseSpringBone(json, ext, (m) => warnings.push(m));
    model.springBones = buildSpringBones(def, loaderRefs(this.loader), (m) => warnings.push(m));
    model.warnings.push(...warnings);
    logWarnings(NAME, warnings);
  }

  dispose(): void {}
}

/** Registers the `VRMC_springBone` extension on Babylon's glTF loader (idempotent). */
export function registerVrmcSpringBoneLoaderExtension(): void {
  unregisterGLTFExtension(NAME);
  registerGLTFExtension(NAME, true, (loader) => new VrmcSpringBoneLoaderExtension(loader));
}
