import { describe, expect, it } from 'vitest';
import {
  AdaptiveQuality,
  QUALITY_LEVELS,
  type AdaptiveQualityOptions,
  type QualityLevel,
} from './adaptiveQuality';

/**
 * A fake engine whose frame time follows the quality applied to it (cost ∝ pixels, ×1.5 with
 * MSAA, like SwiftShader), and a fake clock that feeds the controller one frame at a time.
 */
function simulate(fullQualityFps: number, options: AdaptiveQualityOptions = {}) {
  const applied: QualityLevel[] = [];
  let level = QUALITY_LEVELS[0];
  const engine = {
    applyQuality: (l: QualityLevel) => {
      applied.push(l);
      level = l;
    },
  };
  const quality = new AdaptiveQuality(engine, options);
  let speedup = 1;
  const frameSeconds = (): number => {
    const cost = (level.antialias ? 1 : 1 / 1.5) * level.resolutionScale ** 2;
    // A display caps the rate at 60 Hz however cheap the frame.
    return Math.max(1 / 60, cost / fullQualityFps / speedup);
  };
  const clock = {
    /** Renders for `seconds` of simulated time. */
    run(seconds: number): void {
      for (let t = 0; t < seconds;) {
        const dt = frameSeconds();
        quality.update(dt);
        t += dt;
      }
    },
    /** Idles for `seconds`: frames paced by the loop at `fps`, flagged as throttled. */
    idle(seconds: number, fps = 30): void {
      for (let t = 0; t < seconds; t += 1 / fps) quality.update(1 / fps, true);
    },
    /** The machine gets faster (another app closed) or slower. */
    setSpeedup(x: number): void {
      speedup = x;
    },
  };
  return { quality, applied, clock, level: () => level };
}

describe('adaptive quality', () => {
  it('starts at a remembered level, and still climbs back when the device has headroom', () => {
    const { quality, applied, clock } = simulate(60, { startLevel: 3 });
    expect(quality.levelIndex).toBe(3);
    expect(applied).toEqual([QUALITY_LEVELS[3]]); // applied before the first frame
    clock.run(60);
    expect(quality.levelIndex).toBe(0);
  });

  it('ignores a remembered level that does not exist', () => {
    for (const startLevel of [-1, 99, Number.NaN]) {
      const { quality, applied } = simulate(60, { startLevel });
      expect(quality.levelIndex).toBe(0);
      expect(applied).toEqual([]);
    }
  });

  it('keeps full quality on a machine that holds the frame rate', () => {
    const { quality, applied, clock } = simulate(60);
    clock.run(60);
    expect(quality.levelIndex).toBe(0);
    expect(applied).toEqual([]);
  });

  it('turns MSAA off first when slightly slow, then lowers the resolution', () => {
    const { quality, applied, clock } = simulate(22); // MSAA off: 27.5 fps by the estimate, 33 in the fake
    clock.run(2.1);
    expect(applied).toEqual([{ antialias: false, resolutionScale: 1 }]);
    clock.setSpeedup(0.6); // 19.8 fps: 85 % resolution should make 27
    clock.run(2.7);
    expect(quality.levelIndex).toBe(2);
    expect(quality.level.resolutionScale).toBe(0.85);
  });

  it('jumps several levels at once when far too slow, to one expected to reach the floor', () => {
    const { quality, applied, clock } = simulate(7);
    clock.run(2.1);
    expect(applied).toHaveLength(1);
    // Needs 3.8× less work: 50 % resolution without MSAA is the first level estimated to give it.
    expect(quality.level).toEqual({ antialias: false, resolutionScale: 0.5 });
    clock.run(30);
    expect(applied).toHaveLength(1); // 42 fps in the fake, but 60 % resolution is estimated at 29: stay
  });

  it('goes no lower than half the pixel ratio, and stops where the floor is met', () => {
    const slow = simulate(2);
    slow.clock.run(60);
    expect(slow.quality.level).toEqual({ antialias: false, resolutionScale: 0.5 });
    const medium = simulate(12); // needs 2.2× less work: 70 % resolution without MSAA
    medium.clock.run(60);
    expect(medium.quality.level).toEqual({ antialias: false, resolutionScale: 0.7 });
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
    const { quality, clock } = simulate(22);
    clock.run(3);
    expect(quality.levelIndex).toBe(1);
    clock.setSpeedup(4);
    clock.run(4);
    expect(quality.levelIndex).toBe(1); // MSAA failed once: twice the wait
    clock.run(10);
    expect(quality.levelIndex).toBe(0);
  });

  it('does not oscillate: a level that keeps failing is given up', () => {
    // At 30 fps without MSAA the estimate says MSAA would give 24 (≥ a 22-fps bar); the fake gives 20.
    const { quality, applied, clock } = simulate(20, { upFps: 22 });
    clock.run(100);
    const settled = applied.length;
    clock.run(1000);
    expect(applied).toHaveLength(settled);
    // MSAA was retried once (after twice the wait), failed again, and was given up.
    expect(applied.filter((l) => l.antialias)).toHaveLength(1);
    expect(quality.levelIndex).toBe(1);
  });

  it('reports each change and stops adapting once disposed', () => {
    const changes: number[] = [];
    const { quality, clock } = simulate(5, { onChange: (index) => changes.push(index) });
    clock.run(2.5);
    expect(changes).toEqual([5]);
    quality.dispose();
    clock.run(30);
    expect(changes).toEqual([5]);
  });
});
