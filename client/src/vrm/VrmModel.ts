import type { VrmVersion } from './definition';
import type { VrmExpressionManager } from './expressions/VrmExpressionManager';
import type { VrmFirstPerson } from './firstPerson/VrmFirstPerson';
import { disposeSceneAdditions, type SceneAdditions } from './gltf/sceneAdditions';
import type { VrmHumanoid } from './humanoid/VrmHumanoid';
import type { VrmLookAt } from './lookAt/VrmLookAt';
import type { VrmMeta } from './meta/VrmMeta';
import type { SpringBoneManager } from './springBone/SpringBoneManager';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';

/** The parts a VRM load produces (see `buildVrmModel`). */
export interface VrmModelParts {
  version: VrmVersion;
  meta: VrmMeta;
  root: TransformNode;
  humanoid: VrmHumanoid;
  expressions: VrmExpressionManager;
  lookAt: VrmLookAt | null;
  firstPerson: VrmFirstPerson;
  springBones: SpringBoneManager | null;
  /** Problems in the file the load survived (each also logged once). */
  warnings: string[];
}

/**
 * A loaded VRM (0.x or 1.0): what the file says (meta, humanoid, expressions, look-at,
 * first-person annotations, spring bones) bound to the Babylon nodes, meshes and materials the
 * glTF loader made. Drive it by setting the normalized pose, expression weights and look-at,
 * then `update(dt)` once per frame. The glTF loader's `__root__` node carries it as
 * `metadata.vrm`.
 */
export class VrmModel implements VrmModelParts {
  readonly version: VrmVersion;
  readonly meta: VrmMeta;
  readonly root: TransformNode;
  readonly humanoid: VrmHumanoid;
  readonly expressions: VrmExpressionManager;
  readonly lookAt: VrmLookAt | null;
  readonly firstPerson: VrmFirstPerson;
  springBones: SpringBoneManager | null;
  readonly warnings: string[];
  /** Everything the load added to the scene, when loaded through `loadVrm` (disposed with the model). */
  assets: SceneAdditions | null = null;
  private disposed = false;

  constructor(parts: VrmModelParts) {
    this.version = parts.version;
    this.meta = parts.meta;
    this.root = parts.root;
    this.humanoid = parts.humanoid;
    this.expressions = parts.expressions;
    this.lookAt = parts.lookAt;
    this.firstPerson = parts.firstPerson;
    this.springBones = parts.springBones;
    this.warnings = parts.warnings;
  }

  /** True for VRM 0.x models, which face −Z in glTF space (VRM 1.0 faces +Z). */
  get facesMinusZ(): boolean {
    return this.version === '0.x';
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Writes the normalized pose and the expressions, then advances the spring bones by dt seconds. */
  update(dt: number): void {
    if (this.disposed) return;
    this.humanoid.update();
    this.expressions.update();
    this.springBones?.update(dt);
  }

  /** Stops the model and, when it was loaded through `loadVrm`, removes what the load added to the scene. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.springBones?.dispose();
    if (this.assets) disposeSceneAdditions(this.root.getScene(), this.assets);
  }
}
