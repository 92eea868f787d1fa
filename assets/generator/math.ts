/** Small vector helpers for the avatar generator (no engine dependency, deterministic). */

/** A 3-vector as a tuple. */
export type Vec3 = [number, number, number];
/** A 2-vector as a tuple. */
export type Vec2 = [number, number];

/** a + b */
export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
/** a − b */
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
/** a · s */
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
/** Dot product. */
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
/** Cross product. */
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
/** Euclidean length. */
export const length = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
/** Unit vector (zero stays zero). */
export const normalize = (a: Vec3): Vec3 => {
  const l = length(a);
  return l > 1e-12 ? scale(a, 1 / l) : [0, 0, 0];
};
/** Linear interpolation of vectors. */
export const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => add(a, scale(sub(b, a), t));
/** Linear interpolation of numbers. */
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;
/** Clamps x to [lo, hi]. */
export const clamp = (x: number, lo = 0, hi = 1): number => Math.min(hi, Math.max(lo, x));
/** Hermite smoothstep of x between e0 and e1. */
export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = clamp((x - e0) / (e1 - e0));
  return t * t * (3 - 2 * t);
};
/** Mirrors a point across the YZ plane (character left ↔ right). */
export const mirrorX = (a: Vec3): Vec3 => [-a[0], a[1], a[2]];

/** Rotates v around the unit axis by angle (radians), right-handed. */
export function rotateAxis(v: Vec3, axis: Vec3, angle: number): Vec3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const d = dot(axis, v);
  const cr = cross(axis, v);
  return [
    v[0] * c + cr[0] * s + axis[0] * d * (1 - c),
    v[1] * c + cr[1] * s + axis[1] * d * (1 - c),
    v[2] * c + cr[2] * s + axis[2] * d * (1 - c),
  ];
}

/** Any unit vector perpendicular to the unit vector n. */
export function perpendicular(n: Vec3): Vec3 {
  const helper: Vec3 = Math.abs(n[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  return normalize(cross(helper, n));
}

/** sRGB hex colour to linear RGB (glTF factors and vertex colours are linear). */
export function hexToLinear(hex: string): Vec3 {
  const n = parseInt(hex.replace('#', ''), 16);
  const channel = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return [channel((n >> 16) & 255), channel((n >> 8) & 255), channel(n & 255)];
}

/** Multiplies a linear colour, keeping it within [0, 1]. */
export const shade = (c: Vec3, k: number): Vec3 => [clamp(c[0] * k), clamp(c[1] * k), clamp(c[2] * k)];
/** Mixes two linear colours. */
export const mix = (a: Vec3, b: Vec3, t: number): Vec3 => lerp3(a, b, t);
