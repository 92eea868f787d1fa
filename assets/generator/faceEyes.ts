import { clamp, mix, shade, smoothstep, type Vec2, type Vec3 } from './math';
import { fanColors, fanPoints, fanTriangles, gridTriangles, type DecalLayer } from './decal';

/** Eye half width, and the eye centres' distance from the face's centre line and height. */
export const EYE = { halfWidth: 0.0195, x: 0.047, y: -0.013 } as const;

/** Lid lines and iris placement of one eye; x is eye-local (0 at the centre, + towards the outer corner). */
export interface EyeState {
  upper: (x: number) => number;
  lower: (x: number) => number;
  /** Iris offset in eye-local units (x towards the outer corner). */
  irisDx: number;
  irisDy: number;
  /** Pupil size factor. */
  pupil: number;
}

const W = EYE.halfWidth;
const TILT = 0.09;
/** The open eye's upper lid line. */
export const upperLid = (x: number): number =>
  0.0196 * Math.pow(Math.max(0, 1 - (x / W) ** 2), 0.42) + TILT * x;
/** The open eye's lower lid line. */
export const lowerLid = (x: number): number =>
  -0.018 * Math.pow(Math.max(0, 1 - (x / W) ** 2), 0.6) + TILT * x;
/** The closed eye's line (a gentle downward curve). */
export const closedLine = (x: number): number =>
  -0.004 - 0.0035 * Math.max(0, 1 - (x / W) ** 2) + TILT * x * 0.5;
/** The smiling closed eye's line (an arch, "^"). */
export const smileLine = (x: number): number =>
  -0.005 + 0.0075 * Math.pow(Math.max(0, 1 - (x / W) ** 2), 0.8) + TILT * x * 0.3;

/** The open, neutral eye. */
export const OPEN_EYE: EyeState = { upper: upperLid, lower: lowerLid, irisDx: 0, irisDy: 0, pupil: 1 };

const IRIS = { x: 0.0003, y: 0.0016, rx: 0.0143, ry: 0.0192 };
const IRIS_SEG = 28;
const COLS = 14;

/** Colours of the eye. */
export interface EyeColors {
  iris: Vec3;
  lash: Vec3;
  white: Vec3;
  whiteShadow: Vec3;
  highlight: Vec3;
}

/** Eye-local → face coordinates for an eye on side `sign` (+1: the character's right, +X). */
const toFace =
  (sign: number) =>
  (p: Vec2): Vec2 => [sign * (EYE.x + p[0]), EYE.y + p[1]];

function clampToLids(e: EyeState, p: Vec2, over = 0.0012): Vec2 {
  const x = clamp(p[0], -W, W);
  // Closed lids leave no gap: the overshoot under the lash shrinks with the opening.
  const opening = Math.max(0, e.upper(x) - e.lower(x));
  const lo = e.lower(x) + Math.min(0.0003, opening * 0.1);
  const hi = Math.max(lo, e.upper(x) + Math.min(over, opening * 0.4));
  return [p[0], clamp(p[1], lo, hi)];
}

function whiteLayer<S>(eyeOf: (s: S) => EyeState, face: (p: Vec2) => Vec2, c: EyeColors): DecalLayer<S> {
  const rows = 4;
  const colors: Vec3[] = [];
  for (let i = 0; i <= COLS; i++)
    for (let r = 0; r <= rows; r++) colors.push(mix(c.white, c.whiteShadow, smoothstep(0.45, 1, r / rows)));
  return {
    name: 'eyeWhite',
    lift: 0.001,
    triangles: gridTriangles(COLS, rows),
    colors,
    points: (s) => {
      const e = eyeOf(s);
      const pts: Vec2[] = [];
      for (let i = 0; i <= COLS; i++) {
        const x = -W + (2 * W * i) / COLS;
        for (let r = 0; r <= rows; r++)
          pts.push(face([x, e.lower(x) + ((e.upper(x) - e.lower(x)) * r) / rows]));
      }
      return pts;
    },
  };
}

