import { add, cross, dot, lerp, scale, shade, smoothstep, sub, type Vec3 } from './math';
import { MeshData } from './meshData';
import { headRadius } from './head';
import { HEAD, rigid } from './rig';

const DEG = Math.PI / 180;

/** How far down the cap reaches (polar angle from the crown, radians) by azimuth; φ = 0 is the face. */
export interface CapShape {
  /** Polar angle of the hairline at the sides and at the back (degrees). */
  side: number;
  back: number;
  /** Bang tips: base polar angle, tip length and strand width (degrees). */
  bangBase: number;
  bangTip: number;
  bangWidth: number;
}

/** Head-local unit direction for polar angle θ (from +Y) and azimuth φ (0 = front, −Z; +90° = +X). */
export const capDir = (theta: number, phi: number): Vec3 => [
  Math.sin(theta) * Math.sin(phi),
  Math.cos(theta),
  -Math.sin(theta) * Math.cos(phi),
];

function hairline(shape: CapShape, phi: number): number {
  const a = Math.abs(phi) / DEG;
  const u = (a - shape.bangWidth / 2) / shape.bangWidth + 0.5;
  const f = u - Math.floor(u);
  // Strands lean one way: a slow rise to the tip at 60 % of the strand, then a quick fall.
  const g = f < 0.6 ? f / 0.6 : (1 - f) / 0.4;
  const tip = Math.pow(g, 1.6);
  const strand = Math.floor(u) + (phi < 0 ? 7 : 0);
  const length = [1, 0.72, 0.92, 0.8, 1.05, 0.7, 0.88][((strand % 7) + 7) % 7];
  const front = shape.bangBase + shape.bangTip * tip * length;
  const t1 = smoothstep(38, 75, a);
  const t2 = smoothstep(95, 145, a);
  return lerp(lerp(front, shape.side, t1), shape.back, t2) * DEG;
}

/** Offset of the outer hair surface above the skin. */
function outerOffset(theta: number, phi: number, u: number): number {
  const frontness = 1 - smoothstep(40 * DEG, 80 * DEG, Math.abs(phi));
  return (
    0.011 +
    0.01 * Math.max(0, Math.cos(theta)) +
    0.006 * smoothstep(90 * DEG, 150 * DEG, Math.abs(phi)) * Math.sin(theta) +
    0.007 * smoothstep(0.55, 1, u) * frontness
  );
}

/** A point of the cap: radial above the equator, falling straight down below it (anime hair does). */
export function capPoint(theta: number, phi: number, offset: number): Vec3 {
  if (theta <= Math.PI / 2) {
    const d = capDir(theta, phi);
    return add(HEAD.center, scale(d, headRadius(d) + offset));
  }
  const eq = capDir(Math.PI / 2, phi);
  const r = headRadius(eq) + offset;
  return add(HEAD.center, [eq[0] * r, Math.cos(theta) * r * 1.15, eq[2] * r]);
}

/** Outer surface point at normalized height u ∈ [0, 1] (0 crown, 1 hairline) and azimuth φ. */
export function capOuterPoint(shape: CapShape, u: number, phi: number): Vec3 {
  const theta = u * hairline(shape, phi);
  return capPoint(theta, phi, outerOffset(theta, phi, u));
}

interface Grid {
  cols: number;
  rows: number;
}

function layer(shape: CapShape, g: Grid, inner: boolean, color: (u: number, phi: number) => Vec3): MeshData {
  const mesh = new MeshData();
  const pole = mesh.addVertex(capPoint(0, 0, inner ? 0.003 : outerOffset(0, 0, 0)), [0, 1, 0], color(0, 0));
  for (let r = 1; r <= g.rows; r++) {
    const u = r / g.rows;
    for (let c = 0; c < g.cols; c++) {
      const phi = -Math.PI + (2 * Math.PI * c) / g.cols;
      const theta = u * hairline(shape, phi);
      const outer = outerOffset(theta, phi, u);
      const off = inner ? lerp(0.003, outer - 0.004, smoothstep(0.6, 0.97, u)) : outer;
      mesh.addVertex(capPoint(theta, phi, off), [0, 1, 0], color(u, phi));
    }
  }
  const at = (r: number, c: number): number => 1 + (r - 1) * g.cols + (c % g.cols);
  for (let c = 0; c < g.cols; c++) {
    mesh.addTriangle(pole, at(1, c + 1), at(1, c));
    for (let r = 1; r < g.rows; r++) {
      mesh.addTriangle(at(r, c), at(r, c + 1), at(r + 1, c));
      mesh.addTriangle(at(r, c + 1), at(r + 1, c + 1), at(r + 1, c));
    }
  }
  mesh.computeNormals();
  // Outer normals must point away from the head, inner ones towards it.
  const probe = at(Math.ceil(g.rows / 2), 0);
  const outward = dot(mesh.normals[probe], sub(mesh.positions[probe], HEAD.center)) > 0;
  if (outward === inner) mesh.flip();
  return mesh;
}

/** The hair cap: an outer and an inner shell joined along the hairline, with a highlight band. */
export function buildCap(shape: CapShape, hair: Vec3, cols = 96, rows = 18): MeshData {
  const g = { cols, rows };
  const outerColor = (u: number, phi: number): Vec3 => {
    const band = 36 * DEG + 2.5 * DEG * Math.sin(phi * 14);
    const theta = u * hairline(shape, phi);
    const ring =
      Math.exp(-(((theta - band) / (4 * DEG)) ** 2)) * (1 - smoothstep(100 * DEG, 145 * DEG, Math.abs(phi)));
    return shade(hair, 1.08 - 0.2 * smoothstep(0.3, 1, u) + 0.38 * ring);
  };
  const outer = layer(shape, g, false, outerColor);
  const inner = layer(shape, g, true, () => shade(hair, 0.55));
  const mesh = new MeshData().append(outer).append(inner);
  const innerStart = outer.vertexCount;
  const rim = (c: number): number => 1 + (rows - 1) * cols + (c % cols);
  for (let c = 0; c < cols; c++) {
    const a = rim(c),
      b = rim(c + 1),
      ia = innerStart + rim(c),
      ib = innerStart + rim(c + 1);
    // Orient the rim strip to face away from the crown (continuing the outer surface).
    const away = sub(outer.positions[a], capOuterPoint(shape, 0.9, -Math.PI + (2 * Math.PI * c) / cols));
    const n = cross(sub(mesh.positions[b], mesh.positions[a]), sub(mesh.positions[ia], mesh.positions[a]));
    if (dot(n, away) > 0) {
      mesh.addTriangle(a, b, ia);
      mesh.addTriangle(b, ib, ia);
    } else {
      mesh.addTriangle(a, ia, b);
      mesh.addTriangle(b, ia, ib);
    }
  }
  return mesh.skin(rigid('Head'));
}
