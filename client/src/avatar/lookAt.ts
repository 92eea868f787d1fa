import type { Camera } from '@babylonjs/core/Cameras/camera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Avatar, RangeMap } from '../scene';
import type { FaceMixer } from './faceMixer';
import type { HumanoidRig } from './humanoidRig';
import { clamp, damp, lookRotation } from './pose';

/**
 * Where the character looks: at this viewer's camera, at a world point, in a direction relative
 * to its own front (yaw + = its right, pitch + = up, degrees), or straight ahead.
 */
export type LookTarget =
  | { kind: 'camera' }
  | { kind: 'point'; position: Vector3 }
  | { kind: 'direction'; yaw: number; pitch: number }
  | { kind: 'forward' };

/** Options of the look-at. */
export interface LookAtOptions {
  /** The viewer's camera, for `{ kind: 'camera' }`. */
  camera?: Camera;
}

/** A stable "somewhere else" direction for a listener id (±20–40° to the side), for talking to others. */
export function directionFor(id: string): { yaw: number; pitch: number } {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  const u = (h >>> 0) / 4294967296;
  const side = u < 0.5 ? -1 : 1;
  return { yaw: side * (20 + 40 * Math.abs(u - 0.5)), pitch: -2 + (4 * ((h >>> 8) % 100)) / 100 };
}

const map = (r: RangeMap, deg: number): number =>
  (Math.min(Math.abs(deg), r.inputMax) / Math.max(1e-6, r.inputMax)) * r.output;

/**
 * Turns neck, head and eyes toward a target with natural lag (head slower than eyes). Eyes move
 * by bones or by expressions (LookLeft/Right/Up/Down) as the model's VRM settings say.
 */
export class LookAt {
  private target: LookTarget = { kind: 'camera' };
  private yaw = 0;
  private pitch = 0;
  private eyeYaw = 0;
  private eyePitch = 0;
  private camera: Camera | undefined;

  constructor(
    private readonly avatar: Avatar,
    private readonly rig: HumanoidRig,
    private readonly face: FaceMixer,
    options: LookAtOptions = {},
  ) {
    this.camera = options.camera;
  }

  /** Sets what to look at (null: straight ahead). */
  setTarget(target: LookTarget | null): void {
    this.target = target ?? { kind: 'forward' };
  }

  /** The current target. */
  get current(): LookTarget {
    return this.target;
  }

  /** Current gaze (degrees): where the head points and where the eyes point relative to it. */
  get gaze(): { yaw: number; pitch: number; eyeYaw: number; eyePitch: number } {
    return { yaw: this.yaw, pitch: this.pitch, eyeYaw: this.eyeYaw, eyePitch: this.eyePitch };
  }

  /** Advances smoothing; `extra` is a gaze offset for the eyes (saccades, gestures). */
  update(dt: number, extra: { yaw: number; pitch: number } = { yaw: 0, pitch: 0 }): void {
    const wanted = this.wanted();
    this.yaw = damp(this.yaw, wanted.yaw, 0.28, dt);
    this.pitch = damp(this.pitch, wanted.pitch, 0.28, dt);
    const headYaw = clamp(this.yaw * 0.75, -32, 32);
    const headPitch = clamp(this.pitch * 0.7, -18, 16);
    this.rig.rotate('neck', lookRotation(headYaw * 0.4, headPitch * 0.4));
    this.rig.rotate('head', lookRotation(headYaw * 0.6, headPitch * 0.6));
    this.eyeYaw = damp(this.eyeYaw, wanted.yaw - headYaw + extra.yaw, 0.05, dt);
    this.eyePitch = damp(this.eyePitch, wanted.pitch - headPitch + extra.pitch, 0.05, dt);
    this.applyEyes(this.eyeYaw, this.eyePitch);
  }

  dispose(): void {
    this.camera = undefined;
  }

  private wanted(): { yaw: number; pitch: number } {
    const t = this.target;
    if (t.kind === 'forward') return { yaw: 0, pitch: 0 };
    if (t.kind === 'direction') return { yaw: clamp(t.yaw, -60, 60), pitch: clamp(t.pitch, -30, 30) };
    const world = t.kind === 'camera' ? this.camera?.globalPosition : t.position;
    if (!world) return { yaw: 0, pitch: 0 };
    const head = this.avatar.bones.get('head');
    if (!head) return { yaw: 0, pitch: 0 };
    const eye = this.rig.toVrmSpace(head.getAbsolutePosition()).add(new Vector3(0, 0.07, 0));
    const d = this.rig.toVrmSpace(world).subtract(eye);
    if (d.z > 0.05) return { yaw: 0, pitch: 0 }; // behind the character: do not twist round
    const yaw = (Math.atan2(d.x, -d.z) * 180) / Math.PI;
    const pitch = (Math.atan2(d.y, Math.hypot(d.x, d.z)) * 180) / Math.PI;
    return { yaw: clamp(yaw, -60, 60), pitch: clamp(pitch, -30, 30) };
  }

  private applyEyes(yaw: number, pitch: number): void {
    const look = this.avatar.description.lookAt;
    if (look.type === 'expression') {
      this.face.set('lookright', yaw > 0 ? map(look.horizontalOuter, yaw) : 0);
      this.face.set('lookleft', yaw < 0 ? map(look.horizontalOuter, yaw) : 0);
      this.face.set('lookup', pitch > 0 ? map(look.verticalUp, pitch) : 0);
      this.face.set('lookdown', pitch < 0 ? map(look.verticalDown, pitch) : 0);
      return;
    }
    const y = (deg: number, outer: boolean): number =>
      Math.sign(deg) * map(outer ? look.horizontalOuter : look.horizontalInner, deg);
    const p = pitch > 0 ? map(look.verticalUp, pitch) : -map(look.verticalDown, pitch);
    // Looking to the character's right (+yaw) is outward for the right eye, inward for the left.
    this.rig.rotate('rightEye', lookRotation(y(yaw, yaw > 0), p));
    this.rig.rotate('leftEye', lookRotation(y(yaw, yaw < 0), p));
  }
}
