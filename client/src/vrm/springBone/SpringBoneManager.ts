import type { Matrix } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { NodeMotion } from './NodeMotion';
import type { SpringBoneCollider } from './SpringBoneCollider';
import type { SpringBoneJoint } from './SpringBoneJoint';

/** The simulation's time step: 60 Hz whatever the frame rate. */
export const SPRING_STEP_SECONDS = 1 / 60;
/** Steps run at most per update; a longer gap (a background tab) is dropped rather than replayed. */
const MAX_STEPS = 8;

/**
 * Runs every spring-bone joint of a model on a fixed time step: `update(dt)` accumulates frame
 * time and runs whole 1/60 s steps, so the motion is the same at 20, 30 or 60 frames per second
 * (three-vrm steps by the frame's dt, which makes drag frame-rate dependent). The nodes the
 * springs hang from, collide with or live in (centre) are interpolated between the previous
 * frame and this one for the steps in between. Joints run parents first.
 */
export class SpringBoneManager {
  private readonly ordered: SpringBoneJoint[];
  private readonly motions: NodeMotion[] = [];
  private accumulator = 0;

  constructor(
    readonly joints: readonly SpringBoneJoint[],
    readonly colliders: readonly SpringBoneCollider[],
    /** The model root (its world matrix turns model-space gravity into world space). */
    private readonly root: TransformNode,
  ) {
    const depth = (n: TransformNode): number => {
      let d = 0;
      for (let p = n.parent; p; p = p.parent) d++;
      return d;
    };
    this.ordered = [...joints].sort((a, b) => depth(a.bone) - depth(b.bone));
    const byBone = new Map(this.ordered.map((j) => [j.bone, j]));
    const motionOf = new Map<TransformNode, NodeMotion>();
    const motion = (node: TransformNode): NodeMotion => {
      let m = motionOf.get(node);
      if (!m) {
        m = new NodeMotion(node);
        motionOf.set(node, m);
        this.motions.push(m);
      }
      return m;
    };
    for (const joint of this.ordered) {
      const parent = joint.bone.parent as TransformNode | null;
      const parentJoint = parent ? byBone.get(parent) : undefined;
      joint.link(
        parentJoint ?? (parent ? motion(parent) : { world: root.computeWorldMatrix(true) }),
        joint.center ? motion(joint.center) : null,
      );
    }
    for (const c of colliders) c.link(motion(c.node));
    this.reset();
  }

  /** Tails back at rest where the bones are now (call after moving or re-posing the character abruptly). */
  reset(): void {
    this.accumulator = 0;
    for (const m of this.motions) {
      m.capture();
      m.settle();
    }
    for (const joint of this.ordered) joint.reset();
  }

  /** Advances by dt seconds of frame time (whole fixed steps; the remainder waits for the next frame). */
  update(dt: number): void {
    if (!(dt > 0) || this.ordered.length === 0) return;
    this.accumulator += dt;
    let steps = Math.floor(this.accumulator / SPRING_STEP_SECONDS + 1e-6);
    this.accumulator = Math.max(0, this.accumulator - steps * SPRING_STEP_SECONDS);
    if (steps > MAX_STEPS) steps = MAX_STEPS;
    for (const m of this.motions) m.capture();
    if (steps === 0) return;
    const rootWorld: Matrix = this.root.computeWorldMatrix(true);
    for (const joint of this.ordered) joint.updateGravity(rootWorld);
    for (let i = 1; i <= steps; i++) {
      for (const m of this.motions) m.at(i / steps);
      for (const joint of this.ordered) joint.step(SPRING_STEP_SECONDS);
    }
  }

  dispose(): void {
    this.accumulator = 0;
  }
}
