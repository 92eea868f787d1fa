import { type Vec3 } from './math';
import { type MeshData } from './meshData';
import { ARM, LEG, SIDES, chain, rigid } from './rig';
import { ellipsoid, loft, tube, type Ring } from './shapes';

/** Body geometry by material name (skin, top, skirt, accent, collar, socks, shoes). */
export type BodyParts = Map<string, MeshData>;

const X: Vec3 = [1, 0, 0];
const BACK_TO_FRONT: Vec3 = [0, 0, -1];

/** Superellipse radius multiplier: n > 2 squares the section a little. */
const superellipse =
  (n: number) =>
  (a: number): number =>
    1 / Math.pow(Math.abs(Math.cos(a)) ** n + Math.abs(Math.sin(a)) ** n, 1 / n);

/** A vertical loft whose sections are [y, half-width, half-depth, z-offset]. */
function verticalLoft(
  sections: [number, number, number, number][],
  segments: number,
  modulate?: (a: number) => number,
): MeshData {
  const rings: Ring[] = sections.map(([y, ru, rv, z]) => ({
    center: [0, y, z],
    u: X,
    v: BACK_TO_FRONT,
    ru,
    rv,
    modulate,
  }));
  return loft(rings, { segments, capStart: true, capEnd: true });
}

const spineChain = chain(
  (p) => p[1],
  [
    ['Hips', -Infinity],
    ['Spine', 0.86],
    ['Chest', 0.95],
    ['UpperChest', 1.05],
    ['Neck', 1.195],
  ],
  0.03,
);

function torso(): MeshData {
  const sections: [number, number, number, number][] = [
    [0.7, 0.116, 0.084, 0],
    [0.8, 0.11, 0.079, 0],
    [0.88, 0.096, 0.068, 0],
    [0.96, 0.103, 0.072, -0.003],
    [1.03, 0.115, 0.08, -0.008],
    [1.09, 0.118, 0.076, -0.004],
    [1.13, 0.114, 0.068, 0],
    [1.16, 0.094, 0.058, 0.004],
    [1.185, 0.07, 0.048, 0.006],
    [1.205, 0.04, 0.038, 0.006],
  ];
  return verticalLoft(sections, 40, superellipse(2.4)).skin(spineChain);
}

function skirt(): MeshData {
  const pleats = (a: number): number => 1 + 0.04 * Math.abs(Math.sin(a * 8));
  const rings: Ring[] = (
    [
      [0.915, 0.107, 0.078],
      [0.87, 0.12, 0.09],
      [0.76, 0.158, 0.128],
      [0.64, 0.196, 0.166],
      [0.575, 0.212, 0.182],
    ] as const
  ).map(([y, ru, rv], i) => ({
    center: [0, y, 0],
    u: X,
    v: BACK_TO_FRONT,
    ru,
    rv,
    modulate: i === 0 ? undefined : pleats,
  }));
  return loft(rings, { segments: 64 }).skin(rigid('Hips'));
}

function neck(): MeshData {
  const points: Vec3[] = [
    [0, 1.15, 0.006],
    [0, 1.22, 0.006],
    [0, 1.3, 0.004],
    [0, 1.335, 0.004],
  ];
  return tube(points, [0.036, 0.033, 0.032, 0.03], 20).skin(
    chain(
      (p) => p[1],
      [
        ['UpperChest', -Infinity],
        ['Neck', 1.19],
        ['Head', 1.265],
      ],
      0.02,
    ),
  );
}

function collar(): MeshData {
  const sections: [number, number, number, number][] = [
    [1.118, 0.125, 0.081, -0.002],
    [1.145, 0.114, 0.073, 0.001],
    [1.168, 0.094, 0.065, 0.004],
    [1.19, 0.068, 0.053, 0.006],
    [1.21, 0.045, 0.043, 0.006],
  ];
  // Same squarish section as the torso, so the torso cannot poke through at the diagonals.
  return verticalLoft(sections, 40, superellipse(2.4)).skin(spineChain);
}

function sleeve(sign: number): MeshData {
  const profile: [number, number][] = [
    [0.09, 0.028],
    [0.11, 0.042],
    [0.135, 0.046],
    [0.17, 0.042],
    [0.24, 0.036],
    [0.33, 0.033],
    [0.42, 0.032],
    [0.48, 0.036],
    [0.51, 0.04],
    [0.52, 0.038],
    [0.524, 0.03],
  ];
  const points = profile.map(([d]): Vec3 => [d * sign, ARM.upper[1] - 0.002, 0]);
  const prefix = sign < 0 ? 'Left' : 'Right';
  // A ball on the shoulder joint: rotating the arm turns it about its own centre, so the joint stays round.
  const cap = ellipsoid(
    [(Math.abs(ARM.upper[0]) + 0.004) * sign, ARM.upper[1] - 0.006, 0],
    [0.048, 0.042, 0.046],
    12,
    18,
  ).skin(rigid(`${prefix}UpperArm`));
  return tube(
    points,
    profile.map(([, r]) => r),
    20,
    1,
    [0, 1, 0],
  )
    .skin(armChain(sign))
    .append(cap);
}

