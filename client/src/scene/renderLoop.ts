import { Observable } from '@babylonjs/core/Misc/observable';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Scene } from '@babylonjs/core/scene';

/** Options of the render loop. */
export interface RenderLoopOptions {
  /** Frame rate while nothing asks for more (breathing and blinking still look smooth). Default 30. */
  idleFps?: number;
}

/** How long one rendered frame took, for frame-rate measurements. */
export interface FrameTiming {
  /** Time since the previous rendered frame (unclamped), in seconds. */
  seconds: number;
  /** True when the loop held frames back in between (idle pacing, a stop): the time then says nothing about rendering speed. */
  throttled: boolean;
}

/**
 * Renders the scene from the engine's animation-frame loop, at full rate while something is
 * active (speech, gestures, camera drag — see `wake` and `addActivitySource`) and at `idleFps`
 * otherwise. Frame callbacks get the time since the last rendered frame, in seconds.
 */
export class RenderLoop {
  /** Fired before each rendered frame with dt in seconds (clamped to 0.1). */
  readonly onFrame = new Observable<number>();
  /** Fired after each rendered frame (one reused object: read it, don't keep it). */
  readonly onFrameTiming = new Observable<FrameTiming>();
  private readonly timing: FrameTiming = { seconds: 0, throttled: true };
  /** A tick passed without rendering (or the loop was stopped) since the last rendered frame. */
  private heldBack = true;
  private readonly sources = new Set<() => boolean>();
  private readonly idleInterval: number;
  private awakeUntil = 0;
  private lastFrame = -1;
  private running = false;
  private frames = 0;
  private fpsWindowStart = 0;
  private fpsWindowFrames = 0;
  private measured = 0;

  constructor(
    private readonly engine: AbstractEngine,
    private readonly scene: Scene,
    options: RenderLoopOptions = {},
  ) {
    this.idleInterval = 1000 / (options.idleFps ?? 30);
  }

  /** Frames rendered so far. */
  get renderedFrames(): number {
    return this.frames;
  }

  /** Rendered frames per second over the last second or so. */
  get fps(): number {
    return this.measured;
  }

  /** Whether the loop currently renders at full rate. */
  isActive(now = performance.now()): boolean {
    if (now < this.awakeUntil) return true;
    for (const source of this.sources) if (source()) return true;
    return false;
  }

  /** Renders at full rate for the next `ms` milliseconds. */
  wake(ms = 1500): void {
    this.awakeUntil = Math.max(this.awakeUntil, performance.now() + ms);
  }

  /** Keeps the loop at full rate while `isActive()` returns true; returns a remover. */
  addActivitySource(isActive: () => boolean): () => void {
    this.sources.add(isActive);
    return () => this.sources.delete(isActive);
  }

  /** Starts rendering. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.heldBack = true;
    this.engine.runRenderLoop(this.loopCallback);
  }

  /** Whether the loop is rendering (the page may hold it, e.g. during a clock-sync round trip). */
  get isRunning(): boolean {
    return this.running;
  }

  /** Renders one frame now, even while held: a resize clears the canvas, which must not stay blank. */
  renderNow(): void {
    if (this.scene.activeCamera) this.scene.render();
  }

  /** Stops rendering (the page may restart it). */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.engine.stopRenderLoop(this.loopCallback);
  }

  /** One animation-frame tick: renders when due; returns whether it rendered. */
  tick(now = performance.now()): boolean {
    const since = this.lastFrame < 0 ? Infinity : now - this.lastFrame;
    if (since < this.idleInterval - 2 && !this.isActive(now)) {
      this.heldBack = true;
      return false;
    }
    const dt = Number.isFinite(since) ? Math.min(since / 1000, 0.1) : 1 / 60;
    this.lastFrame = now;
    this.onFrame.notifyObservers(dt);
    if (this.scene.activeCamera) this.scene.render();
    this.countFrame(now);
    this.reportTiming(since);
    return true;
  }

  /** Stops and clears callbacks. */
  dispose(): void {
    this.stop();
    this.onFrame.clear();
    this.onFrameTiming.clear();
    this.sources.clear();
  }

  private readonly loopCallback = (): void => {
    this.tick();
  };

  private reportTiming(sinceMs: number): void {
    this.timing.seconds = Number.isFinite(sinceMs) ? sinceMs / 1000 : 0;
    this.timing.throttled = this.heldBack || !Number.isFinite(sinceMs);
    this.heldBack = false;
    this.onFrameTiming.notifyObservers(this.timing);
  }

  private countFrame(now: number): void {
    this.frames++;
    this.fpsWindowFrames++;
    if (now - this.fpsWindowStart >= 1000) {
      this.measured = (this.fpsWindowFrames * 1000) / (now - this.fpsWindowStart);
      this.fpsWindowStart = now;
      this.fpsWindowFrames = 0;
    }
  }
}
