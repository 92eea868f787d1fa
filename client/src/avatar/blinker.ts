import { between, type RandomSource } from './random';

const CLOSE = 0.065;
const HOLD = 0.035;
const OPEN = 0.13;
const BLINK = CLOSE + HOLD + OPEN;

/** Options of the blinker. */
export interface BlinkerOptions {
  /** Seconds between blinks: uniform in [min, max] (default 2.2–6). */
  minInterval?: number;
  maxInterval?: number;
  /** Chance that a blink is followed by a second one (default 0.15). */
  doubleChance?: number;
}

/** Eyelid closure (0 open … 1 shut) over a blink that started `t` seconds ago: fast close, slower open. */
export function blinkCurve(t: number): number {
  if (t < 0 || t >= BLINK) return 0;
  if (t < CLOSE) return Math.sin(((t / CLOSE) * Math.PI) / 2);
  if (t < CLOSE + HOLD) return 1;
  const u = (t - CLOSE - HOLD) / OPEN;
  return 1 - u * u * (3 - 2 * u);
}

/** Natural blinking: random intervals, occasional double blinks. `value` is the closure now. */
export class Blinker {
  /** Current closure, 0..1. */
  value = 0;
  private untilNext: number;
  private sinceStart = Infinity;
  private pendingDouble = false;
  private readonly o: Required<BlinkerOptions>;

  constructor(
    private readonly random: RandomSource,
    options: BlinkerOptions = {},
  ) {
    this.o = { minInterval: 2.2, maxInterval: 6, doubleChance: 0.15, ...options };
    this.untilNext = between(random, 0.5, this.o.maxInterval);
  }

  /** Starts a blink now. */
  blink(): void {
    this.sinceStart = 0;
    this.pendingDouble = this.random() < this.o.doubleChance;
    this.untilNext = between(this.random, this.o.minInterval, this.o.maxInterval);
  }

  /** Advances time by dt seconds. */
  update(dt: number): void {
    this.sinceStart += dt;
    this.untilNext -= dt;
    if (this.pendingDouble && this.sinceStart >= BLINK + 0.06) {
      this.pendingDouble = false;
      this.sinceStart = 0;
    } else if (this.untilNext <= 0 && this.sinceStart >= BLINK) {
      this.blink();
    }
    this.value = blinkCurve(this.sinceStart);
  }
}