function armChain(sign: number) {
  const prefix = sign < 0 ? 'Left' : 'Right';
  return chain(
    (p) => p[0] * sign,
    [
      [`${prefix}Shoulder`, -Infinity],
      [`${prefix}UpperArm`, 0.1],
      [`${prefix}LowerArm`, Math.abs(ARM.lower[0])],
      [`${prefix}Hand`, 0.52],
    ],
    0.05,
  );
}

function hand(sign: number): MeshData {
  const y = ARM.hand[1];
  const palm = ellipsoid([0.578 * sign, y - 0.004, 0.002], [0.05, 0.021, 0.036], 10, 16);
  const thumb = ellipsoid([0.56 * sign, y - 0.006, -0.032], [0.024, 0.012, 0.012], 8, 10);
  const prefix = sign < 0 ? 'Left' : 'Right';
  return palm.append(thumb).skin(rigid(`${prefix}Hand`));
}

function legChain(sign: number) {
  const prefix = sign < 0 ? 'Left' : 'Right';
  return chain(
    (p) => -p[1],
    [
      [`${prefix}UpperLeg`, -Infinity],
      [`${prefix}LowerLeg`, -LEG.lower[1]],
      [`${prefix}Foot`, -LEG.foot[1] - 0.02],
    ],
    0.04,
  );
}

function leg(sign: number, from: number, to: number, grow: number): MeshData {
  const x = Math.abs(LEG.upper[0]) * sign;
  const profile: [number, number][] = [
    [0.8, 0.06],
    [0.66, 0.057],
    [0.52, 0.047],
    [0.45, 0.041],
    [0.36, 0.044],
    [0.24, 0.036],
    [0.12, 0.029],
    [0.075, 0.027],
  ];
  const part = profile.filter(([y]) => y <= from + 1e-6 && y >= to - 1e-6);
  const points = part.map(([y]): Vec3 => [x, y, y < 0.5 ? 0.004 : 0]);
  return tube(
    points,
    part.map(([, r]) => r + grow),
    18,
  ).skin(legChain(sign));
}

function shoe(sign: number): MeshData {
  const prefix = sign < 0 ? 'Left' : 'Right';
  const x = Math.abs(LEG.foot[0]) * sign;
  const shape = ellipsoid([x, 0.05, -0.028], [0.044, 0.05, 0.088], 10, 18);
  shape.transform((p) => [p[0], Math.max(p[1], 0.004), p[2]]);
  return shape.skin(
    chain(
      (p) => -p[2],
      [
        [`${prefix}Foot`, -Infinity],
        [`${prefix}Toes`, 0.05],
      ],
      0.02,
    ),
  );
}

function bow(): MeshData {
  const y = 1.128;
  const z = -0.09;
  const loopL = ellipsoid([-0.032, y + 0.004, z], [0.032, 0.019, 0.011], 8, 14);
  const loopR = ellipsoid([0.032, y + 0.004, z], [0.032, 0.019, 0.011], 8, 14);
  const knot = ellipsoid([0, y, z - 0.006], [0.012, 0.014, 0.012], 8, 12);
  const tail = (s: number): MeshData =>
    tube(
      [
        [0.006 * s, y - 0.006, z - 0.004],
        [0.02 * s, y - 0.04, z - 0.012],
        [0.03 * s, y - 0.075, z - 0.02],
      ],
      [0.011, 0.013, 0.012],
      10,
      0.3,
      [1, 0, 0],
    );
  return loopL.append(loopR).append(knot).append(tail(-1)).append(tail(1)).skin(rigid('UpperChest'));
}

/** Builds the whole body (everything below the head), skinned to the humanoid joints. */
export function buildBody(): BodyParts {
  const parts: BodyParts = new Map();
  const put = (material: string, mesh: MeshData): void => {
    const existing = parts.get(material);
    if (existing) existing.append(mesh);
    else parts.set(material, mesh);
  };
  put('top', torso());
  put('skirt', skirt());
  put('skin', neck());
  put('collar', collar());
  put('accent', bow());
  for (const { sign } of SIDES) {
    put('top', sleeve(sign));
    put('skin', hand(sign));
    put('skin', leg(sign, 0.8, 0.52, 0));
    put('socks', leg(sign, 0.52, 0.075, 0.003));
    put('shoes', shoe(sign));
  }
  return parts;
}
