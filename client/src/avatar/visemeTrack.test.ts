import { describe, expect, it } from 'vitest';
import type { VisemeKeyframe } from '@shared';
import { EDGE_MS, sampleVisemes } from './visemeTrack';
import { blinkCurve } from './blinker';

const track: VisemeKeyframe[] = [
  [100, 'A', 1],
  [300, 'O', 0.6],
  [500, 'I', 0.8],
  [700, 'I', 0],
];

describe('viewing a viseme track at a time', () => {
  it('is closed well before the first key, and opening into it just before', () => {
    expect(sampleVisemes(track, 0)).toEqual({ A: 0, I: 0, U: 0, E: 0, O: 0 });
    const opening = sampleVisemes(track, 100 - EDGE_MS / 2).A;
    expect(opening).toBeGreaterThan(0.2);
    expect(opening).toBeLessThan(0.8);
  });

  it('holds each key exactly at its time', () => {
    expect(sampleVisemes(track, 100)).toEqual({ A: 1, I: 0, U: 0, E: 0, O: 0 });
    expect(sampleVisemes(track, 300)).toMatchObject({ A: 0, O: 0.6 });
    expect(sampleVisemes(track, 500)).toMatchObject({ O: 0, I: 0.8 });
  });

  it('cross-fades between neighbouring keys', () => {
    const mid = sampleVisemes(track, 200);
    expect(mid.A).toBeCloseTo(0.5, 5);
    expect(mid.O).toBeCloseTo(0.3, 5);
    const sameShape = sampleVisemes(track, 600);
    expect(sameShape.I).toBeCloseTo(0.4, 5);
  });

  it('closes after the last key and handles an empty track', () => {
    expect(sampleVisemes(track, 700 + EDGE_MS)).toEqual({ A: 0, I: 0, U: 0, E: 0, O: 0 });
    expect(sampleVisemes([[0, 'E', 0.7]], EDGE_MS / 2).E).toBeGreaterThan(0);
    expect(sampleVisemes([], 10)).toEqual({ A: 0, I: 0, U: 0, E: 0, O: 0 });
  });
});

describe('blink curve', () => {
  it('shuts quickly, holds, and opens more slowly', () => {
    expect(blinkCurve(0)).toBe(0);
    expect(blinkCurve(0.065)).toBe(1);
    expect(blinkCurve(0.08)).toBe(1);
    expect(blinkCurve(0.15)).toBeGreaterThan(0.3);
    expect(blinkCurve(0.25)).toBe(0);
    expect(blinkCurve(-1)).toBe(0);
  });
});
