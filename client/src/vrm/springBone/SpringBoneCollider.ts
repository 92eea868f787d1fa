import { type Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { ColliderShapeDef } from '../definition';

const head = new Vector3();
const tail = new Vector3();
const axis = new Vector3();
const toPoint = new Vector3();

/** A sphere or capsule on a node (offsets in the node's space) that spring-bone tails cannot enter. */
export class SpringBoneCollider {
  private source: { readonly world: Matrix } | null = null;

  constructor(
    readonly node: TransformNode,
    readonly shape: ColliderShapeDef,
  ) {}

  /** Where the node's world matrix comes from during a step (the manager interpolates it between frames). */
  link(source: { readonly world: Matrix }): void {
    this.source = source;
  }

  /**
   * Pushes a tail sphere (world position `point`, radius `radius`) out of the collider: moves
   * `point` in place and returns true when it was inside.
   */
  pushOut(point: Vector3, radius: number): boolean {
    const world = this.source?.world ?? this.node.getWorldMatrix();
    Vector3.TransformCoordinatesFromFloatsToRef(...this.shape.offset, world, head);
    point.subtractToRef(head, toPoint);
    if (this.shape.type === 'capsule') {
      Vector3.TransformCoordinatesFromFloatsToRef(...this.shape.tail, world, tail);
      tail.subtractToRef(head, axis);
      const lengthSq = axis.lengthSquared();
      const along = Vector3.Dot(axis, toPoint);
      // Nearest point of the capsule's segment: its head, its tail, or in between.
      if (along >= lengthSq) point.subtractToRef(tail, toPoint);
      else if (along > 0) toPoint.subtractInPlace(axis.scaleInPlace(along / lengthSq));
    }
    const distance = toPoint.length();
    const depth = this.shape.radius + radius - distance;
    if (depth <= 0) return false;
    if (distance < 1e-9) toPoint.set(0, 1, 0);
    else toPoint.scaleInPlace(1 / distance);
    point.addInPlace(toPoint.scaleInPlace(depth));
    return true;
  }
}
