import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { JointDef } from '../definition';
import type { SpringBoneCollider } from './SpringBoneCollider';

const worldPos = new Vector3();
const next = new Vector3();
const v = new Vector3();
const axisCenter = new Vector3();
const gravityCenter = new Vector3();
const m1 = new Matrix();
const m2 = new Matrix();
const q = new Quaternion();

/** Something with a world matrix the joint reads: its parent joint, or a node seen by the manager. */
export interface WorldSource {
  readonly world: Matrix;
}

const IDENTITY_SOURCE: WorldSource = { world: Matrix.Identity() };

/** Settings of one joint (see JointDef). */
export type JointSettings = Pick<JointDef, 'hitRadius' | 'stiffness' | 'gravityPower' | 'dragForce'>;

/**
 * One spring bone: Verlet integration of its tail (inertia damped by drag, a pull back towards
 * the rest direction, gravity), kept at the bone's length, pushed out of colliders, then the bone
 * turned so that it points at the tail. Tails live in the centre node's space when there is one
 * (so moving the whole character does not shake its hair), else in world space.
 */
export class SpringBoneJoint {
  private readonly restLocal = new Matrix();
  private readonly restRotation = new Quaternion();
  /** The tail's rest position in the bone's space, and the unit bone axis. */
  private readonly restTail = new Vector3();
  private readonly boneAxis = new Vector3();
  private readonly currentTail = new Vector3();
  private readonly prevTail = new Vector3();
  /** Gravity direction in world space (see `updateGravity`). */
  private readonly gravityDir = new Vector3(0, -1, 0);
  /** The bone's world matrix as simulated (children joints hang from it). */
  readonly world = new Matrix();
  private parent: WorldSource = IDENTITY_SOURCE;
  private centerSource: WorldSource | null = null;

  constructor(
    readonly bone: TransformNode,
    readonly child: TransformNode | null,
    readonly settings: JointSettings,
    /** Gravity direction in model (glTF) space, unit length. */
    readonly modelGravityDir: Vector3,
    readonly colliders: SpringBoneCollider[],
    readonly center: TransformNode | null,
  ) {
    bone.rotationQuaternion ??= Quaternion.FromEulerVector(bone.rotation);
    this.restRotation.copyFrom(bone.rotationQuaternion);
    Matrix.ComposeToRef(bone.scaling, this.restRotation, bone.position, this.restLocal);
    if (child) this.restTail.copyFrom(child.position);
    else if (bone.position.lengthSquared() > 1e-12)
      this.restTail.copyFrom(bone.position).normalize().scaleInPlace(0.07);
    else this.restTail.set(0, 0.07, 0);
    this.boneAxis.copyFrom(this.restTail).normalize();
  }

  /** Where the parent's and the centre's world matrices come from (the manager wires this). */
  link(parent: WorldSource, center: WorldSource | null): void {
    this.parent = parent;
    this.centerSource = center;
  }

  /** Turns the model-space gravity into world space (the character may stand rotated). */
  updateGravity(modelToWorld: Matrix): void {
    Vector3.TransformNormalToRef(this.modelGravityDir, modelToWorld, this.gravityDir).normalize();
  }

  /** Puts the tail back at rest where the bone is now (after a load, a teleport or a pose change). */
  reset(): void {
    this.bone.rotationQuaternion!.copyFrom(this.restRotation);
    this.restLocal.multiplyToRef(this.parent.world, this.world);
    Vector3.TransformCoordinatesToRef(this.restTail, this.world, this.currentTail);
    this.toCenter(this.currentTail, this.currentTail);
    this.prevTail.copyFrom(this.currentTail);
  }

  /** Advances by `dt` seconds (the manager calls it with its fixed step, parents first). */
  step(dt: number): void {
    const parentWorld = this.parent.world;
    this.restLocal.multiplyToRef(parentWorld, m1); // the bone's world matrix at rest rotation
    m1.getTranslationToRef(worldPos);
    const tailNow = this.child ? this.child.position : this.restTail;
    const length = Vector3.TransformNormalToRef(tailNow, m1, v).length();
    // The rest direction and gravity, in the tails' space.
    Vector3.TransformCoordinatesToRef(this.boneAxis, m1, axisCenter);
    this.toCenter(axisCenter, axisCenter);
    this.toCenter(worldPos, v);
    axisCenter.subtractInPlace(v).normalize();
    this.directionToCenter(this.gravityDir, gravityCenter);
    const s = this.settings;
    next
      .copyFrom(this.currentTail)
      .addInPlace(this.currentTail.subtractToRef(this.prevTail, v).scaleInPlace(1 - s.dragForce))
      .addInPlace(axisCenter.scaleInPlace(s.stiffness * dt))
      .addInPlace(gravityCenter.scaleInPlace(s.gravityPower * dt));
    this.fromCenter(next, next);
    this.keepLength(next, length);
    this.collide(next, length);
    this.prevTail.copyFrom(this.currentTail);
    this.toCenter(next, this.currentTail);
    // Turn the bone from its rest axis towards the tail, in its rest space.
    m1.invertToRef(m2);
    Vector3.TransformCoordinatesToRef(next, m2, v).normalize();
    Quaternion.FromUnitVectorsToRef(this.boneAxis, v, q);
    const rotation = this.bone.rotationQuaternion!;
    this.restRotation.multiplyToRef(q, rotation);
    Matrix.ComposeToRef(this.bone.scaling, rotation, this.bone.position, m2);
    m2.multiplyToRef(parentWorld, this.world);
  }

  /**
   * Pushes the tail out of the colliders, keeping the bone's length; a few rounds, because
   * restoring the length can pull the tail back in (three-vrm does one).
   */
  private collide(tail: Vector3, length: number): void {
    for (let round = 0; round < 3; round++) {
      let moved = false;
      for (const collider of this.colliders)
        if (collider.pushOut(tail, this.settings.hitRadius)) {
          this.keepLength(tail, length);
          moved = true;
        }
      if (!moved) return;
    }
  }

  private keepLength(tail: Vector3, length: number): void {
    tail.subtractInPlace(worldPos).normalize().scaleInPlace(length).addInPlace(worldPos);
  }

  private toCenter(p: Vector3, result: Vector3): void {
    if (!this.centerSource) result.copyFrom(p);
    else Vector3.TransformCoordinatesToRef(p, this.centerSource!.world.invertToRef(m2), result);
  }

  private fromCenter(p: Vector3, result: Vector3): void {
    if (!this.centerSource) result.copyFrom(p);
    else Vector3.TransformCoordinatesToRef(p, this.centerSource!.world, result);
  }

  private directionToCenter(d: Vector3, result: Vector3): void {
    if (!this.centerSource) result.copyFrom(d);
    else Vector3.TransformNormalToRef(d, this.centerSource!.world.invertToRef(m2), result).normalize();
  }
}
