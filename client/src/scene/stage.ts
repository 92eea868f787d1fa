import { Engine } from '@babylonjs/core/Engines/engine';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import { ImageProcessingConfiguration } from '@babylonjs/core/Materials/imageProcessingConfiguration';
import { Color4 } from '@babylonjs/core/Maths/math.color';
import { Scene } from '@babylonjs/core/scene';
import { debugEnabled } from '../debug';
import { AdaptiveQuality, type AdaptiveQualityOptions } from './adaptiveQuality';
import type { Avatar } from './avatar';
import { createBackdrop, type BackdropColors } from './background';
import { createStageCamera, frameUpperBody } from './camera';
import { createLights, type StageLights } from './lights';
import { RenderLoop } from './renderLoop';
import { createStageQualityTarget } from './stageQuality';
import { browserLevelStorage, rememberedLevel, rememberLevel } from './qualityMemory';
import { watchViewport } from './viewport';

/** Options of `createStage`. */
export interface StageOptions {
  /** Highest device pixel ratio rendered (default 2). */
  maxPixelRatio?: number;
  /** Frame rate when idle (default 30); full rate while active. */
  idleFps?: number;
  /** MSAA (default true). */
  antialias?: boolean;
  backdrop?: BackdropColors;
  /** An engine to use instead of creating a WebGL one (tests pass a NullEngine). */
  engine?: AbstractEngine;
  /** Start the render loop now (default true). */
  autoStart?: boolean;
  /** Lower MSAA and resolution while the frame rate stays low (default true; canvas stages only). */
  adaptiveQuality?: boolean | AdaptiveQualityOptions;
}

/** The 3D stage: engine, scene, camera, lights, backdrop and the render loop, with one current avatar. */
export interface Stage {
  readonly engine: AbstractEngine;
  readonly scene: Scene;
  readonly camera: ArcRotateCamera;
  readonly lights: StageLights;
  readonly loop: RenderLoop;
  /** The adaptive quality controller (null without a canvas or when switched off). */
  readonly quality: AdaptiveQuality | null;
  /** The character on stage, if any. */
  readonly avatar: Avatar | null;
  /** Calls `fn(dtSeconds)` before every rendered frame; returns an unsubscribe function. */
  onFrame(fn: (dtSeconds: number) => void): () => void;
  /** Puts `avatar` on stage (disposing the previous one unless it is the same) and frames it. */
  setAvatar(avatar: Avatar | null): void;
  /** Re-frames the camera on the current avatar's upper body. */
  frame(): void;
  /** Renders at full rate for `ms` milliseconds. */
  wake(ms?: number): void;
  dispose(): void;
}

/** Builds the stage on a canvas (or on `options.engine`). */
export function createStage(canvas: HTMLCanvasElement | null, options: StageOptions = {}): Stage {
  const engine =
    options.engine ??
    new Engine(canvas, options.antialias ?? true, { stencil: false, preserveDrawingBuffer: false }, false);
  const scene = createStageScene(engine);
  const camera = createStageCamera(scene);
  const lights = createLights(scene);
  createBackdrop(scene, options.backdrop);
  const loop = new RenderLoop(engine, scene, { idleFps: options.idleFps });
  let avatar: Avatar | null = null;

  const frame = (): void => {
    if (!avatar) return;
    const aspect = engine.getRenderWidth() / Math.max(1, engine.getRenderHeight());
    frameUpperBody(camera, { head: avatar.headPosition(), height: avatar.height() }, aspect);
    loop.wake();
  };
  const onResize = (): void => {
    frame();
    // A resize (window, pixel ratio, adaptive resolution) cleared the canvas: draw now if the page
    // holds the loop (a clock-sync round trip) rather than leave the stage blank meanwhile.
    if (avatar && !loop.isRunning) loop.renderNow();
  };
  const attached =
    canvas && !options.engine ? attachCanvas(canvas, engine, camera, loop, options, onResize) : null;
  const detach = attached?.detach ?? (() => {});
  if (options.autoStart ?? true) loop.start();

  return {
    engine,
    scene,
    camera,
    lights,
    loop,
    quality: attached?.quality ?? null,
    get avatar() {
      return avatar;
    },
    onFrame(fn) {
      const observer = loop.onFrame.add(fn);
      return () => loop.onFrame.remove(observer);
    },
    setAvatar(next) {
      if (avatar && avatar !== next) avatar.dispose();
      avatar = next;
      frame();
    },
    frame,
    wake: (ms) => loop.wake(ms),
    dispose() {
      detach();
      loop.dispose();
      avatar?.dispose();
      avatar = null;
      scene.dispose();
      if (!options.engine) engine.dispose();
    },
  };
}

