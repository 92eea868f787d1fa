import { describe, expect, it } from 'vitest';
import { nullScene } from './testing/nodeScene';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Camera } from '@babylonjs/core/Cameras/camera';
import { createStageQualityTarget } from './stageQuality';

const passes = (camera: Camera) => camera._postProcesses.filter(Boolean);

/** Runs engine frames until the camera holds `n` passes (the pass waits for its shader), for up to 15 s. */
async function framesUntilPasses(engine: AbstractEngine, camera: Camera, n: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (passes(camera).length !== n && Date.now() < deadline) {
    engine.beginFrame();
    engine.endFrame();
    await new Promise((r) => setTimeout(r, 1));
  }
  expect(passes(camera)).toHaveLength(n);
}

describe('stage quality target', () => {
  it('switches MSAA off through a single-sampled pass and back, and re-applies the viewport on a resolution change', async () => {
    const { engine, scene, dispose } = nullScene();
    const camera = scene.activeCamera!;
    let refreshes = 0;
    const target = createStageQualityTarget(engine, camera, true);
    target.viewport = {
      refresh: () => {
        refreshes++;
      },
      stop: () => {},
    };
    const readyWhenAttached: boolean[] = [];
    const attach = camera.attachPostProcess.bind(camera);
    camera.attachPostProcess = (pp, index) => {
      readyWhenAttached.push(pp.isReady());
      return attach(pp, index);
    };

    target.applyQuality({ antialias: false, resolutionScale: 1 });
    await framesUntilPasses(engine, camera, 1);
    expect(
      readyWhenAttached,
      'attached only once its shader can copy the frame (never a blank stage)',
    ).toEqual([true]);
    expect(refreshes).toBe(0);
    target.applyQuality({ antialias: false, resolutionScale: 0.7 });
    expect(camera._postProcesses.filter(Boolean)).toHaveLength(1);
    expect(target.resolutionScale).toBe(0.7);
    expect(refreshes).toBe(1);
    target.applyQuality({ antialias: true, resolutionScale: 1 });
    expect(camera._postProcesses.filter(Boolean)).toHaveLength(0);
    expect(refreshes).toBe(2);
    target.dispose();
    dispose();
  });

  it('adds no pass when the canvas has no MSAA to switch off', () => {
    const { engine, scene, dispose } = nullScene();
    const target = createStageQualityTarget(engine, scene.activeCamera!, false);
    target.applyQuality({ antialias: false, resolutionScale: 1 });
    expect(scene.activeCamera!._postProcesses.filter(Boolean)).toHaveLength(0);
    dispose();
  });
});
