import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';

/** The device pixel ratio to render at: the screen's, capped (2 keeps text-sharp faces at 1/4 the cost of 4). */
export function effectivePixelRatio(devicePixelRatio: number, maxPixelRatio: number): number {
  const dpr = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  return Math.max(0.5, Math.min(dpr, maxPixelRatio));
}

/** A running viewport watch. */
export interface ViewportWatch {
  /** Re-applies the size now (e.g. after the resolution scale changed). */
  refresh(): void;
  stop(): void;
}

/**
 * Keeps the engine's drawing buffer matched to the canvas's CSS size × the capped pixel ratio ×
 * `resolutionScale()` (the adaptive quality's share, 1 at full quality), on element resize and
 * when the page moves to a screen with another pixel ratio.
 */
export function watchViewport(
  engine: AbstractEngine,
  canvas: HTMLCanvasElement,
  maxPixelRatio: number,
  onResize: () => void,
  resolutionScale: () => number = () => 1,
): ViewportWatch {
  const apply = (): void => {
    const ratio = effectivePixelRatio(globalThis.devicePixelRatio ?? 1, maxPixelRatio) * resolutionScale();
    engine.setHardwareScalingLevel(1 / ratio);
    engine.resize();
    onResize();
  };
  apply();
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(apply) : null;
  observer?.observe(canvas);
  let media: MediaQueryList | null = null;
  const watchRatio = (): void => {
    media?.removeEventListener('change', onRatioChange);
    if (typeof matchMedia !== 'function') return;
    media = matchMedia(`(resolution: ${globalThis.devicePixelRatio ?? 1}dppx)`);
    media.addEventListener('change', onRatioChange);
  };
  const onRatioChange = (): void => {
    apply();
    watchRatio();
  };
  watchRatio();
  return {
    refresh: apply,
    stop() {
      observer?.disconnect();
      media?.removeEventListener('change', onRatioChange);
    },
  };
}
