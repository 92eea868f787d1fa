import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { VrmHumanBoneName } from './humanBones';

interface BoneRest {
  node: TransformNode;
  restLocal: Quaternion;
  restPosition: Vector3;
  /** The parent's rest rotation in model space, and its inverse. */
  parentWorld: Quaternion;
  parentWorldInverse: Quaternion;
  /** Model space → the parent's space at rest (for the hips position). */
  parentWorldMatrixInverse: Matrix;
}

const tmpQ = new Quaternion();
const tmpLocal = new Quaternion();
const tmpV = new Vector3();

/**
 * The humanoid: raw bone nodes and a normalized pose (three-vrm's normalized rig). A normalized
 * rotation is expressed in model space with the model's rest rotations factored out, in VRM 1.0
 * axes (+Y up, the character facing +Z, its left at +X) — so the same rotation puts any VRM,
 * 0.x or 1.0, whatever its bones' rest orientations, in the same pose. For VRM 0.x (facing −Z)
 * rotations and the hips position are turned 180° about Y (the 0.x axis flip).
 * `update()` writes the normalized pose to the raw bones.
 */
export class VrmHumanoid {
  private readonly rest = new Map<VrmHumanBoneName, BoneRest>();
  private readonly pose = new Map<VrmHumanBoneName, Quaternion>();
  private readonly hips = Vector3.Zero();
  private readonly restHips = Vector3.Zero();
  private dirty = true;

  /**
   * @param bones raw bone nodes, in their rest pose
   * @param modelRoot the node whose space is "model space" (the glTF loader's `__root__`)
   * @param flipped true for VRM 0.x models (facing −Z)
   */
  constructor(
    bones: ReadonlyMap<VrmHumanBoneName, TransformNode>,
    private readonly modelRoot: TransformNode,
    readonly flipped: boolean,
  ) {
    const worldRest = new Map<TransformNode, Matrix>();
    const worldOf = (node: TransformNode | null): Matrix => {
      if (!node || node === modelRoot) return Matrix.Identity();
      const cached = worldRest.get(node);
      if (cached) return cached;
      node.rotationQuaternion ??= Quaternion.FromEulerVector(node.rotation);
      const local = Matrix.Compose(node.scaling, node.rotationQuaternion, node.position);
      const m = local.multiply(worldOf(node.parent as TransformNode | null));
      worldRest.set(node, m);
      return m;
    };
    for (const [name, node] of bones) {
      node.rotationQuaternion ??= Quaternion.FromEulerVector(node.rotation);
      const parentMatrix = worldOf(node.parent as TransformNode | null);
      const parentWorld = Quaternion.FromRotationMatrix(parentMatrix.getRotationMatrix());
      this.rest.set(name, {
        node,
        restLocal: node.rotationQuaternion.clone(),
        restPosition: node.position.clone(),
        parentWorld,
        parentWorldInverse: Quaternion.Inverse(parentWorld),
        parentWorldMatrixInverse: Matrix.Invert(parentMatrix),
      });
      this.pose.set(name, Quaternion.Identity());
    }
    const hips = this.rest.get('hips');
    if (hips) {
      Vector3.TransformCoordinatesToRef(
        hips.restPosition,
        Matrix.Invert(hips.parentWorldMatrixInverse),
        this.restHips,
      );
      this.flip(this.restHips, this.restHips);
      this.hips.copyFrom(this.restHips);
    }
  }

  /** The humanoid bones the model has. */
  get boneNames(): VrmHumanBoneName[] {
    return [...this.rest.keys()];
  }

  has(name: VrmHumanBoneName): boolean {
    return this.rest.has(name);
  }

  /** The model's own node for a bone (null when the model lacks it). */
  getRawBone(name: VrmHumanBoneName): TransformNode | null {
    return this.rest.get(name)?.node ?? null;
  }

  /** The node normalized positions and rotations are relative to. */
  get root(): TransformNode {
    return this.modelRoot;
  }

  /** Sets a bone's normalized local rotation (VRM 1.0 axes). Bones the model lacks are ignored. */
  setNormalizedRotation(name: VrmHumanBoneName, q: Quaternion): void {
    const current = this.pose.get(name);
    if (!current) return;
    current.copyFrom(q);
    this.dirty = true;
  }

  /** A bone's normalized rotation (identity for a bone the model lacks). */
  getNormalizedRotation(name: VrmHumanBoneName, result = new Quaternion()): Quaternion {
    return result.copyFrom(this.pose.get(name) ?? Quaternion.Identity());
  }

  /** Where the hips are in model space (VRM 1.0 axes, metres). */
  setNormalizedHipsPosition(p: Vector3): void {
    this.hips.copyFrom(p);
    this.dirty = true;
  }

  getNormalizedHipsPosition(result = new Vector3()): Vector3 {
    return result.copyFrom(this.hips);
  }

  /** The hips' rest position in model space (VRM 1.0 axes). */
  get restHipsPosition(): Vector3 {
    return this.restHips.clone();
  }

  /** Back to the rest pose (T-pose) on the next `update`. */
  resetNormalizedPose(): void {
    for (const q of this.pose.values()) q.set(0, 0, 0, 1);
    this.hips.copyFrom(this.restHips);
    this.dirty = true;
  }

  /** Writes the normalized pose to the raw bones (when it changed since the last call). */
  update(): void {
    if (!this.dirty) return;
    this.dirty = false;
    for (const [name, r] of this.rest) {
      const n = this.pose.get(name)!;
      const q = this.flipped ? tmpQ.set(-n.x, n.y, -n.z, n.w) : tmpQ.copyFrom(n);
      // raw = P⁻¹ · N · P · rest, with P the parent's rest rotation in model space.
      r.parentWorldInverse.multiplyToRef(q, tmpLocal);
      tmpLocal.multiplyInPlace(r.parentWorld).multiplyInPlace(r.restLocal);
      r.node.rotationQuaternion!.copyFrom(tmpLocal);
    }
    const hips = this.rest.get('hips');
    if (hips) {
      this.flip(this.hips, tmpV);
      Vector3.TransformCoordinatesToRef(tmpV, hips.parentWorldMatrixInverse, hips.node.position);
    }
  }

  /** VRM 1.0 axes ↔ the model's own (a 180° turn about Y for VRM 0.x; its own inverse). */
  private flip(v: Vector3, result: Vector3): Vector3 {
    return this.flipped ? result.set(-v.x, v.y, -v.z) : result.copyFrom(v);
  }
}
