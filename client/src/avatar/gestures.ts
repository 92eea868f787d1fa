import type { Gesture } from '@shared';
import type { HumanoidRig } from './humanoidRig';
import { GESTURE_LIBRARY, type GestureDef } from './gestureLibrary';
import { partial, smoothstep } from './pose';

interface Running {
  name: Gesture;
  def: GestureDef;
  t: number;
  stopping: number | null;
}

/**
 * Plays procedural gestures (wave, nod, shake, bow, think) on top of the idle pose, fading in
 * and out. One gesture at a time: a new one replaces the current one.
 */
export class Gestures {
  /** Extra gaze (degrees) the current gesture asks of the eyes. */
  readonly gaze = { yaw: 0, pitch: 0 };
  private running: Running | null = null;

  constructor(private readonly rig: HumanoidRig) {}

  /** The gesture playing, if any. */
  get active(): Gesture | null {
    return this.running?.name ?? null;
  }

  /** Starts a gesture, optionally `offset` seconds in (a late joiner catching up). */
  play(name: Gesture, offset = 0): void {
    const def = GESTURE_LIBRARY[name];
    if (!def || offset >= def.duration) return;
    this.running = { name, def, t: Math.max(0, offset), stopping: null };
  }

  /** Fades the current gesture out quickly. */
  stop(): void {
    if (this.running && this.running.stopping === null) this.running.stopping = this.running.t;
  }

  /** Advances the gesture and writes it into the rig (after the idle pose). */
  update(dt: number): void {
    this.gaze.yaw = 0;
    this.gaze.pitch = 0;
    const r = this.running;
    if (!r) return;
    r.t += dt;
    const w = this.weight(r);
    if (w <= 0 && r.t > r.def.fadeIn) {
      this.running = null;
      return;
    }
    for (const [bone, q] of Object.entries(r.def.override?.(r.t) ?? {})) if (q) this.rig.blend(bone, q, w);
    for (const [bone, q] of Object.entries(r.def.additive?.(r.t) ?? {}))
      if (q) this.rig.rotate(bone, partial(q, w));
    const g = r.def.gaze?.(r.t);
    if (g) {
      this.gaze.yaw = g.yaw * w;
      this.gaze.pitch = g.pitch * w;
    }
  }

  dispose(): void {
    this.running = null;
  }

  private weight(r: Running): number {
    const { duration, fadeIn, fadeOut } = r.def;
    const fadeInW = fadeIn > 0 ? smoothstep(0, fadeIn, r.t) : 1;
    const end = r.stopping !== null ? Math.min(duration, r.stopping + 0.25) : duration;
    const out = r.stopping !== null ? 0.25 : fadeOut;
    const fadeOutW = 1 - smoothstep(end - out, end, r.t);
    return Math.min(fadeInW, fadeOutW);
  }
}
