// The avatar chunk: Babylon.js, the VRM loader and the avatar runtime load only with this module.
import { SceneLoader } from '@babylonjs/core/Loading/sceneLoader';
import { isExpression } from '@shared/performance';
import type { Utterance, Viseme } from '@shared';
import { AvatarRuntime, directionFor, type AudioLevelSource } from '../../avatar';
import { MARKS, markOnce, measurePhasesOnce } from '../../debug/marks';
import { createStage, loadAvatar, type AvatarProgress, type Stage } from '../../scene';

interface Pending {
  u: Utterance;
  level?: AudioLevelSource;
}

/** Options of the avatar stage. */
export interface AvatarStageOptions {
  /** The synced server clock (ms since the epoch). */
  serverNow: () => number;
  /** Frame rate while nothing moves much (default: the stage's own, 30). */
  idleFps?: number;
}

/**
 * The 3D stage with the room's character: loads (and switches) the VRM, runs the avatar runtime
 * every frame on the server clock, and takes the performance (utterances, interrupts, idle
 * expression, whom to look at). Utterances that arrive while the avatar is still loading are
 * kept and played at their offset once it is there.
 */
export class AvatarStage {
  readonly stage: Stage;
  private runtime: AvatarRuntime | null = null;
  private offFrame: (() => void) | null = null;
  private offActivity: (() => void) | null = null;
  private pending: Pending[] = [];
  private loadedUrl = '';
  private loading: AbortController | null = null;

  constructor(
    canvas: HTMLCanvasElement,
    private readonly options: AvatarStageOptions,
  ) {
    // The page draws its own progress bar; Babylon's full-screen loading screen would hide the HUD.
    SceneLoader.ShowLoadingScreen = false;
    this.stage = createStage(canvas, { idleFps: options.idleFps });
  }

  /** The avatar URL on stage (or loading). */
  get url(): string {
    return this.loadedUrl;
  }

  /** Loads `url` in place of the current character; resolves after its first rendered frame. */
  async load(url: string, onProgress?: AvatarProgress): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    this.loadedUrl = url;
    // The old runtime must not touch the old avatar once loadAvatar has replaced (and disposed) it.
    this.detach();
    const timings = {};
    const avatar = await loadAvatar(this.stage, url, onProgress, { signal: loading.signal, timings });
    markOnce(MARKS.avatarLoaded);
    measurePhasesOnce(timings);
    const runtime = new AvatarRuntime(avatar, { now: this.options.serverNow, camera: this.stage.camera });
    this.runtime = runtime;
    this.offFrame = this.stage.onFrame((dt) => runtime.update(dt));
    this.offActivity = this.stage.loop.addActivitySource(
      () => runtime.isActive || runtime.lipSync.hasPending,
    );
    const now = this.options.serverNow();
    for (const p of this.pending) if (p.u.startAt + p.u.durationMs > now) runtime.play(p.u, p.level);
    this.pending = [];
    this.stage.wake(2000);
    await new Promise<void>((resolve) => this.stage.scene.onAfterRenderObservable.addOnce(() => resolve()));
    markOnce(MARKS.avatarFirstFrame);
  }

  /** Schedules a sentence (mouth from its track, or from the voice level when it has none). */
  play(u: Utterance, level?: AudioLevelSource): void {
    if (this.runtime) {
      this.runtime.play(u, level);
      this.stage.wake(100);
    } else {
      this.pending.push({ u, level });
    }
  }

  /** Stops speaking now (all turns, or one). */
  interrupt(turnId?: string): void {
    this.pending = turnId ? this.pending.filter((p) => p.u.turnId !== turnId) : [];
    this.runtime?.interrupt(turnId);
  }

  /** The face when nobody speaks (from room state). */
  setIdleExpression(name: string): void {
    if (this.runtime && isExpression(name) && !this.runtime.lipSync.isSpeaking)
      this.runtime.setExpression(name);
  }

  /** Looks at this viewer when addressed, elsewhere when talking to someone else, at the room otherwise. */
  lookAt(addressee: string, mySessionId: string): void {
    if (!this.runtime) return;
    if (!addressee || addressee === mySessionId) this.runtime.lookAt.setTarget({ kind: 'camera' });
    else this.runtime.lookAt.setTarget({ kind: 'direction', ...directionFor(addressee) });
  }

  /** The mouth weights now (A, I, U, E, O). */
  mouth(): Record<Viseme, number> {
    const w = this.runtime?.lipSync.weights;
    return { A: w?.A ?? 0, I: w?.I ?? 0, U: w?.U ?? 0, E: w?.E ?? 0, O: w?.O ?? 0 };
  }

  /** The expression the face is showing or blending to. */
  expression(): string {
    return this.runtime?.expression.current ?? 'neutral';
  }

  /** Pauses rendering (true) or resumes it (false): the clock sync asks for a quiet main thread. */
  holdRendering(hold: boolean): void {
    if (hold) this.stage.loop.stop();
    else this.stage.loop.start();
  }

  /** Rendered frames per second. */
  fps(): number {
    return this.stage.loop.fps;
  }

  dispose(): void {
    this.loading?.abort();
    this.detach();
    this.stage.dispose();
  }

  private detach(): void {
    this.offFrame?.();
    this.offActivity?.();
    this.runtime?.dispose();
    this.runtime = null;
  }
}

/** Creates the stage on a canvas (the entry point of the lazily loaded avatar chunk). */
export function createAvatarStage(canvas: HTMLCanvasElement, options: AvatarStageOptions): AvatarStage {
  return new AvatarStage(canvas, options);
}