/** A scene with a neutral tone mapping (keeps the palette's colours) and no per-move picking. */
function createStageScene(engine: AbstractEngine): Scene {
  const scene = new Scene(engine);
  scene.clearColor = new Color4(0.93, 0.9, 0.95, 1);
  scene.skipPointerMovePicking = true;
  const ip = scene.imageProcessingConfiguration;
  ip.toneMappingEnabled = true;
  ip.toneMappingType = ImageProcessingConfiguration.TONEMAPPING_KHR_PBR_NEUTRAL;
  ip.exposure = 1.0;
  ip.contrast = 1.05;
  return scene;
}

/** Orbit input, resize/pixel-ratio tracking, adaptive quality, and full frame rate while the user drags. */
function attachCanvas(
  canvas: HTMLCanvasElement,
  engine: AbstractEngine,
  camera: ArcRotateCamera,
  loop: RenderLoop,
  options: StageOptions,
  onResize: () => void,
): { quality: AdaptiveQuality | null; detach(): void } {
  camera.attachControl(true);
  const adaptive = startAdaptiveQuality(engine, camera, loop, options);
  const viewport = watchViewport(
    engine,
    canvas,
    options.maxPixelRatio ?? 2,
    onResize,
    () => adaptive?.target.resolutionScale ?? 1,
  );
  if (adaptive) adaptive.target.viewport = viewport;
  const wakeOnInput = (): void => loop.wake(2000);
  canvas.addEventListener('pointerdown', wakeOnInput);
  canvas.addEventListener('wheel', wakeOnInput, { passive: true });
  const removeSource = loop.addActivitySource(
    () =>
      camera.inertialAlphaOffset !== 0 ||
      camera.inertialBetaOffset !== 0 ||
      camera.inertialRadiusOffset !== 0,
  );
  const detach = (): void => {
    adaptive?.stop();
    viewport.stop();
    removeSource();
    canvas.removeEventListener('pointerdown', wakeOnInput);
    canvas.removeEventListener('wheel', wakeOnInput);
    camera.detachControl();
  };
  return { quality: adaptive?.quality ?? null, detach };
}

/** The quality controller fed by the loop's frame times; with `?debug=1` its level is `window.kotodamaQuality`. */
function startAdaptiveQuality(
  engine: AbstractEngine,
  camera: ArcRotateCamera,
  loop: RenderLoop,
  options: StageOptions,
) {
  if (options.adaptiveQuality === false) return null;
  const target = createStageQualityTarget(engine, camera, options.antialias ?? true);
  const given = typeof options.adaptiveQuality === 'object' ? options.adaptiveQuality : {};
  const storage = browserLevelStorage();
  const quality = new AdaptiveQuality(target, {
    startLevel: rememberedLevel(storage),
    ...given,
    onChange: (index, level, fps) => {
      rememberLevel(storage, index);
      // One line per change (a handful per session at most): tells a support request why the picture got softer.
      console.info(
        `[quality] ${fps.toFixed(1)} fps → level ${index}: MSAA ${level.antialias ? 'on' : 'off'}, ${Math.round(level.resolutionScale * 100)} % resolution`,
      );
      given.onChange?.(index, level, fps);
    },
  });
  const observer = loop.onFrameTiming.add((t) => quality.update(t.seconds, t.throttled));
  const exposed = debugEnabled();
  if (exposed) {
    Object.defineProperty(globalThis, 'kotodamaQuality', {
      configurable: true,
      get: () => ({ level: quality.levelIndex, ...quality.level }),
    });
  }
  const stop = (): void => {
    loop.onFrameTiming.remove(observer);
    quality.dispose();
    target.dispose();
    if (exposed) delete (globalThis as { kotodamaQuality?: unknown }).kotodamaQuality;
  };
  return { quality, target, stop };
}
