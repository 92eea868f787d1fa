import { add, cross, dot, normalize, perpendicular, scale, sub, type Vec3 } from './math';
import { MeshData } from './meshData';

/** One cross-section of a loft: an ellipse around `center` spanned by the unit axes u and v. */
export interface Ring {
  center: Vec3;
  /** Unit axis of the first radius; (u × v) points along the loft. */
  u: Vec3;
  v: Vec3;
  ru: number;
  rv: number;
  /** Optional radial multiplier by angle (0 at +u, π/2 at +v), e.g. for pleats or a flat back. */
  modulate?: (angle: number) => number;
}

/** Options of `loft`. */
export interface LoftOptions {
  segments: number;
  /** Close the first / last ring with a fan around its centre. */
  capStart?: boolean;
  capEnd?: boolean;
}

/** A tube through a sequence of rings (no seam: the ring wraps by index), outward-facing. */
export function loft(rings: Ring[], options: LoftOptions): MeshData {
  const { segments } = options;
  const mesh = new MeshData();
  const ringStart: number[] = [];
  for (const ring of rings) {
    ringStart.push(mesh.vertexCount);
    for (let k = 0; k < segments; k++) {
      const a = (k / segments) * Math.PI * 2;
      const m = ring.modulate ? ring.modulate(a) : 1;
      const offset = add(scale(ring.u, Math.cos(a) * ring.ru * m), scale(ring.v, Math.sin(a) * ring.rv * m));
      mesh.addVertex(add(ring.center, offset));
    }
  }
  for (let i = 0; i + 1 < rings.length; i++) {
    for (let k = 0; k < segments; k++) {
      const k1 = (k + 1) % segments;
      const a = ringStart[i] + k,
        b = ringStart[i] + k1,
        c = ringStart[i + 1] + k,
        d = ringStart[i + 1] + k1;
      mesh.addTriangle(a, b, c);
      mesh.addTriangle(b, d, c);
    }
  }
  if (options.capStart) capRing(mesh, ringStart[0], segments, rings[0].center, true);
  if (options.capEnd)
    capRing(mesh, ringStart[rings.length - 1], segments, rings[rings.length - 1].center, false);
  return mesh.computeNormals();
}

function capRing(mesh: MeshData, start: number, segments: number, center: Vec3, isStart: boolean): void {
  const c = mesh.addVertex(center);
  for (let k = 0; k < segments; k++) {
    const k1 = (k + 1) % segments;
    if (isStart) mesh.addTriangle(c, start + k1, start + k);
    else mesh.addTriangle(c, start + k, start + k1);
  }
}

/** A right-handed frame (u, v) around the unit axis w, so that u × v = w. */
export function frameAround(w: Vec3, hint?: Vec3): { u: Vec3; v: Vec3 } {
  const u = hint ? normalize(sub(hint, scale(w, dot(hint, w)))) : perpendicular(w);
  return { u, v: cross(w, u) };
}

/** Orientation of a radial surface: its own Y axis is `up`, its X axis `right` (both unit). */
export interface RadialFrame {
  up: Vec3;
  right: Vec3;
}

/**
 * A closed star-shaped surface: centre + r(dir)·dir for directions on a latitude/longitude grid
 * of the frame (poles on its Y axis). `radius` receives the direction in the frame's local axes.
 */
export function radialSurface(
  center: Vec3,
  radius: (localDir: Vec3) => number,
  latSteps: number,
  lonSteps: number,
  frame: RadialFrame = { up: [0, 1, 0], right: [1, 0, 0] },
): MeshData {
  const mesh = new MeshData();
  const fwd = cross(frame.right, frame.up);
  const toWorld = (d: Vec3): Vec3 =>
    add(add(scale(frame.right, d[0]), scale(frame.up, d[1])), scale(fwd, d[2]));
  const point = (d: Vec3): Vec3 => add(center, scale(toWorld(d), radius(d)));
  const top = mesh.addVertex(point([0, 1, 0]));
  for (let j = 1; j < latSteps; j++) {
    const theta = (j / latSteps) * Math.PI;
    for (let k = 0; k < lonSteps; k++) {
      const phi = (k / lonSteps) * Math.PI * 2;
      mesh.addVertex(
        point([Math.sin(theta) * Math.cos(phi), Math.cos(theta), Math.sin(theta) * Math.sin(phi)]),
      );
    }
  }
  const bottom = mesh.addVertex(point([0, -1, 0]));
  const row = (j: number, k: number): number => 1 + (j - 1) * lonSteps + (k % lonSteps);
  for (let k = 0; k < lonSteps; k++) {
    mesh.addTriangle(top, row(1, k + 1), row(1, k));
    mesh.addTriangle(bottom, row(latSteps - 1, k), row(latSteps - 1, k + 1));
    for (let j = 1; j + 1 < latSteps; j++) {
      mesh.addTriangle(row(j, k), row(j, k + 1), row(j + 1, k));
      mesh.addTriangle(row(j, k + 1), row(j + 1, k + 1), row(j + 1, k));
    }
  }
  return orientOutward(mesh.computeNormals(), center);
}

/** An ellipsoid with semi-axes (rx, ry, rz) in the given frame. */
export function ellipsoid(center: Vec3, radii: Vec3, lat = 12, lon = 16, frame?: RadialFrame): MeshData {
  const [a, b, c] = radii;
  return radialSurface(
    center,
    (d) => 1 / Math.sqrt((d[0] / a) ** 2 + (d[1] / b) ** 2 + (d[2] / c) ** 2),
    lat,
    lon,
    frame,
  );
}

/** Flips the mesh if most of its faces point towards `center` (for closed, roughly convex shapes). */
export function orientOutward(mesh: MeshData, center: Vec3): MeshData {
  let score = 0;
  for (let t = 0; t < mesh.indices.length; t += 3) {
    const [a, b, c] = [0, 1, 2].map((o) => mesh.positions[mesh.indices[t + o]]);
    const n = cross(sub(b, a), sub(c, a));
    const centroid = scale(add(add(a, b), c), 1 / 3);
    score += dot(n, sub(centroid, center));
  }
  return score < 0 ? mesh.flip() : mesh;
}

/** A tapered tube along a polyline with radii per point, rounded shut at both ends. */
export function tube(points: Vec3[], radii: number[], segments: number, flatten = 1, hint?: Vec3): MeshData {
  const rings: Ring[] = points.map((center, i) => {
    const prev = points[Math.max(0, i - 1)];
    const next = points[Math.min(points.length - 1, i + 1)];
    const w = normalize(sub(next, prev));
    const { u, v } = frameAround(w, hint);
    return { center, u, v, ru: radii[i], rv: radii[i] * flatten };
  });
  return loft(rings, { segments, capStart: radii[0] > 1e-5, capEnd: radii[radii.length - 1] > 1e-5 });
}
