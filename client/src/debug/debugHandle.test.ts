import { describe, expect, it } from 'vitest';
import { DEBUG_KEYS, debugEnabled, installDebugHandle, type DebugValues } from './debugHandle';

const values = (): DebugValues => ({
  status: 'connected',
  role: 'participant',
  clockOffsetMs: 12.5,
  clockRttMs: 4,
  expression: 'happy',
  mouth: { A: 0.5, I: 0, U: 0, E: 0, O: 0 },
  lastUtterance: { id: 't1:0', startAt: 1_700_000_001_234, startAtLocalMs: 1234, clockRttMs: 4 },
  fps: 30,
});

describe('debug handle', () => {
  it('exposes exactly the agreed names, live', () => {
    const target: Record<string, any> = {};
    let v = values();
    installDebugHandle(() => v, target);
    expect(Object.keys(target.kotodama).sort()).toEqual([...DEBUG_KEYS].sort());
    expect(target.kotodama.mouth.A).toBe(0.5);
    v = { ...v, status: 'reconnecting' };
    expect(target.kotodama.status).toBe('reconnecting');
  });

  it('cannot be used to change the page', () => {
    const target: Record<string, any> = {};
    const v = values();
    installDebugHandle(() => v, target);
    expect(() => {
      target.kotodama.status = 'x';
    }).toThrow();
    target.kotodama.mouth.A = 1;
    expect(v.mouth.A).toBe(0.5);
  });

  it('is on only with debug=1', () => {
    expect(debugEnabled('?debug=1')).toBe(true);
    expect(debugEnabled('?debug=0')).toBe(false);
    expect(debugEnabled('')).toBe(false);
  });
});
