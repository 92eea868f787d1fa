/**
 * Adaptive rendering quality. On software GL (and weak phones) the frame time is almost all pixel
 * work: multisampling (~1.5× the cost of a single-sampled frame) and the number of pixels shaded
 * (the cost follows the resolution's area). So the steps trade exactly those: MSAA first, then
 * resolution, never the character's materials or lights.
 */

/** One quality step: multisampling on or off, and the fraction of the device pixel ratio rendered. */
export interface QualityLevel {
  readonly antialias: boolean;
  /** 1 = the (capped) device pixel ratio; 0.5 = half of it in each direction. */
  readonly resolutionScale: number;
}

/** Best first. Each step costs at most ~1.5× the next one. */
export const QUALITY_LEVELS: readonly QualityLevel[] = [
  { antialias: true, resolutionScale: 1 },
  { antialias: false, resolutionScale: 1 },
  { antialias: false, resolutionScale: 0.85 },
  { antialias: false, resolutionScale: 0.7 },
  { antialias: false, resolutionScale: 0.6 },
  { antialias: false, resolutionScale: 0.5 },
];

/**
 * Relative cost of a level's frame, used to jump straight past levels that can't reach the floor:
 * pixels × a conservative MSAA factor (SwiftShader measures ~1.5, GPUs less; underestimating it
 * only means another step later, overestimating would blur a capable screen).
 */
export function levelCost(level: QualityLevel): number {
  return level.resolutionScale ** 2 * (level.antialias ? 1.25 : 1);
}

/** Aim a little above the floor when stepping down, so the next window doesn't land just under it again. */
const STEP_DOWN_MARGIN = 1.1;

/** What the controller changes (the stage, or a fake in tests). */
export interface QualityTarget {
  applyQuality(level: QualityLevel): void;
}

/** Options of `AdaptiveQuality`. */
export interface AdaptiveQualityOptions {
  /** Below this average frame rate over a window, step down (default 24). */
  floorFps?: number;
  /**
   * Step up when the level above is estimated (`levelCost`) to run at this rate or more, for
   * `upAfterSeconds` in a row (default 30: a margin over the floor so a step up doesn't land back under it).
   */
  upFps?: number;
  /** Seconds of measured rendering per verdict (default 2). */
  windowSeconds?: number;
  /** Seconds of such headroom before stepping up (default 5); doubled for each time the level above failed. */
  upAfterSeconds?: number;
  /** A level that proved too slow this many times is never tried again (default 2). */
  maxFailures?: number;
  /** Rendering time ignored right after a change, while new buffers and shaders warm up (default 0.5 s). */
  settleSeconds?: number;
  levels?: readonly QualityLevel[];
  /** Level to start at (e.g. where this device settled last time); default 0, the best. */
  startLevel?: number;
  /** Called after each change with the new level index and the frame rate that caused it. */
  onChange?: (index: number, level: QualityLevel, measuredFps: number) => void;
}

/** Longer gaps are a background tab or a debugger pause, not slow rendering. */
const MAX_FRAME_SECONDS = 1;

/**
 * Watches the frame rate and moves between `QUALITY_LEVELS`. Feed it each rendered frame's
 * duration with `update(dt)`; frames the render loop delayed on purpose (idle throttling) must be
 * passed with `throttled = true` and are ignored. A slow window steps down to the first level whose
 * estimated cost (`levelCost`) reaches the floor — one level when slightly slow, several when far
 * too slow, so a 7-fps phone needn't wait five windows. It steps up one level at a time, only
 * after a sustained stretch in which the level above is estimated to hold `upFps` (the gap between
 * that and the floor is the hysteresis); a level that failed waits twice as long before the next
 * try and is given up after `maxFailures`, so the quality settles instead of oscillating.
 */
export class AdaptiveQuality {
  private readonly levels: readonly QualityLevel[];
  private readonly floorFps: number;
  private readonly upFps: number;
  private readonly windowSeconds: number;
  private readonly upAfterSeconds: number;
  private readonly maxFailures: number;
  private readonly settleSeconds: number;
  private readonly failures: number[];
  private index = 0;
  private windowTime = 0;
  private windowFrames = 0;
  private comfortableTime = 0;
  private settleLeft = 0;
  private disposed = false;

  constructor(
    private readonly target: QualityTarget,
    private readonly options: AdaptiveQualityOptions = {},
  ) {
    this.levels = options.levels ?? QUALITY_LEVELS;
    this.floorFps = options.floorFps ?? 24;
    this.upFps = options.upFps ?? 30;
    this.windowSeconds = options.windowSeconds ?? 2;
    this.upAfterSeconds = options.upAfterSeconds ?? 5;
    this.maxFailures = options.maxFailures ?? 2;
    this.settleSeconds = options.settleSeconds ?? 0.5;
    this.failures = this.levels.map(() => 0);
    const start = Math.trunc(options.startLevel ?? 0);
    if (start > 0 && start < this.levels.length) {
      this.index = start;
      this.target.applyQuality(this.levels[start]);
    }
  }

  /** Index into the levels (0 = best). */
  get levelIndex(): number {
    return this.index;
  }

  get level(): QualityLevel {
    return this.levels[this.index];
  }

  /** Records one rendered frame that took `dtSeconds`; `throttled` frames (idle pacing) are ignored. */
  update(dtSeconds: number, throttled = false): void {
    if (this.disposed || throttled || !(dtSeconds > 0) || dtSeconds > MAX_FRAME_SECONDS) return;
    if (this.settleLeft > 0) {
      this.settleLeft -= dtSeconds;
      return;
    }
    this.windowTime += dtSeconds;
    this.windowFrames++;
    if (this.windowTime >= this.windowSeconds) this.judgeWindow();
  }

  /** Stops adapting (the current level stays applied). */
  dispose(): void {
    this.disposed = true;
  }

  private judgeWindow(): void {
    const fps = this.windowFrames / this.windowTime;
    const seconds = this.windowTime;
    this.windowTime = 0;
    this.windowFrames = 0;
    if (fps < this.floorFps) {
      this.comfortableTime = 0;
      if (this.index < this.levels.length - 1) {
        this.failures[this.index]++;
        this.moveTo(this.stepDownTarget(fps), fps);
      }
      return;
    }
    if (this.index === 0 || this.estimatedFpsAt(this.index - 1, fps) < this.upFps) {
      this.comfortableTime = 0;
      return;
    }
    this.comfortableTime += seconds;
    if (this.canStepUp()) this.moveTo(this.index - 1, fps);
  }

  /** The best level below the current one that should reach the floor (else the lowest). */
  private stepDownTarget(fps: number): number {
    for (let i = this.index + 1; i < this.levels.length; i++) {
      if (this.estimatedFpsAt(i, fps) >= this.floorFps * STEP_DOWN_MARGIN) return i;
    }
    return this.levels.length - 1;
  }

  /** The frame rate level `index` should give, from the rate measured at the current level. */
  private estimatedFpsAt(index: number, fps: number): number {
    return (fps * levelCost(this.level)) / levelCost(this.levels[index]);
  }

  private canStepUp(): boolean {
    const failures = this.failures[this.index - 1];
    return failures < this.maxFailures && this.comfortableTime >= this.upAfterSeconds * 2 ** failures;
  }

  private moveTo(index: number, fps: number): void {
    this.index = index;
    this.comfortableTime = 0;
    this.settleLeft = this.settleSeconds;
    this.target.applyQuality(this.levels[index]);
    this.options.onChange?.(index, this.levels[index], fps);
  }
}
