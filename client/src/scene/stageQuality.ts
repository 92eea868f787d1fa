import type { Camera } from '@babylonjs/core/Cameras/camera';
import { Constants } from '@babylonjs/core/Engines/constants';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Observer } from '@babylonjs/core/Misc/observable';
import { PassPostProcess } from '@babylonjs/core/PostProcesses/passPostProcess';
import type { QualityLevel, QualityTarget } from './adaptiveQuality';
import type { ViewportWatch } from './viewport';

/** Applies quality levels to the stage's canvas; `resolutionScale` feeds the viewport watch. */
export interface StageQualityTarget extends QualityTarget {
  readonly resolutionScale: number;
  /** Set once the viewport watch exists (it needs `resolutionScale` first). */
  viewport: ViewportWatch | null;
  dispose(): void;
}

/**
 * MSAA can't be switched off on a canvas created with it, so "MSAA off" renders the scene into a
 * single-sampled texture of the same size and copies that onto the canvas (one full-screen
 * textured quad). On SwiftShader that path costs ~0.67× of the multisampled frame. The
 * resolution goes through the engine's hardware scaling (the browser upscales the canvas).
 */
export function createStageQualityTarget(
  engine: AbstractEngine,
  camera: Camera,
  canvasHasMsaa: boolean,
): StageQualityTarget {
  let singleSampled: { dispose(): void } | null = null;
  let resolutionScale = 1;
  const setMsaa = (on: boolean): void => {
    if (on || !canvasHasMsaa) {
      singleSampled?.dispose();
      singleSampled = null;
    } else {
      // Same size as the canvas, so nearest sampling copies texel for pixel.
      singleSampled ??= attachWhenReady(
        new PassPostProcess('singleSampled', 1, null, Constants.TEXTURE_NEAREST_SAMPLINGMODE, engine),
        camera,
        engine,
      );
    }
  };
  const target: StageQualityTarget = {
    viewport: null,
    get resolutionScale() {
      return resolutionScale;
    },
    applyQuality(level: QualityLevel) {
      setMsaa(level.antialias);
      if (level.resolutionScale !== resolutionScale) {
        resolutionScale = level.resolutionScale;
        target.viewport?.refresh();
      }
    },
    dispose: () => setMsaa(true),
  };
  return target;
}

/**
 * Attaches the pass once its shader has compiled: attached earlier, the scene would render into
 * its texture while nothing copies it to the canvas, leaving a blank stage for those frames.
 */
function attachWhenReady(pass: PassPostProcess, camera: Camera, engine: AbstractEngine): { dispose(): void } {
  let observer: Observer<AbstractEngine> | null = null;
  const attach = (): boolean => {
    if (!pass.isReady()) return false;
    camera.attachPostProcess(pass);
    return true;
  };
  if (!attach()) {
    observer = engine.onBeginFrameObservable.add(() => {
      if (!attach()) return;
      engine.onBeginFrameObservable.remove(observer);
      observer = null;
    });
  }
  return {
    dispose() {
      engine.onBeginFrameObservable.remove(observer);
      if (camera._postProcesses.includes(pass)) pass.dispose(camera);
      else pass.dispose();
    },
  };
}
