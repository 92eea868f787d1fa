import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { FaceMixer } from './faceMixer';
import type { HumanoidRig } from './humanoidRig';
import { Blinker, type BlinkerOptions } from './blinker';
import { euler } from './pose';
import { between, type RandomSource } from './random';

/** Options of the idle motion. */
export interface IdleMotionOptions {
  random?: RandomSource;
  blink?: BlinkerOptions;
  /** Arms' angle below horizontal at rest, degrees (default 72). */
  armDrop?: number;
}

/** Eye saccade: a small gaze offset (degrees) that jumps every now and then. */
export interface Saccade {
  yaw: number;
  pitch: number;
}

/**
 * Life while standing: a relaxed arms-down pose, breathing, a slow weight shift, natural
 * blinking and small eye saccades. Writes the pose into the rig and "blink" into the face;
 * exposes `saccade` for the look-at to add to the eyes.
 */
export class IdleMotion {
  /** Current saccade offset for the eyes (degrees). */
  readonly saccade: Saccade = { yaw: 0, pitch: 0 };
  readonly blinker: Blinker;
  private time = 0;
  private saccadeIn: number;
  private readonly random: RandomSource;
  private readonly armDrop: number;
  private readonly phase: number;

  constructor(
    private readonly rig: HumanoidRig,
    private readonly face: FaceMixer,
    options: IdleMotionOptions = {},
  ) {
    this.random = options.random ?? Math.random;
    this.blinker = new Blinker(this.random, options.blink);
    this.armDrop = options.armDrop ?? 72;
    this.saccadeIn = between(this.random, 0.4, 2);
    this.phase = this.random() * 10;
  }

  /** Advances by dt seconds and writes the idle pose and blink. */
  update(dt: number): void {
    this.time += dt;
    const t = this.time + this.phase;
    this.pose(t);
    this.blinker.update(dt);
    this.face.set('blink', this.blinker.value);
    this.updateSaccade(dt);
  }

  private pose(t: number): void {
    const breath = Math.sin((t * Math.PI * 2) / 4.2);
    const sway = Math.sin((t * Math.PI * 2) / 8.5);
    const drift = Math.sin((t * Math.PI * 2) / 11.3 + 1.3);
    const r = this.rig;
    r.rotate('leftUpperArm', euler(4 + breath * 0.6, 0, this.armDrop - breath * 0.8));
    r.rotate('rightUpperArm', euler(4 + breath * 0.6, 0, -this.armDrop + breath * 0.8));
    r.rotate('leftLowerArm', euler(0, -14, 0));
    r.rotate('rightLowerArm', euler(0, 14, 0));
    r.rotate('leftHand', euler(0, -6, 4));
    r.rotate('rightHand', euler(0, 6, -4));
    r.rotate('leftShoulder', euler(0, 0, -breath * 0.7));
    r.rotate('rightShoulder', euler(0, 0, breath * 0.7));
    r.rotate('hips', euler(0, drift * 2, sway * 1.6));
    r.offsetHips(new Vector3(sway * 0.008, -Math.abs(sway) * 0.002, 0));
    r.rotate('spine', euler(breath * 0.5, -drift * 1, -sway * 1.2));
    r.rotate(r.has('upperChest') ? 'upperChest' : 'chest', euler(-breath * 1.2, 0, -sway * 0.5));
    r.rotate('neck', euler(0, 0, sway * 0.6));
    r.rotate(
      'head',
      euler(Math.sin(t * 0.37) * 1.2, Math.sin(t * 0.23) * 2, sway * 0.8 + Math.sin(t * 0.31) * 0.8),
    );
    r.rotate('leftUpperLeg', euler(0, 0, -sway * 1.5));
    r.rotate('rightUpperLeg', euler(0, 0, -sway * 1.5));
  }

  private updateSaccade(dt: number): void {
    this.saccadeIn -= dt;
    if (this.saccadeIn > 0) return;
    this.saccadeIn = between(this.random, 0.5, 2.6);
    const big = this.random() < 0.2;
    this.saccade.yaw = between(this.random, -1, 1) * (big ? 6 : 2.5);
    this.saccade.pitch = between(this.random, -1, 1) * (big ? 3 : 1.5);
  }
}
