import { describe, expect, it } from 'vitest';
import { LINGER_MS, SpeechTimeline } from './speechTimeline';

const u = (seq: number, startAt: number, durationMs = 1000, turnId = 't1') => ({
  turnId,
  seq,
  text: `sentence ${seq}`,
  startAt,
  durationMs,
});

describe('SpeechTimeline', () => {
  it('shows each sentence while it is said, back to back', () => {
    const t = new SpeechTimeline();
    t.add(u(0, 1000));
    t.add(u(1, 2000));
    expect(t.current(999)).toBeNull();
    expect(t.current(1500)?.text).toBe('sentence 0');
    expect(t.current(2100)?.text).toBe('sentence 1');
  });

  it('keeps the last sentence readable for a moment, then clears', () => {
    const t = new SpeechTimeline();
    t.add(u(0, 0));
    expect(t.current(1000 + LINGER_MS - 1)?.text).toBe('sentence 0');
    expect(t.playing(1000 + LINGER_MS - 1)).toBeNull();
    expect(t.current(1000 + LINGER_MS)).toBeNull();
  });

  it('counts a sentence once when it comes both as a message and in the state', () => {
    const t = new SpeechTimeline();
    expect(t.add(u(0, 0))).toBe(true);
    expect(t.add(u(0, 0))).toBe(false);
    expect(t.has('t1:0')).toBe(true);
  });

  it('stops showing an interrupted turn at once', () => {
    const t = new SpeechTimeline();
    t.add(u(0, 0, 5000));
    t.interrupt('t1');
    expect(t.current(100)).toBeNull();
  });

  it('says when to look again', () => {
    const t = new SpeechTimeline();
    t.add(u(0, 1000));
    expect(t.nextChange(0)).toBe(1000);
    expect(t.nextChange(1000)).toBe(2000);
    expect(t.nextChange(2000)).toBe(2000 + LINGER_MS);
    expect(t.nextChange(2000 + LINGER_MS)).toBeNull();
  });
});
