import { mix, smoothstep, sub, type Vec2, type Vec3 } from './math';
import { MeshData } from './meshData';
import { fanColors, fanPoints, fanTriangles, type DecalLayer } from './decal';
import { headNormal, projectFace } from './head';
import { HEAD, rigid } from './rig';
import { MOUTH_SHAPES, NEUTRAL_MOUTH, mouthLayers, type MouthParams } from './faceMouth';
import {
  EYE,
  OPEN_EYE,
  closedLine,
  eyeLayers,
  lowerLid,
  smileLine,
  upperLid,
  type EyeColors,
  type EyeState,
} from './faceEyes';
import { NEUTRAL_BROW, browLayer, type BrowState } from './faceBrows';

/** Everything that shapes the face at one moment. */
export interface FaceState {
  mouth: MouthParams;
  right: EyeState;
  left: EyeState;
  browR: BrowState;
  browL: BrowState;
}

/** Names of the face's morph targets, in glTF order. */
export const FACE_TARGETS = [
  'A',
  'I',
  'U',
  'E',
  'O',
  'Blink',
  'Blink_L',
  'Blink_R',
  'Joy',
  'Angry',
  'Sorrow',
  'Fun',
  'Surprised',
  'LookUp',
  'LookDown',
  'LookLeft',
  'LookRight',
] as const;

const NEUTRAL: FaceState = {
  mouth: NEUTRAL_MOUTH,
  right: OPEN_EYE,
  left: OPEN_EYE,
  browR: NEUTRAL_BROW,
  browL: NEUTRAL_BROW,
};
const W = EYE.halfWidth;

const eyes = (e: Partial<EyeState>): Pick<FaceState, 'left' | 'right'> => ({
  right: { ...OPEN_EYE, ...e },
  left: { ...OPEN_EYE, ...e },
});
const brows = (b: Partial<BrowState>): Pick<FaceState, 'browL' | 'browR'> => ({
  browR: { ...NEUTRAL_BROW, ...b },
  browL: { ...NEUTRAL_BROW, ...b },
});
const closed: Partial<EyeState> = { upper: closedLine, lower: closedLine };
/** Iris offsets in world X become eye-local (outer-positive) offsets per side. */
const look = (worldDx: number, dy: number, upper = upperLid): FaceState => ({
  ...NEUTRAL,
  right: { ...OPEN_EYE, irisDx: worldDx, irisDy: dy, upper },
  left: { ...OPEN_EYE, irisDx: -worldDx, irisDy: dy, upper },
});

/** The face state each morph target reaches at weight 1. */
export function targetState(name: (typeof FACE_TARGETS)[number]): FaceState {
  switch (name) {
    case 'Blink':
      return { ...NEUTRAL, ...eyes(closed), ...brows({ all: -0.001 }) };
    case 'Blink_L':
      return { ...NEUTRAL, left: { ...OPEN_EYE, ...closed } };
    case 'Blink_R':
      return { ...NEUTRAL, right: { ...OPEN_EYE, ...closed } };
    case 'Joy':
      return {
        mouth: MOUTH_SHAPES.Joy,
        ...eyes({ upper: smileLine, lower: smileLine }),
        ...brows({ all: 0.003, arch: 0.0015 }),
      };
    case 'Angry':
      return {
        mouth: MOUTH_SHAPES.Angry,
        ...eyes({
          upper: (x) => upperLid(x) - 0.0025 - 0.0075 * smoothstep(0.3, -1, x / W),
          lower: (x) => lowerLid(x) + 0.002,
        }),
        ...brows({ inner: -0.0085, outer: 0.003 }),
      };
    case 'Sorrow':
      return {
        mouth: MOUTH_SHAPES.Sorrow,
        ...eyes({
          upper: (x) => upperLid(x) - 0.003 - 0.004 * smoothstep(-0.3, 1, x / W),
          lower: (x) => lowerLid(x) + 0.001,
        }),
        ...brows({ inner: 0.0055, outer: -0.002 }),
      };
    case 'Fun':
      return {
        mouth: MOUTH_SHAPES.Fun,
        ...eyes({ upper: (x) => upperLid(x) - 0.006, lower: (x) => lowerLid(x) + 0.0045 }),
        ...brows({ all: 0.0015 }),
      };
    case 'Surprised':
      return {
        mouth: MOUTH_SHAPES.Surprised,
        ...eyes({ upper: (x) => upperLid(x) + 0.0025, lower: (x) => lowerLid(x) - 0.001, pupil: 0.72 }),
        ...brows({ all: 0.0065 }),
      };
    case 'LookUp':
      return look(0, 0.0035);
    case 'LookDown':
      return look(0, -0.004, (x) => upperLid(x) - 0.002);
    // VRM 0.x: LookLeft turns the eyes to the character's own left, which is −X.
    case 'LookLeft':
      return look(-0.0045, 0);
    case 'LookRight':
      return look(0.0045, 0);
    default:
      return { ...NEUTRAL, mouth: MOUTH_SHAPES[name] };
  }
}

