import { Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';

/** Degrees → radians. */
export const DEG = Math.PI / 180;

const X = new Vector3(1, 0, 0);
const Y = new Vector3(0, 1, 0);
const Z = new Vector3(0, 0, 1);

/**
 * A rotation in VRM space (the glTF space of a VRM 0.x model: +Y up, facing −Z, the character's
 * left at −X), from angles in degrees applied Z first, then X, then Y. With these axes:
 * +X pitch looks up / leans back, −Y yaw turns to the character's right, +Z lowers the left arm.
 */
export function euler(xDeg: number, yDeg: number, zDeg: number): Quaternion {
  const qx = Quaternion.RotationAxis(X, xDeg * DEG);
  const qy = Quaternion.RotationAxis(Y, yDeg * DEG);
  const qz = Quaternion.RotationAxis(Z, zDeg * DEG);
  return qy.multiply(qx).multiply(qz);
}

/** Yaw (degrees, + = towards the character's right, +X) then pitch (+ = up) as a VRM-space rotation. */
export function lookRotation(yawDeg: number, pitchDeg: number): Quaternion {
  return euler(pitchDeg, -yawDeg, 0);
}

/** Frame-rate independent exponential approach of `current` to `target` with time constant `tau` seconds. */
export function damp(current: number, target: number, tau: number, dt: number): number {
  if (tau <= 0) return target;
  return target + (current - target) * Math.exp(-dt / tau);
}

/** Smooth 0→1 ease (cubic in-out). */
export function easeInOut(t: number): number {
  const x = Math.min(1, Math.max(0, t));
  return x < 0.5 ? 4 * x * x * x : 1 - Math.pow(-2 * x + 2, 3) / 2;
}

/** Hermite smoothstep of x between e0 and e1. */
export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
}

/** Clamp to [lo, hi]. */
export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Rotation about VRM-space X by degrees. */
export const rx = (d: number): Quaternion => Quaternion.RotationAxis(X, d * DEG);
/** Rotation about VRM-space Y by degrees. */
export const ry = (d: number): Quaternion => Quaternion.RotationAxis(Y, d * DEG);
/** Rotation about VRM-space Z by degrees. */
export const rz = (d: number): Quaternion => Quaternion.RotationAxis(Z, d * DEG);

/** Composes rotations so that the last one is applied first: compose(a, b) = a·b. */
export function compose(...qs: Quaternion[]): Quaternion {
  return qs.reduce((acc, q) => acc.multiply(q), Quaternion.Identity());
}

/** The rotation q scaled by weight w (slerp from identity). */
export function partial(q: Quaternion, w: number): Quaternion {
  return Quaternion.Slerp(Quaternion.Identity(), q, Math.min(1, Math.max(0, w)));
}
