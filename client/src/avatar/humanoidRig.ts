import { Quaternion, Vector3, Matrix } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Avatar } from '../scene';

interface BoneRest {
  node: TransformNode;
  restLocal: Quaternion;
  restPosition: Vector3;
  parentWorld: Quaternion;
  parentWorldInverse: Quaternion;
}

/**
 * Poses humanoid bones with "normalized" rotations in VRM space (see `euler`), whatever the
 * model's rest rotations and VRM version (three-vrm's normalized-rig idea). Each frame: `reset`,
 * layers `rotate`/`blend`, then `apply`.
 */
export class HumanoidRig {
  private readonly rest = new Map<string, BoneRest>();
  private readonly pose = new Map<string, Quaternion>();
  private readonly hipsOffset = Vector3.Zero();
  private readonly flip: boolean;

  constructor(private readonly avatar: Avatar) {
    this.flip = avatar.description.facesPlusZ;
    const worldRest = new Map<TransformNode, Quaternion>();
    // The rest pose recorded at load time, not the nodes' current (possibly posed) rotations.
    const restOf = (node: TransformNode): Quaternion => {
      node.rotationQuaternion ??= Quaternion.FromEulerVector(node.rotation);
      return (avatar.rest.get(node)?.rotation ?? node.rotationQuaternion).clone();
    };
    const worldOf = (node: TransformNode | null): Quaternion => {
      if (!node || node === avatar.root) return Quaternion.Identity();
      const cached = worldRest.get(node);
      if (cached) return cached;
      const q = worldOf(node.parent as TransformNode | null).multiply(restOf(node));
      worldRest.set(node, q);
      return q;
    };
    for (const [bone, node] of avatar.bones) {
      const parentWorld = worldOf(node.parent as TransformNode | null);
      this.rest.set(bone, {
        node,
        restLocal: restOf(node),
        restPosition: (avatar.rest.get(node)?.position ?? node.position).clone(),
        parentWorld,
        parentWorldInverse: Quaternion.Inverse(parentWorld),
      });
      this.pose.set(bone, Quaternion.Identity());
    }
  }

  /** Whether the model has this humanoid bone. */
  has(bone: string): boolean {
    return this.rest.has(bone);
  }

  /** Clears the pose to the rest pose (T-pose). */
  reset(): void {
    for (const q of this.pose.values()) q.set(0, 0, 0, 1);
    this.hipsOffset.setAll(0);
  }

  /** Applies `q` after the bone's current pose (layers add up). */
  rotate(bone: string, q: Quaternion): void {
    const current = this.pose.get(bone);
    if (current) q.multiplyToRef(current, current);
  }

  /** Blends the bone's pose towards `q` by weight w (0 keeps, 1 replaces). */
  blend(bone: string, q: Quaternion, w: number): void {
    const current = this.pose.get(bone);
    if (current && w > 0) Quaternion.SlerpToRef(current, q, Math.min(1, w), current);
  }

  /** The bone's current normalized rotation (a copy). */
  get(bone: string): Quaternion {
    return (this.pose.get(bone) ?? Quaternion.Identity()).clone();
  }

  /** Moves the hips by a VRM-space offset (metres) this frame. */
  offsetHips(offset: Vector3): void {
    this.hipsOffset.addInPlace(offset);
  }

  /** Writes the pose to the model's bones. */
  apply(): void {
    for (const [bone, r] of this.rest) {
      const q = this.toModel(this.pose.get(bone)!);
      const local = r.parentWorldInverse.multiply(q).multiply(r.parentWorld).multiply(r.restLocal);
      r.node.rotationQuaternion!.copyFrom(local);
    }
    const hips = this.rest.get('hips');
    if (hips) {
      const offset = this.flip
        ? new Vector3(-this.hipsOffset.x, this.hipsOffset.y, -this.hipsOffset.z)
        : this.hipsOffset;
      const local = Vector3.TransformNormal(
        offset,
        Matrix.FromQuaternionToRef(hips.parentWorldInverse, new Matrix()),
      );
      hips.node.position.copyFrom(hips.restPosition.add(local));
    }
  }

  /** Puts the bones back in their rest pose. */
  restore(): void {
    this.reset();
    this.apply();
  }

  /** A point in world space expressed in VRM space (model space of a VRM 0.x model). */
  toVrmSpace(world: Vector3): Vector3 {
    const inv = this.avatar.root.getWorldMatrix().clone().invert();
    const p = Vector3.TransformCoordinates(world, inv);
    return this.flip ? new Vector3(-p.x, p.y, -p.z) : p;
  }

  /** A point in VRM space expressed in world space (inverse of `toVrmSpace`). */
  toWorld(vrm: Vector3): Vector3 {
    const p = this.flip ? new Vector3(-vrm.x, vrm.y, -vrm.z) : vrm;
    return Vector3.TransformCoordinates(p, this.avatar.root.getWorldMatrix());
  }

  /** VRM 1.0 models face +Z: turn VRM-space rotations by 180° about Y. */
  private toModel(q: Quaternion): Quaternion {
    return this.flip ? new Quaternion(-q.x, q.y, -q.z, q.w) : q;
  }
}
