import { clamp, mix, type Vec2, type Vec3 } from './math';
import { fanColors, fanPoints, fanTriangles, gridTriangles, type DecalLayer } from './decal';

/** Shape of the mouth; every point is linear in these, so morph targets mix like the parameters. */
export interface MouthParams {
  /** Half width. */
  w: number;
  /** Opening above / below the centre line. */
  top: number;
  bot: number;
  /** How far the corners rise (negative: fall). */
  lift: number;
  /** Height of the upper teeth, and half-size of the tongue. */
  teeth: number;
  tongueW: number;
  tongueH: number;
}

/** Vertical centre of the mouth in face coordinates (metres below the head centre). */
export const MOUTH_Y = -0.07;
const SEGMENTS = 36;
const TEETH_COLS = 14;

/** The neutral, closed mouth: a short, slightly smiling line. */
export const NEUTRAL_MOUTH: MouthParams = {
  w: 0.0115,
  top: 0.0008,
  bot: 0.0014,
  lift: 0.0022,
  teeth: 0,
  tongueW: 0,
  tongueH: 0,
};

/** Mouth shapes of the targets that move the mouth (absolute parameters). */
const OPEN_SHAPES: Record<string, MouthParams> = {
  A: { w: 0.0145, top: 0.0045, bot: 0.0185, lift: 0.0015, teeth: 0.0022, tongueW: 0.0085, tongueH: 0.0048 },
  I: { w: 0.0185, top: 0.0025, bot: 0.0045, lift: 0.003, teeth: 0.0024, tongueW: 0, tongueH: 0 },
  U: { w: 0.0072, top: 0.004, bot: 0.0065, lift: 0, teeth: 0, tongueW: 0.0028, tongueH: 0.0012 },
  E: { w: 0.0165, top: 0.0035, bot: 0.01, lift: 0.002, teeth: 0.002, tongueW: 0.007, tongueH: 0.0025 },
  O: { w: 0.0095, top: 0.0075, bot: 0.0125, lift: 0, teeth: 0.0012, tongueW: 0.005, tongueH: 0.0035 },
  Joy: { w: 0.016, top: 0.0015, bot: 0.009, lift: 0.0055, teeth: 0, tongueW: 0.007, tongueH: 0.003 },
  Surprised: { w: 0.007, top: 0.0045, bot: 0.0075, lift: 0, teeth: 0, tongueW: 0.003, tongueH: 0.002 },
};

/** Open shapes are drawn a little larger than life so lip-sync reads at chat distance. */
const OPEN_SCALE = { w: 1.1, h: 1.2 };
const enlarge = (p: MouthParams): MouthParams => ({
  w: p.w * OPEN_SCALE.w,
  top: p.top * OPEN_SCALE.h,
  bot: p.bot * OPEN_SCALE.h,
  lift: p.lift,
  teeth: p.teeth * OPEN_SCALE.h,
  tongueW: p.tongueW * OPEN_SCALE.w,
  tongueH: p.tongueH * OPEN_SCALE.h,
});

/** Mouth shapes of the targets that move the mouth (absolute parameters). */
export const MOUTH_SHAPES: Record<string, MouthParams> = {
  ...Object.fromEntries(Object.entries(OPEN_SHAPES).map(([k, p]) => [k, enlarge(p)])),
  Angry: { w: 0.0095, top: 0.0012, bot: 0.0025, lift: -0.002, teeth: 0, tongueW: 0, tongueH: 0 },
  Sorrow: { w: 0.0085, top: 0.001, bot: 0.0018, lift: -0.0018, teeth: 0, tongueW: 0, tongueH: 0 },
  Fun: { w: 0.0135, top: 0.0008, bot: 0.0022, lift: 0.0038, teeth: 0, tongueW: 0, tongueH: 0 },
};

function outline(p: MouthParams, angle: number): Vec2 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  return [p.w * c, MOUTH_Y + p.lift * c * c + (s >= 0 ? p.top * s : p.bot * s)];
}

function bottomAt(p: MouthParams, x: number): number {
  const c = clamp(x / Math.max(p.w, 1e-6), -1, 1);
  return MOUTH_Y + p.lift * c * c - p.bot * Math.sqrt(1 - c * c);
}

/** The mouth's layers: dark interior, tongue and upper teeth. */
export function mouthLayers<S>(
  mouthOf: (state: S) => MouthParams,
  colors: { inside: Vec3; lip: Vec3; tongue: Vec3; teeth: Vec3 },
): DecalLayer<S>[] {
  const center = (p: MouthParams): Vec2 => [0, MOUTH_Y + (p.top - p.bot) / 2];
  const interior: DecalLayer<S> = {
    name: 'mouth',
    lift: 0.001,
    triangles: fanTriangles(SEGMENTS, 2),
    colors: fanColors(SEGMENTS, 2, (k) => mix(colors.inside, colors.lip, k * k)),
    points: (state) => {
      const p = mouthOf(state);
      const c = center(p);
      return fanPoints(SEGMENTS, 2, (k, a) => {
        const o = outline(p, a);
        return [c[0] + (o[0] - c[0]) * k, c[1] + (o[1] - c[1]) * k];
      });
    },
  };
  const tongue: DecalLayer<S> = {
    name: 'tongue',
    lift: 0.0013,
    triangles: fanTriangles(16, 1),
    colors: fanColors(16, 1, () => colors.tongue),
    points: (state) => {
      const p = mouthOf(state);
      const cy = MOUTH_Y - p.bot * 0.55 + p.tongueH * 0.15;
      return fanPoints(16, 1, (k, a) => {
        const x = p.tongueW * k * Math.cos(a);
        const y = cy + p.tongueH * k * Math.sin(a);
        return [x, Math.max(y, bottomAt(p, x) + 0.0004 * k)];
      });
    },
  };
  const teeth: DecalLayer<S> = {
    name: 'teeth',
    lift: 0.0015,
    triangles: gridTriangles(TEETH_COLS, 1),
    colors: new Array((TEETH_COLS + 1) * 2).fill(colors.teeth),
    points: (state) => {
      const p = mouthOf(state);
      const pts: Vec2[] = [];
      for (let i = 0; i <= TEETH_COLS; i++) {
        const a = Math.PI * (0.85 - 0.7 * (i / TEETH_COLS));
        const o = outline(p, a);
        const topY = MOUTH_Y + (o[1] - MOUTH_Y) * 0.9;
        const x = o[0] * 0.94;
        pts.push([x, topY - p.teeth * Math.sqrt(Math.sin(a))], [x, topY]);
      }
      return pts;
    },
  };
  return [interior, tongue, teeth];
}
