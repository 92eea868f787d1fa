import { add, length, normalize, scale, smoothstep, sub, type Vec3 } from './math';
import type { MeshData } from './meshData';
import { HEAD, rigid } from './rig';
import { radialSurface } from './shapes';

/**
 * Radius of the head surface in a unit direction (head-local, +Y up, face towards −Z): an
 * ellipsoid with a tapered chin, a slightly flat face and a rounder back.
 */
export function headRadius(d: Vec3): number {
  const [a, b, c] = HEAD.radii;
  const lower = Math.pow(smoothstep(0, 1, -d[1]), 1.35);
  const front = smoothstep(0.1, -0.7, d[2]);
  const ax = a * (1 - 0.27 * lower * (0.55 + 0.45 * front));
  const by = b * (1 - 0.07 * lower * front);
  const cz = c * (0.965 + 0.085 * smoothstep(-0.6, 0.6, d[2])) * (1 - 0.1 * lower * front);
  return 1 / Math.sqrt((d[0] / ax) ** 2 + (d[1] / by) ** 2 + (d[2] / cz) ** 2);
}

/** Signed distance-like value: > 0 outside the head surface, < 0 inside (head-local point). */
function headField(p: Vec3): number {
  const l = length(p);
  return l < 1e-9 ? -1 : l - headRadius(scale(p, 1 / l));
}

/** Outward unit normal of the head surface near a head-local point. */
export function headNormal(p: Vec3): Vec3 {
  const e = 1e-4;
  return normalize([
    headField(add(p, [e, 0, 0])) - headField(sub(p, [e, 0, 0])),
    headField(add(p, [0, e, 0])) - headField(sub(p, [0, e, 0])),
    headField(add(p, [0, 0, e])) - headField(sub(p, [0, 0, e])),
  ]);
}

/**
 * Projects face coordinates (x right of the character, y up, metres from the head centre) onto
 * the front of the head, lifted `lift` metres along the normal; returns a model-space point.
 */
export function projectFace(x: number, y: number, lift: number): Vec3 {
  let outside = -0.3;
  let inside = 0;
  for (let i = 0; i < 48; i++) {
    const mid = (outside + inside) / 2;
    if (headField([x, y, mid]) > 0) outside = mid;
    else inside = mid;
  }
  const surface: Vec3 = [x, y, (outside + inside) / 2];
  return add(HEAD.center, add(surface, scale(headNormal(surface), lift)));
}

/** A point on (or lifted off) the head surface in a head-local unit direction, in model space. */
export function headPoint(dir: Vec3, lift = 0): Vec3 {
  const d = normalize(dir);
  return add(HEAD.center, scale(d, headRadius(d) + lift));
}

/** The skin-coloured head, rigidly skinned to the head bone. */
export function buildHead(): MeshData {
  return radialSurface(HEAD.center, headRadius, 30, 48).skin(rigid('Head'));
}
