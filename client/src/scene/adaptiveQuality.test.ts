import { describe, expect, it } from 'vitest';
import { AdaptiveQuality, QUALITY_LEVELS, type AdaptiveQualityOptions, type QualityLevel } from './adaptiveQuality';

/**
 * A fake engine whose frame time follows the quality applied to it (cost ∝ pixels, ×1.5 with
 * MSAA, like SwiftShader), and a fake clock that feeds the controller one frame at a time.
 */
function simulate(fullQualityFps: number, options: AdaptiveQualityOptions = {}) {
  const applied: QualityLevel[] = [];
  let level = QUALITY_LEVELS[0];
  const engine = { applyQuality: (l: QualityLevel) => { applied.push(l); level = l; } };
  const quality = new AdaptiveQuality(engine, options);
  let speedup = 1;
  const frameSeconds = (): number => {
    const cost = (level.antialias ? 1 : 1 / 1.5) * level.resolutionScale ** 2;
    // A display caps the rate at 60 Hz however cheap the frame.
    return Math.max(1 / 60, (cost / fullQualityFps) / speedup);
  };
  const clock = {
    /** Renders for `seconds` of simulated time. */
    run(seconds: number): void {
      for (let t = 0; t < seconds;) { const dt = frameSeconds(); quality.update(dt); t += dt; }
    },
    /** Idles for `seconds`: frames paced by the loop at `fps`, flagged as throttled. */
    idle(seconds: number, fps = 30): void {
      for (let t = 0; t < seconds; t += 1 / fps) quality.update(1 / fps, true);
    },
    /** The machine gets faster (another app closed) or slower. */
    setSpeedup(x: number): void { speedup = x; },
  };
  return { quality, applied, clock, level: () => level };
}

describe('adaptive quality', () => {
  it('keeps full quality on a machine that holds the frame rate', () => {
    const { quality, applied, clock } = simulate(60);
    clock.run(60);
    expect(quality.levelIndex).toBe(0);
    expect(applied).toEqual([]);
  });

  it('turns MSAA off first, then lowers the resolution one step per slow window', () => {
    const { quality, applied, clock } = simulate(7);
    clock.run(2.1);
    expect(applied).toEqual([{ antialias: false, resolutionScale: 1 }]);
    clock.run(2.7);
    expect(quality.levelIndex).toBe(2);
    expect(quality.level.resolutionScale).toBe(0.85);
  });

  it('goes no lower than half the pixel ratio, and stops where the floor is met', () => {
    const slow = simulate(2);
    slow.clock.run(60);
    expect(slow.quality.level).toEqual({ antialias: false, resolutionScale: 0.5 });
    const medium = simulate(12); // MSAA off → 18, 0.85 → 25 fps
    medium.clock.run(60);
    expect(medium.quality.level).toEqual({ antialias: false, resolutionScale: 0.85 });
  });

  it('does not count idle-paced frames as slow', () => {
    const { quality, applied, clock } = simulate(60);
    clock.idle(30, 10);
    expect(applied).toEqual([]);
    expect(quality.levelIndex).toBe(0);
  });

  it('ignores long gaps (background tab, debugger) instead of reading them as slow frames', () => {
    const { quality } = simulate(60);
    for (let i = 0; i < 10; i++) quality.update(5);
    expect(quality.levelIndex).toBe(0);
  });

  it('steps back up after a comfortable stretch once the machine has headroom', () => {
    const { quality, clock } = simulate(20);
    clock.run(3);
    expect(quality.levelIndex).toBe(1);
    clock.setSpeedup(4);
    clock.run(4);
    expect(quality.levelIndex).toBe(1); // comfortable, but not for long enough yet
    clock.run(10);
    expect(quality.levelIndex).toBe(0);
  });

  it('does not oscillate: a level that keeps failing is given up', () => {
    // 30 fps with MSAA-off is "comfortable" only under a 25-fps bar, and MSAA makes it 20: too slow.
    const { quality, applied, clock } = simulate(20, { comfortableFps: 25 });
    clock.run(600);
    // Down (too slow), one retry after twice the wait, down again, then never again.
    expect(applied.map((l) => l.antialias)).toEqual([false, true, false]);
    expect(quality.levelIndex).toBe(1);
  });

  it('reports each change and stops adapting once disposed', () => {
    const changes: number[] = [];
    const { quality, clock } = simulate(5, { onChange: (index) => changes.push(index) });
    clock.run(2.5);
    expect(changes).toEqual([1]);
    quality.dispose();
    clock.run(30);
    expect(changes).toEqual([1]);
  });
});
