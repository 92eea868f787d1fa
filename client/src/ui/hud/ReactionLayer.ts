import { Container } from 'pixi.js';
import { label } from './text';

interface Floater {
  view: Container;
  age: number;
  sway: number;
  x0: number;
}

/** How long a reaction floats (s). */
export const REACTION_LIFE_S = 2.6;
/** Most reactions on screen at once (a burst from a big audience is thinned, not queued). */
export const REACTION_MAX = 24;

/** Floating reactions: an emoji with the sender's name rises and fades. Animated only while any is alive. */
export class ReactionLayer {
  readonly view = new Container();
  private floaters: Floater[] = [];
  private lane = { x: 0, bottom: 0, top: 0 };

  /** Where reactions rise. */
  setLane(lane: { x: number; bottom: number; top: number }): void {
    this.lane = lane;
  }

  /** Adds one reaction; returns false when the screen is already full of them. */
  add(emoji: string, name: string): boolean {
    if (this.floaters.length >= REACTION_MAX) return false;
    const c = new Container();
    const e = label(emoji, { fontSize: 34, lineHeight: 40 });
    const n = label(name, {
      fontSize: 11,
      fontWeight: '700',
      fill: 0xffffff,
      stroke: { color: 0x1a1630, width: 3 },
    });
    e.position.set(-e.width / 2, 0);
    n.position.set(-n.width / 2, 40);
    c.addChild(e, n);
    const x0 = this.lane.x - 30 - Math.random() * 50;
    c.position.set(x0, this.lane.bottom - 60);
    this.view.addChild(c);
    this.floaters.push({ view: c, age: 0, sway: Math.random() * Math.PI * 2, x0 });
    return true;
  }

  /** True while something is moving. */
  get active(): boolean {
    return this.floaters.length > 0;
  }

  /** Moves the reactions by dt seconds. */
  update(dt: number): void {
    const rise = this.lane.bottom - 60 - this.lane.top;
    for (const f of this.floaters) {
      f.age += dt;
      const t = f.age / REACTION_LIFE_S;
      f.view.y = this.lane.bottom - 60 - rise * easeOut(t);
      f.view.x = f.x0 + Math.sin(f.sway + f.age * 3) * 10;
      f.view.alpha = t < 0.1 ? t / 0.1 : 1 - Math.max(0, (t - 0.6) / 0.4);
      f.view.scale.set(0.8 + 0.2 * Math.min(1, t * 5));
    }
    const done = this.floaters.filter((f) => f.age >= REACTION_LIFE_S);
    for (const f of done) f.view.destroy({ children: true });
    this.floaters = this.floaters.filter((f) => f.age < REACTION_LIFE_S);
  }
}

function easeOut(t: number): number {
  return 1 - (1 - Math.min(1, t)) ** 2;
}
