import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';

const s0 = new Vector3();
const s1 = new Vector3();
const t0 = new Vector3();
const t1 = new Vector3();
const r0 = new Quaternion();
const r1 = new Quaternion();

/**
 * A node the springs hang from or collide with, seen between two frames: its world matrix at
 * the previous update and now, and in between for the fixed steps that fall between them (so a
 * 20 FPS frame's three steps see the head move a third of the way each, as at 60 FPS).
 */
export class NodeMotion {
  private readonly previous = new Matrix();
  private readonly current = new Matrix();
  /** The world matrix at the step being simulated. */
  readonly world = new Matrix();

  constructor(readonly node: TransformNode) {
    this.capture();
    this.previous.copyFrom(this.current);
    this.world.copyFrom(this.current);
  }

  /** Reads the node's world matrix now (call once per update, after the pose is written). */
  capture(): void {
    this.previous.copyFrom(this.current);
    this.current.copyFrom(this.node.computeWorldMatrix(true));
  }

  /** Forgets the previous frame (after a reset: no motion to interpolate). */
  settle(): void {
    this.previous.copyFrom(this.current);
    this.world.copyFrom(this.current);
  }

  /** Sets `world` to the pose at `alpha` (0: previous update, 1: now). */
  at(alpha: number): void {
    if (alpha >= 1) {
      this.world.copyFrom(this.current);
      return;
    }
    this.previous.decompose(s0, r0, t0);
    this.current.decompose(s1, r1, t1);
    Vector3.LerpToRef(s0, s1, alpha, s0);
    Quaternion.SlerpToRef(r0, r1, alpha, r0);
    Vector3.LerpToRef(t0, t1, alpha, t0);
    Matrix.ComposeToRef(s0, r0, t0, this.world);
  }
}
