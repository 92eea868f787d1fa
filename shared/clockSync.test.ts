import { describe, expect, it } from 'vitest';
import { ClockSync } from './clockSync';

describe('ClockSync', () => {
  it('starts at offset 0 with no samples', () => {
    expect(new ClockSync().offsetMs).toBe(0);
  });

  it('takes the offset from the minimum-RTT sample', () => {
    const sync = new ClockSync();
    const trueOffset = 5000;
    // symmetric 20 ms path, plus one sample delayed 200 ms on the way back (queueing)
    sync.add({ t0: 0, t1: 10 + trueOffset, t2: 220 });
    sync.add({ t0: 1000, t1: 1010 + trueOffset, t2: 1020 });
    expect(sync.offsetMs).toBe(trueOffset);
    expect(sync.rttMs).toBe(20);
  });

  it('forgets samples older than its window', () => {
    const sync = new ClockSync(2);
    sync.add({ t0: 0, t1: 100, t2: 2 }); // excellent but old
    sync.add({ t0: 10, t1: 10, t2: 30 });
    sync.add({ t0: 20, t1: 20, t2: 40 });
    expect(sync.sampleCount).toBe(2);
    expect(sync.rttMs).toBe(20);
  });

  it('ignores impossible samples', () => {
    const sync = new ClockSync();
    sync.add({ t0: 10, t1: 5, t2: 5 });
    sync.add({ t0: 0, t1: Number.NaN, t2: 5 });
    expect(sync.sampleCount).toBe(0);
  });

  it('converts local time to server time', () => {
    const sync = new ClockSync();
    sync.add({ t0: 100, t1: 1110, t2: 120 });
    expect(sync.serverNow(200)).toBe(1200);
  });
});
