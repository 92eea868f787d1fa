import { describe, expect, it } from 'vitest';
import { nullScene } from './testing/nodeScene';
import { createStageQualityTarget } from './stageQuality';

describe('stage quality target', () => {
  it('switches MSAA off through a single-sampled pass and back, and re-applies the viewport on a resolution change', () => {
    const { engine, scene, dispose } = nullScene();
    const camera = scene.activeCamera!;
    let refreshes = 0;
    const target = createStageQualityTarget(engine, camera, true);
    target.viewport = { refresh: () => { refreshes++; }, stop: () => {} };

    target.applyQuality({ antialias: false, resolutionScale: 1 });
    expect(camera._postProcesses.filter(Boolean)).toHaveLength(1);
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
