import { describe, expect, it } from 'vitest';
import { toKeyframes } from './keyframes';
import { mouthOpenness } from './mouthEnvelope';
import { gateSilence } from './silenceGate';
import { matchClausesToAudio } from './clauseSpans';
import { sampleVisemeTrack } from './sampleVisemeTrack';

const HOP = 10;

describe('silence gate, mouth envelope and keyframes', () => {
  it('never opens on digital silence or on faint hiss, and opens on sound', () => {
    const silent = new Float32Array(100).fill(-120);
    expect(gateSilence(silent, HOP).open.some(Boolean)).toBe(false);
    const hiss = Float32Array.from({ length: 100 }, (_, i) => -70 + 4 * Math.abs(Math.sin(i * 1.7)));
    expect(gateSilence(hiss, HOP).open.some(Boolean)).toBe(false);
    const speech = Float32Array.from({ length: 100 }, (_, i) => (i >= 30 && i < 70 ? -15 : -90));
    const open = gateSilence(speech, HOP).open;
    expect(open[29]).toBe(0);
    expect(open[30]).toBe(1);
    expect(open[70]).toBe(0);
  });

  it('is closed by the time a pause starts and open within 30 ms of the sound', () => {
    const level = Float32Array.from({ length: 120 }, (_, i) => ((i >= 20 && i < 60) || i >= 80 ? -12 : -100));
    const gate = gateSilence(level, HOP);
    const w = mouthOpenness(level, gate, HOP);
    for (let i = 60; i < 80; i++) expect(w[i]).toBe(0);
    expect(w[59]).toBe(0);
    expect(w[20 + 3]).toBeGreaterThan(0.6);
    expect(w[21]).toBeGreaterThan(0.2);
  });

  it('keeps every shape change and closure, and stays within the keyframe budget', () => {
    const n = 300; // 3 s
    const times = Float64Array.from({ length: n }, (_, i) => i * 10);
    const shapes = Int8Array.from({ length: n }, (_, i) => Math.floor(i / 12) % 5);
    const weights = Float32Array.from({ length: n }, (_, i) =>
      i % 60 < 45 ? 0.5 + 0.4 * Math.sin(i / 2) : 0,
    );
    const track = toKeyframes(times, shapes, weights);
    expect(track.length / 3).toBeLessThanOrEqual(30);
    for (let i = 0; i < n; i++) {
      if (weights[i] === 0) expect(sampleVisemeTrack(track, times[i]).weight).toBeLessThan(0.02);
    }
    expect(track[0][0]).toBe(0);
  });

  it('matches clauses to the stretches of sound between pauses, merging one said without a pause', () => {
    const open = new Uint8Array(200);
    open.fill(1, 10, 60); // clause 1
    open.fill(1, 90, 120); // clause 2 (short)
    open.fill(1, 150, 195); // clause 3 + 4 said together
    const clauses = [6, 3, 3, 2].map((n) => ({ vowels: Array(n).fill('A'), readable: true, beats: n }));
    const spans = matchClausesToAudio(open, clauses, HOP);
    expect(spans.map((s) => [s.from, s.to, s.clauses.length])).toEqual([
      [10, 60, 1],
      [90, 120, 1],
      [150, 195, 2],
    ]);
  });

  it('puts every clause in one stretch when the speaker never paused', () => {
    const open = new Uint8Array(100).fill(1, 5, 95);
    const clauses = Array.from({ length: 7 }, () => ({ vowels: ['A' as const], readable: true, beats: 1 }));
    expect(matchClausesToAudio(open, clauses, HOP)).toEqual([{ from: 5, to: 95, clauses }]);
  });
});
