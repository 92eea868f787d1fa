import type { Camera } from '@babylonjs/core/Cameras/camera';
import { utteranceId, type Expression, type Gesture, type Utterance } from '@shared';
import type { Avatar } from '../scene';
import { ExpressionController } from './expressionController';
import { FaceMixer } from './faceMixer';
import { Gestures } from './gestures';
import { HumanoidRig } from './humanoidRig';
import { IdleMotion, type IdleMotionOptions } from './idleMotion';
import { LipSyncPlayer, type AudioLevelSource } from './lipSyncPlayer';
import { LookAt } from './lookAt';
import type { RandomSource } from './random';

/** Options of the avatar runtime. */
export interface AvatarRuntimeOptions {
  /** The server clock in ms (the room's clock sync provides it); defaults to Date.now. */
  now?: () => number;
  /** This viewer's camera, for looking at the viewer. */
  camera?: Camera;
  random?: RandomSource;
  idle?: Omit<IdleMotionOptions, 'random'>;
  /** Return to neutral this long after the last utterance ends (ms, default 2500; 0 keeps the face). */
  neutralAfterMs?: number;
}

interface Cue {
  id: string;
  at: number;
  end: number;
  expression: Expression;
  gesture?: Gesture;
  fired: boolean;
}

/**
 * Everything that animates one avatar, updated together once per frame: idle motion,
 * gestures, look-at, expression, lip-sync, then the pose and face are written and spring
 * bones advance. Feed it utterances with `play`; `interrupt` stops speech at once.
 */
export class AvatarRuntime {
  readonly rig: HumanoidRig;
  readonly face: FaceMixer;
  readonly expression: ExpressionController;
  readonly lipSync: LipSyncPlayer;
  readonly idle: IdleMotion;
  readonly lookAt: LookAt;
  readonly gestures: Gestures;
  private readonly now: () => number;
  private readonly neutralAfterMs: number;
  private cues: Cue[] = [];
  private lastEnd = -Infinity;
  private disposed = false;

  constructor(
    readonly avatar: Avatar,
    options: AvatarRuntimeOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.neutralAfterMs = options.neutralAfterMs ?? 2500;
    this.rig = new HumanoidRig(avatar);
    this.face = new FaceMixer(avatar);
    this.expression = new ExpressionController(this.face);
    this.lipSync = new LipSyncPlayer(this.face, this.now);
    this.idle = new IdleMotion(this.rig, this.face, { ...options.idle, random: options.random });
    this.lookAt = new LookAt(avatar, this.rig, this.face, { camera: options.camera });
    this.gestures = new Gestures(this.rig);
  }

  /**
   * Schedules an utterance: at `startAt` (server clock) the face takes its expression, its
   * gesture starts and the mouth follows its viseme track (or `audioLevel` when it has none).
   */
  play(u: Utterance, audioLevel?: AudioLevelSource): void {
    const id = utteranceId(u);
    this.lipSync.play(u, audioLevel);
    if (this.cues.some((c) => c.id === id)) return;
    this.cues.push({
      id,
      at: u.startAt,
      end: u.startAt + u.durationMs,
      expression: u.expression,
      gesture: u.gesture,
      fired: false,
    });
    this.lastEnd = Math.max(this.lastEnd, u.startAt + u.durationMs);
  }

  /** Interrupt: closes the mouth now, drops queued lines (all, or one turn's) and ends the gesture. */
  interrupt(turnId?: string): void {
    this.lipSync.stop(turnId);
    this.cues = turnId === undefined ? [] : this.cues.filter((c) => !c.id.startsWith(`${turnId}:`));
    this.gestures.stop();
    this.lastEnd = Math.min(this.lastEnd, this.now());
  }

  /** Sets the expression directly (e.g. from room state when nobody speaks). */
  setExpression(expression: Expression, intensity = 1): void {
    this.expression.set(expression, intensity);
  }

  /** Plays a gesture now. */
  gesture(name: Gesture): void {
    this.gestures.play(name);
  }

  /** True while speaking, gesturing or blending: the stage should render at full rate. */
  get isActive(): boolean {
    return this.lipSync.isSpeaking || this.gestures.active !== null || this.expression.isBlending;
  }

  /** Advances everything by dt seconds and writes pose, face and spring bones. Call once per frame. */
  update(dt: number): void {
    if (this.disposed) return;
    this.runCues();
    this.rig.reset();
    this.idle.update(dt);
    this.gestures.update(dt);
    const g = this.gestures.gaze;
    this.lookAt.update(dt, { yaw: this.idle.saccade.yaw + g.yaw, pitch: this.idle.saccade.pitch + g.pitch });
    this.expression.update(dt);
    this.lipSync.update(dt);
    this.rig.apply();
    this.face.apply();
    this.avatar.updateSpringBones(dt);
  }

  /**
   * Stops driving the avatar: the face returns to neutral with the mouth closed, the body keeps
   * its last pose (a character being replaced must not snap to a T-pose while the next one loads).
   * The avatar itself is not disposed; `restorePose()` puts it back to its rest pose.
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.lipSync.dispose();
    this.gestures.dispose();
    this.lookAt.dispose();
    this.expression.dispose();
    if (!this.avatar.isDisposed) this.face.clear();
  }

  /** Puts the avatar back in its rest pose (T-pose) with a neutral face. */
  restorePose(): void {
    if (this.avatar.isDisposed) return;
    this.face.clear();
    this.rig.restore();
  }

  private runCues(): void {
    const now = this.now();
    for (const cue of this.cues) {
      if (cue.fired || now < cue.at) continue;
      cue.fired = true;
      if (now >= cue.end) continue;
      this.expression.set(cue.expression);
      if (cue.gesture) this.gestures.play(cue.gesture, (now - cue.at) / 1000);
    }
    this.cues = this.cues.filter((c) => !c.fired || now < c.end);
    if (
      this.neutralAfterMs > 0 &&
      this.cues.length === 0 &&
      now > this.lastEnd + this.neutralAfterMs &&
      Number.isFinite(this.lastEnd)
    ) {
      this.expression.set('neutral');
      this.lastEnd = -Infinity;
    }
  }
}
