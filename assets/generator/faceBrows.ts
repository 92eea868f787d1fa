import type { Vec2, Vec3 } from './math';
import { gridTriangles, type DecalLayer } from './decal';
import { EYE } from './faceEyes';

/** Offsets of one eyebrow: its inner and outer ends, all of it, and extra arch (metres). */
export interface BrowState {
  inner: number;
  outer: number;
  all: number;
  arch: number;
}

/** The neutral eyebrow. */
export const NEUTRAL_BROW: BrowState = { inner: 0, outer: 0, all: 0, arch: 0 };

const COLS = 10;
const INNER = -0.017;
const OUTER = 0.021;
const BASE_Y = 0.032;

/** One eyebrow on side `sign` (+1: the character's right). */
export function browLayer<S>(browOf: (s: S) => BrowState, sign: number, color: Vec3): DecalLayer<S> {
  return {
    name: 'brow',
    lift: 0.0012,
    triangles: gridTriangles(COLS, 1),
    colors: new Array((COLS + 1) * 2).fill(color),
    points: (s) => {
      const b = browOf(s);
      const pts: Vec2[] = [];
      for (let i = 0; i <= COLS; i++) {
        const t = i / COLS;
        const x = INNER + (OUTER - INNER) * t;
        const arch = (0.0022 + b.arch) * (1 - (2 * t - 0.9) ** 2);
        const y = EYE.y + BASE_Y + arch + b.all + b.inner * (1 - t) + b.outer * t - 0.002 * t;
        const half = 0.0019 * (1 - 0.6 * t * t);
        const fx = sign * (EYE.x + x);
        pts.push([fx, y - half], [fx, y + half]);
      }
      return pts;
    },
  };
}