/** Colours of the face features. */
export interface FaceColors extends EyeColors {
  brow: Vec3;
  mouthInside: Vec3;
  lip: Vec3;
  tongue: Vec3;
  teeth: Vec3;
}

function faceLayers(c: FaceColors): DecalLayer<FaceState>[] {
  return [
    ...eyeLayers<FaceState>((s) => s.right, 1, c),
    ...eyeLayers<FaceState>((s) => s.left, -1, c),
    browLayer<FaceState>((s) => s.browR, 1, c.brow),
    browLayer<FaceState>((s) => s.browL, -1, c.brow),
    ...mouthLayers<FaceState>((s) => s.mouth, {
      inside: c.mouthInside,
      lip: c.lip,
      tongue: c.tongue,
      teeth: c.teeth,
    }),
  ];
}

const area2 = (a: Vec2, b: Vec2, c: Vec2): number =>
  (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);

/** Projects decal layers onto the head; every FACE_TARGETS state becomes a morph target. */
function projectLayers<S>(layers: DecalLayer<S>[], neutral: S, targets: [string, S][]): MeshData {
  const mesh = new MeshData();
  for (const layer of layers) {
    const base = layer.points(neutral);
    const states = targets.map(([name, s]) => [name, layer.points(s)] as const);
    const start = mesh.vertexCount;
    base.forEach((p, i) => {
      const pos = projectFace(p[0], p[1], layer.lift);
      mesh.addVertex(pos, headNormal(sub(pos, HEAD.center)), layer.colors[i]);
    });
    for (const [name, pts] of states) {
      pts.forEach((p, i) => {
        const moved = projectFace(p[0], p[1], layer.lift);
        const delta = sub(moved, mesh.positions[start + i]);
        if (Math.abs(delta[0]) + Math.abs(delta[1]) + Math.abs(delta[2]) > 1e-7)
          mesh.setDelta(name, start + i, delta);
      });
    }
    addOrientedTriangles(mesh, layer.triangles, start, [base, ...states.map(([, p]) => p)]);
  }
  return mesh;
}

/** Seen from the front (−Z) +X is on the viewer's left, so front-facing triangles are clockwise in face coordinates. */
function addOrientedTriangles(mesh: MeshData, triangles: number[], start: number, shapes: Vec2[][]): void {
  for (let t = 0; t < triangles.length; t += 3) {
    const [a, b, c] = [triangles[t], triangles[t + 1], triangles[t + 2]];
    let best = 0;
    for (const pts of shapes) {
      const s = area2(pts[a], pts[b], pts[c]);
      if (Math.abs(s) > Math.abs(best)) best = s;
    }
    if (best > 0) mesh.addTriangle(start + a, start + c, start + b);
    else mesh.addTriangle(start + a, start + b, start + c);
  }
}

/** The face: one unlit, vertex-coloured mesh of flat features with all FACE_TARGETS as morph targets. */
export function buildFace(colors: FaceColors): MeshData {
  const targets = FACE_TARGETS.map((name) => [name, targetState(name)] as [string, FaceState]);
  const mesh = projectLayers(faceLayers(colors), NEUTRAL, targets);
  for (const name of FACE_TARGETS) mesh.ensureTarget(name);
  return mesh.skin(rigid('Head'));
}

/** Lit details painted on the skin: blush and a hint of a nose (no morph targets). */
export function buildFaceShade(skin: Vec3, blush: Vec3): MeshData {
  const layers: DecalLayer<null>[] = [1, -1].map((sign) => ({
    name: 'blush',
    lift: 0.0006,
    triangles: fanTriangles(20, 2),
    colors: fanColors(20, 2, (k) => mix(mix(skin, blush, 0.6), skin, k ** 1.5)),
    points: () =>
      fanPoints(20, 2, (k, a): Vec2 => [
        sign * 0.061 + 0.017 * k * Math.cos(a),
        -0.047 + 0.0085 * k * Math.sin(a),
      ]),
  }));
  layers.push({
    name: 'nose',
    lift: 0.0006,
    triangles: fanTriangles(10, 1),
    colors: fanColors(10, 1, (k) => mix(mix(skin, blush, 0.5), skin, k)),
    points: () =>
      fanPoints(10, 1, (k, a): Vec2 => [0.0022 * k * Math.cos(a), -0.043 + 0.0016 * k * Math.sin(a)]),
  });
  return projectLayers(layers, null, []).skin(rigid('Head'));
}
