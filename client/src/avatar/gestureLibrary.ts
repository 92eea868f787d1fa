import type { Gesture } from '@shared';
import type { Quaternion } from '@babylonjs/core/Maths/math.vector';
import { compose, euler, rx, ry, rz, smoothstep } from './pose';

/** A procedural gesture: what it does to the pose `t` seconds in, at blend weight `w`. */
export interface GestureDef {
  duration: number;
  fadeIn: number;
  fadeOut: number;
  /** Bones it takes over (blended towards these rotations) at time t. */
  override?: (t: number) => Partial<Record<string, Quaternion>>;
  /** Rotations it adds on top of the pose at time t. */
  additive?: (t: number) => Partial<Record<string, Quaternion>>;
  /** Extra gaze (degrees) for the eyes. */
  gaze?: (t: number) => { yaw: number; pitch: number };
}

const bump = (t: number, start: number, length: number): number =>
  t < start || t > start + length ? 0 : Math.sin((Math.PI * (t - start)) / length) ** 2;

/** Right-hand wave: arm out, forearm up, waving from the elbow. */
const wave: GestureDef = {
  duration: 2.4,
  fadeIn: 0.35,
  fadeOut: 0.4,
  override: (t) => ({
    rightUpperArm: euler(20, -12, -20),
    rightLowerArm: rz(106 + 16 * Math.sin(t * Math.PI * 2 * 1.9)),
    rightHand: compose(rz(10), rx(80)),
  }),
  additive: () => ({ head: euler(0, -4, -5) }),
};

/** Two small nods. */
const nod: GestureDef = {
  duration: 1.2,
  fadeIn: 0.05,
  fadeOut: 0.1,
  additive: (t) => {
    const a = -13 * (bump(t, 0.05, 0.5) + 0.8 * bump(t, 0.55, 0.5));
    return { neck: rx(a * 0.4), head: rx(a * 0.6) };
  },
};

/** Head shake ("no"). */
const shake: GestureDef = {
  duration: 1.3,
  fadeIn: 0.1,
  fadeOut: 0.2,
  additive: (t) => {
    const a = 13 * Math.sin(t * Math.PI * 2 * 1.7) * smoothstep(0, 0.15, t) * (1 - smoothstep(1.0, 1.3, t));
    return { neck: ry(a * 0.35), head: ry(a * 0.65) };
  },
};

/** A polite bow from the waist. */
const bow: GestureDef = {
  duration: 2.2,
  fadeIn: 0.1,
  fadeOut: 0.2,
  additive: (t) => {
    const k = smoothstep(0, 0.55, t) * (1 - smoothstep(1.3, 2.1, t));
    return { spine: rx(-14 * k), chest: rx(-10 * k), neck: rx(-10 * k), head: rx(-8 * k) };
  },
  gaze: (t) => ({ yaw: 0, pitch: -8 * smoothstep(0.2, 0.6, t) * (1 - smoothstep(1.2, 1.8, t)) }),
};

/** Hand to chin, head tilted, eyes up: thinking it over. */
const think: GestureDef = {
  duration: 3.0,
  fadeIn: 0.45,
  fadeOut: 0.45,
  override: () => ({
    rightUpperArm: euler(40, 28, -66),
    rightLowerArm: ry(128),
    rightHand: euler(0, 0, -25),
    leftUpperArm: euler(30, -18, 68),
    leftLowerArm: ry(-100),
  }),
  additive: () => ({ head: compose(rz(-9), rx(5)), neck: rz(-3) }),
  gaze: () => ({ yaw: -10, pitch: 9 }),
};

/** Every gesture the wire contract names. */
export const GESTURE_LIBRARY: Record<Gesture, GestureDef> = { wave, nod, shake, bow, think };
