import type { Vec2, Vec3 } from './math';

/**
 * One flat layer of the face (an eye white, an iris, the mouth…): fixed topology in face
 * coordinates whose point positions depend on the face state, so each morph target is simply
 * `points(targetState) − points(neutralState)` after projection onto the head.
 */
export interface DecalLayer<S> {
  name: string;
  /** Height above the skin in metres; higher layers draw over lower ones. */
  lift: number;
  triangles: number[];
  colors: Vec3[];
  points: (state: S) => Vec2[];
}

/** Triangles of a (cols+1) × (rows+1) vertex grid indexed `col * (rows + 1) + row`. */
export function gridTriangles(cols: number, rows: number): number[] {
  const out: number[] = [];
  const at = (c: number, r: number): number => c * (rows + 1) + r;
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      out.push(at(c, r), at(c + 1, r), at(c, r + 1), at(c + 1, r), at(c + 1, r + 1), at(c, r + 1));
    }
  }
  return out;
}

/** Triangles of a centre vertex (index 0) plus `rings` concentric rings of `segments` vertices each. */
export function fanTriangles(segments: number, rings: number): number[] {
  const out: number[] = [];
  const at = (ring: number, k: number): number => 1 + ring * segments + (k % segments);
  for (let k = 0; k < segments; k++) {
    out.push(0, at(0, k), at(0, k + 1));
    for (let ring = 0; ring + 1 < rings; ring++) {
      out.push(
        at(ring, k),
        at(ring + 1, k),
        at(ring, k + 1),
        at(ring, k + 1),
        at(ring + 1, k),
        at(ring + 1, k + 1),
      );
    }
  }
  return out;
}

/**
 * Points of a centre + concentric rings layout: `ringPoint(k01, angle)` gives the point at
 * relative radius k01 ∈ (0, 1] and angle; the centre is `ringPoint(0, 0)`.
 */
export function fanPoints(
  segments: number,
  rings: number,
  ringPoint: (k: number, angle: number) => Vec2,
): Vec2[] {
  const pts: Vec2[] = [ringPoint(0, 0)];
  for (let ring = 1; ring <= rings; ring++) {
    for (let k = 0; k < segments; k++) pts.push(ringPoint(ring / rings, (k / segments) * Math.PI * 2));
  }
  return pts;
}

/** Colours of the same layout from a function of (relative radius, angle). */
export function fanColors(
  segments: number,
  rings: number,
  color: (k: number, angle: number) => Vec3,
): Vec3[] {
  const out: Vec3[] = [color(0, 0)];
  for (let ring = 1; ring <= rings; ring++) {
    for (let k = 0; k < segments; k++) out.push(color(ring / rings, (k / segments) * Math.PI * 2));
  }
  return out;
}
