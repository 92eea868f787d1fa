import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { MorphTarget } from '@babylonjs/core/Morph/morphTarget';
import type { Node } from '@babylonjs/core/node';
import type { Scene } from '@babylonjs/core/scene';
import type { VRMManager } from 'babylon-vrm-loader';
import type { LoadedVrm } from './loadVrm';
import { describeVrm, type VrmDescription } from './vrmDescription';

/** One expression resolved to the morph targets it moves. */
export interface ExpressionBinding {
  name: string;
  isBinary: boolean;
  binds: { target: MorphTarget; weight: number }[];
}

type WithPointers = Node & { metadata?: { gltf?: { pointers?: string[] } } | null };

/**
 * A loaded character: its root, humanoid bones, expressions (as morph-target binds), look-at
 * settings and spring bones. It holds no animation state; the runtime in `client/src/avatar`
 * drives it. Works for VRM 0.x (with babylon-vrm-loader's manager) and VRM 1.0 (bones and
 * expressions read from the file; no spring bones).
 */
export class Avatar {
  /** The loader's `__root__` node (handedness conversion); move or rotate the character with it. */
  readonly root: TransformNode;
  readonly description: VrmDescription;
  /** babylon-vrm-loader's manager for VRM 0.x files, else null. */
  readonly manager: VRMManager | null;
  /** Humanoid bone (VRM 0.x names) → node. */
  readonly bones = new Map<string, TransformNode>();
  /** Canonical expression name (see ExpressionDef.name) → morph targets. */
  readonly expressions = new Map<string, ExpressionBinding>();
  /** Every mesh of the character. */
  readonly meshes: AbstractMesh[];
  /** Each node's local rotation and position as loaded (the rest pose), whatever posed it since. */
  readonly rest = new Map<TransformNode, { rotation: Quaternion; position: Vector3 }>();
  private disposed = false;

  constructor(
    private readonly loaded: LoadedVrm,
    private readonly scene: Scene,
  ) {
    this.description = describeVrm(loaded.json);
    this.manager = loaded.manager;
    this.meshes = loaded.added.meshes.filter((m) => m.name !== '__root__');
    const root = loaded.added.meshes.find((m) => m.name === '__root__') ?? loaded.added.transformNodes[0];
    if (!root) throw new Error('The loaded file has no root node.');
    this.root = root;
    for (const node of loaded.added.transformNodes) {
      node.rotationQuaternion ??= Quaternion.FromEulerVector(node.rotation);
      this.rest.set(node, { rotation: node.rotationQuaternion.clone(), position: node.position.clone() });
    }
    const nodes = this.indexNodes();
    for (const [bone, index] of this.description.humanBones) {
      const node = nodes.get(index);
      if (node) this.bones.set(bone, node as TransformNode);
    }
    this.bindExpressions();
    // VRM 1.0 faces +Z; turn it to face the camera like VRM 0.x.
    if (this.description.facesPlusZ) {
      this.root.rotationQuaternion = Quaternion.RotationAxis(Vector3.Up(), Math.PI).multiply(
        this.root.rotationQuaternion ?? Quaternion.Identity(),
      );
    }
  }

  /** True once `dispose` ran. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** 'VRM 0.x', 'VRM 1.0' or plain glTF. */
  get version(): VrmDescription['version'] {
    return this.description.version;
  }

  /** True when the humanoid bones the runtime poses were found. */
  get hasHumanoid(): boolean {
    return ['hips', 'spine', 'neck', 'head', 'leftUpperArm', 'rightUpperArm'].every((b) => this.bones.has(b));
  }

  /** World position of the head bone (or of the top of the model when there is none). */
  headPosition(): Vector3 {
    const head = this.bones.get('head');
    if (head) {
      head.computeWorldMatrix(true);
      return head.getAbsolutePosition().clone();
    }
    const { max, min } = this.root.getHierarchyBoundingVectors(true);
    return new Vector3((min.x + max.x) / 2, max.y - (max.y - min.y) * 0.12, (min.z + max.z) / 2);
  }

  /** Height of the character's bounding box in metres. */
  height(): number {
    const { max, min } = this.root.getHierarchyBoundingVectors(true);
    return Math.max(0.1, max.y - min.y);
  }

  /** Advances spring bones (hair, skirts) by dt seconds; call after posing. */
  updateSpringBones(dtSeconds: number): void {
    if (this.manager && !this.disposed) void this.manager.update(dtSeconds * 1000);
  }

  /** Removes the character from the scene and frees its GPU resources. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.manager) {
      const list = (this.scene.metadata?.vrmManagers ?? []) as VRMManager[];
      const at = list.indexOf(this.manager);
      if (at >= 0) list.splice(at, 1);
      this.manager.dispose();
    }
    const a = this.loaded.added;
    this.root.dispose(false, true);
    for (const group of a.animationGroups) group.dispose();
    for (const skeleton of a.skeletons) skeleton.dispose();
    for (const m of a.meshes) if (!m.isDisposed()) m.dispose(false, true);
    for (const n of a.transformNodes) if (!n.isDisposed()) n.dispose();
    // Not forceDisposeEffect: compiled effects are shared with other avatars' materials.
    for (const m of a.materials) if (this.scene.materials.includes(m)) m.dispose(false, true);
    // Textures go with their materials (forceDisposeTextures). Never dispose `added.textures` blindly:
    // the first PBR material of a scene creates the scene-wide BRDF lookup texture during the load.
    for (const mtm of a.morphTargetManagers) mtm.dispose();
    this.bones.clear();
    this.expressions.clear();
  }

  /** glTF node index → Babylon node, from the pointers the loader recorded. */
  private indexNodes(): Map<number, Node> {
    const out = new Map<number, Node>();
    for (const node of [...this.loaded.added.transformNodes, ...this.loaded.added.meshes] as WithPointers[]) {
      for (const pointer of node.metadata?.gltf?.pointers ?? []) {
        const match = /^\/nodes\/(\d+)$/.exec(pointer);
        if (match && !out.has(Number(match[1]))) out.set(Number(match[1]), node);
      }
    }
    return out;
  }

  /** glTF mesh index → its primitives' Babylon meshes. */
  private indexPrimitives(): Map<number, AbstractMesh[]> {
    const out = new Map<number, AbstractMesh[]>();
    for (const mesh of this.meshes as (AbstractMesh & WithPointers)[]) {
      for (const pointer of mesh.metadata?.gltf?.pointers ?? []) {
        const match = /^\/meshes\/(\d+)\//.exec(pointer);
        if (!match) continue;
        const list = out.get(Number(match[1])) ?? [];
        list.push(mesh);
        out.set(Number(match[1]), list);
      }
    }
    return out;
  }

  private bindExpressions(): void {
    const primitives = this.indexPrimitives();
    for (const def of this.description.expressions) {
      const binds: ExpressionBinding['binds'] = [];
      for (const bind of def.binds) {
        for (const mesh of primitives.get(bind.mesh) ?? []) {
          const target = mesh.morphTargetManager?.getTarget(bind.index);
          if (target) binds.push({ target, weight: bind.weight });
        }
      }
      if (!this.expressions.has(def.name))
        this.expressions.set(def.name, { name: def.name, isBinary: def.isBinary, binds });
    }
  }
}
