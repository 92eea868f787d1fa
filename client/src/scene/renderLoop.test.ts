import { describe, expect, it } from 'vitest';
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';
import type { Scene } from '@babylonjs/core/scene';
import { RenderLoop } from './renderLoop';
import { effectivePixelRatio } from './viewport';
import { backdropPixels, DEFAULT_BACKDROP } from './background';

function fakeLoop(idleFps = 30) {
  let renders = 0;
  const scene = {
    activeCamera: {},
    render: () => {
      renders++;
    },
  } as unknown as Scene;
  const engine = { runRenderLoop: () => {}, stopRenderLoop: () => {} } as unknown as AbstractEngine;
  const loop = new RenderLoop(engine, scene, { idleFps });
  return { loop, renders: () => renders };
}

/** Ticks like a 60 Hz display for `seconds`, starting at `start` ms. */
function runAt60(loop: RenderLoop, start: number, seconds: number): number {
  let t = start;
  for (let i = 0; i < seconds * 60; i++) {
    loop.tick(t);
    t += 1000 / 60;
  }
  return t;
}

describe('render loop', () => {
  it('idles at about the idle frame rate and renders every display frame while active', () => {
    const { loop, renders } = fakeLoop(30);
    let t = runAt60(loop, 0, 2);
    expect(renders()).toBeGreaterThanOrEqual(58);
    expect(renders()).toBeLessThanOrEqual(62);
    let active = true;
    loop.addActivitySource(() => active);
    const before = renders();
    t = runAt60(loop, t, 1);
    expect(renders() - before).toBe(60);
    active = false;
    const idle = renders();
    runAt60(loop, t, 1);
    expect(renders() - idle).toBeLessThanOrEqual(31);
  });

  it('passes the time since the last rendered frame to frame callbacks, clamped after a pause', () => {
    const { loop } = fakeLoop(30);
    const dts: number[] = [];
    loop.onFrame.add((dt) => dts.push(dt));
    loop.tick(0);
    loop.tick(34);
    loop.tick(5000);
    expect(dts[1]).toBeCloseTo(0.034, 3);
    expect(dts[2]).toBe(0.1);
  });

  it('reports frame times, flagging those stretched by idle pacing or a stop', () => {
    const { loop } = fakeLoop(30);
    const timings: { seconds: number; throttled: boolean }[] = [];
    loop.onFrameTiming.add((t) => timings.push({ ...t }));
    let active = true;
    loop.addActivitySource(() => active);
    let t = runAt60(loop, 0, 0.5);
    expect(timings[0].throttled).toBe(true); // no previous frame
    expect(timings.slice(1).every((x) => !x.throttled && Math.abs(x.seconds - 1 / 60) < 1e-6)).toBe(true);
    active = false;
    const idleFrom = timings.length;
    t = runAt60(loop, t, 0.5);
    expect(timings.slice(idleFrom).every((x) => x.throttled)).toBe(true);
    active = true;
    loop.start();
    loop.stop();
    const before = timings.length;
    loop.tick(t + 1000 / 60);
    loop.tick(t + 2000 / 60);
    expect(timings.slice(before).map((x) => x.throttled)).toEqual([true, false]);
    // A slow machine that never reaches the idle rate is measured even when idle: nothing was held back.
    active = false;
    loop.tick(t + 200);
    loop.tick(t + 300);
    expect(timings.at(-1)).toEqual({ seconds: 0.1, throttled: false });
  });

  it('stays awake after wake() for the requested time', () => {
    const { loop } = fakeLoop(10);
    const now = performance.now();
    loop.wake(500);
    expect(loop.isActive(now + 100)).toBe(true);
    expect(loop.isActive(now + 1000)).toBe(false);
  });
});

describe('viewport', () => {
  it('caps the device pixel ratio and survives odd values', () => {
    expect(effectivePixelRatio(3, 2)).toBe(2);
    expect(effectivePixelRatio(1.5, 2)).toBe(1.5);
    expect(effectivePixelRatio(Number.NaN, 2)).toBe(1);
    expect(effectivePixelRatio(0.25, 2)).toBe(0.5);
  });
});

describe('backdrop', () => {
  it('is a vertical gradient from the bottom colour to the top colour with a lighter centre', () => {
    const size = 32;
    const px = backdropPixels(DEFAULT_BACKDROP, size);
    const at = (x: number, y: number) => Array.from(px.slice((y * size + x) * 4, (y * size + x) * 4 + 3));
    const bottom = at(0, 0);
    const top = at(0, size - 1);
    expect(top[2]).toBeGreaterThan(bottom[2]);
    expect(bottom[0]).toBeGreaterThan(top[0]);
    const centre = at(size / 2, Math.round(size * 0.58));
    const edge = at(0, Math.round(size * 0.58));
    expect(centre[0] + centre[1] + centre[2]).toBeGreaterThan(edge[0] + edge[1] + edge[2]);
  });
});
