import { describe, expect, it } from 'vitest';
import { anchorOf, planPlayback } from './schedule';

describe('planPlayback', () => {
  it('schedules a future utterance at its start on the audio clock', () => {
    expect(planPlayback(1500, { ctxTime: 2, localMs: 1000 }, 3)).toEqual({ when: 2.5, offset: 0 });
  });

  it('starts a late joiner mid-sentence at the elapsed offset', () => {
    const plan = planPlayback(1000, { ctxTime: 10, localMs: 2200 }, 3);
    expect(plan?.when).toBeCloseTo(10);
    expect(plan?.offset).toBeCloseTo(1.2);
  });

  it('skips an utterance that has already finished', () => {
    expect(planPlayback(0, { ctxTime: 10, localMs: 5000 }, 3)).toBeNull();
  });

  it('uses the page clock at planning time, not the anchor time', () => {
    // anchor taken 100 ms before planning: the start 50 ms after the anchor is already 50 ms late
    const plan = planPlayback(1050, { ctxTime: 1, localMs: 1000 }, 2, 1100);
    expect(plan?.when).toBeCloseTo(1.1);
    expect(plan?.offset).toBeCloseTo(0.05);
  });
});

describe('anchorOf', () => {
  it('prefers the output timestamp (what is heard now)', () => {
    expect(
      anchorOf(
        { currentTime: 5, getOutputTimestamp: () => ({ contextTime: 4.9, performanceTime: 123 }) },
        200,
      ),
    ).toEqual({ ctxTime: 4.9, localMs: 123 });
  });

  it('falls back to currentTime minus the output latency', () => {
    expect(anchorOf({ currentTime: 5, outputLatency: 0.04 }, 200)).toEqual({ ctxTime: 4.96, localMs: 200 });
  });
});