function irisLayers<S>(
  eyeOf: (s: S) => EyeState,
  face: (p: Vec2) => Vec2,
  c: EyeColors,
  sign: number,
): DecalLayer<S>[] {
  const dark = shade(c.iris, 0.3);
  const light = mix(c.iris, [1, 1, 1], 0.35);
  const irisColor = (k: number, a: number): Vec3 =>
    shade(mix(dark, light, smoothstep(0.5, -0.9, Math.sin(a) * k)), k > 0.99 ? 0.55 : 1);
  const iris: DecalLayer<S> = {
    name: 'iris',
    lift: 0.0014,
    triangles: fanTriangles(IRIS_SEG, 3),
    colors: fanColors(IRIS_SEG, 3, irisColor),
    points: (s) => {
      const e = eyeOf(s);
      return fanPoints(IRIS_SEG, 3, (k, a) =>
        face(
          clampToLids(e, [
            IRIS.x + e.irisDx + IRIS.rx * k * Math.cos(a),
            IRIS.y + e.irisDy + IRIS.ry * k * Math.sin(a),
          ]),
        ),
      );
    },
  };
  const pupil: DecalLayer<S> = {
    name: 'pupil',
    lift: 0.0017,
    triangles: fanTriangles(14, 1),
    colors: fanColors(14, 1, () => shade(c.iris, 0.12)),
    points: (s) => {
      const e = eyeOf(s);
      return fanPoints(14, 1, (k, a) =>
        face(
          clampToLids(e, [
            IRIS.x + e.irisDx + 0.0052 * e.pupil * k * Math.cos(a),
            IRIS.y + 0.0012 + e.irisDy + 0.0075 * e.pupil * k * Math.sin(a),
          ]),
        ),
      );
    },
  };
  // Highlights sit on the same (viewer's upper-left = character's right, +X) side in both eyes.
  const spot = (dx: number, dy: number, r: number, name: string): DecalLayer<S> => ({
    name,
    lift: 0.002,
    triangles: fanTriangles(12, 1),
    colors: fanColors(12, 1, () => c.highlight),
    points: (s) => {
      const e = eyeOf(s);
      return fanPoints(12, 1, (k, a) =>
        face(
          clampToLids(
            e,
            [IRIS.x + e.irisDx * 0.5 + dx * sign + r * k * Math.cos(a), IRIS.y + dy + r * k * Math.sin(a)],
            0,
          ),
        ),
      );
    },
  });
  return [iris, pupil, spot(0.0046, 0.0074, 0.004, 'highlight'), spot(-0.005, -0.0085, 0.0018, 'highlight2')];
}

function lashLayers<S>(eyeOf: (s: S) => EyeState, face: (p: Vec2) => Vec2, c: EyeColors): DecalLayer<S>[] {
  const cols = 20;
  const xAt = (i: number): number => -W * 1.02 + (W * 2.32 * i) / cols;
  const line = (e: EyeState, x: number): number => (x <= W ? e.upper(x) : e.upper(W) + (x - W) * 0.6);
  const thick = (x: number): number => {
    const t = x / W;
    const body = 0.003 + 0.0019 * smoothstep(-0.2, 0.9, t);
    return body * (0.35 + 0.65 * smoothstep(-1.02, -0.55, t)) * (1 - 0.85 * smoothstep(1, 1.3, t));
  };
  const upper: DecalLayer<S> = {
    name: 'lashUpper',
    lift: 0.0023,
    triangles: gridTriangles(cols, 1),
    colors: new Array((cols + 1) * 2).fill(c.lash),
    points: (s) => {
      const e = eyeOf(s);
      const pts: Vec2[] = [];
      for (let i = 0; i <= cols; i++) {
        const x = xAt(i);
        const y = line(e, x);
        pts.push(face([x, y - 0.0006]), face([x + (x > W ? 0.0008 : 0), y + thick(x)]));
      }
      return pts;
    },
  };
  const lowCols = 8;
  const lower: DecalLayer<S> = {
    name: 'lashLower',
    lift: 0.0012,
    triangles: gridTriangles(lowCols, 1),
    colors: new Array((lowCols + 1) * 2).fill(mix(c.lash, c.whiteShadow, 0.3)),
    points: (s) => {
      const e = eyeOf(s);
      const pts: Vec2[] = [];
      for (let i = 0; i <= lowCols; i++) {
        const x = W * (0.15 + (0.85 * i) / lowCols);
        const y = e.lower(x);
        const t = 0.0009 * Math.sin((Math.PI * i) / lowCols) + 0.0002;
        pts.push(face([x, y - 0.0002 - t]), face([x, y - 0.0002]));
      }
      return pts;
    },
  };
  return [upper, lower];
}

/** All layers of one eye (side +1: the character's right). */
export function eyeLayers<S>(eyeOf: (s: S) => EyeState, sign: number, colors: EyeColors): DecalLayer<S>[] {
  const face = toFace(sign);
  return [
    whiteLayer(eyeOf, face, colors),
    ...irisLayers(eyeOf, face, colors, sign),
    ...lashLayers(eyeOf, face, colors),
  ];
}
