import { add, normalize, scale, sub, type Vec3 } from './math';
import { MeshData } from './meshData';
import type { BoneDef } from './rig';
import { HEAD, rigid } from './rig';
import { ellipsoid } from './shapes';
import { buildCap, capOuterPoint, type CapShape } from './hairCap';
import { buildStrand, side, walk, type SpringGroup, type Strand } from './hairStrands';

/** Hairstyles the generator knows. */
export type HairKind = 'twinTails' | 'ponytail' | 'bob';

/** Everything the hair adds to the avatar. */
export interface Hair {
  /** Hair-coloured geometry (vertex colours carry shading), and accent-coloured ties/pins. */
  mesh: MeshData;
  ties: MeshData;
  bones: BoneDef[];
  springs: SpringGroup[];
}

const DEG = Math.PI / 180;
const CAPS: Record<HairKind, CapShape> = {
  twinTails: { side: 100, back: 116, bangBase: 63, bangTip: 15, bangWidth: 15 },
  ponytail: { side: 98, back: 112, bangBase: 60, bangTip: 17, bangWidth: 18 },
  bob: { side: 114, back: 124, bangBase: 64, bangTip: 13, bangWidth: 12 },
};

/** A point on the cap's outer surface, pushed `inset` metres towards the head centre. */
function onCap(shape: CapShape, u: number, phiDeg: number, inset: number): Vec3 {
  const p = capOuterPoint(shape, u, phiDeg * DEG);
  return sub(p, scale(normalize(sub(p, HEAD.center)), inset));
}

function sideLocks(shape: CapShape, length: number): Strand[] {
  return [1, -1].map((sign) => {
    const root = onCap(shape, 0.93, sign * 58, 0.006);
    const joints = walk(
      root,
      side([0.006, -0.05 * length, -0.004], sign),
      side([0.004, -0.055 * length, 0.002], sign),
      side([-0.002, -0.035 * length, 0.004], sign),
    );
    return buildStrand(
      {
        name: sign > 0 ? 'HairSideR' : 'HairSideL',
        joints,
        maxRadius: 0.017,
        flatten: 0.4,
        hint: [0, 0, 1],
        rootRadius: 0.8,
      },
      'Head',
    );
  });
}

function ahoge(shape: CapShape): Strand {
  const root = onCap(shape, 0.12, 25, 0.004);
  const joints = walk(root, [0.004, 0.03, -0.018], [0.014, 0.014, -0.024], [0.014, -0.006, -0.01]);
  return buildStrand(
    {
      name: 'HairAhoge',
      joints,
      maxRadius: 0.0065,
      flatten: 0.45,
      hint: [1, 0, 0],
      rootRadius: 0.9,
      segments: 10,
    },
    'Head',
  );
}

function twinTails(shape: CapShape): Strand[] {
  return [1, -1].map((sign) => {
    const root = onCap(shape, 0.62, sign * 108, 0.012);
    const joints = walk(
      root,
      side([0.04, -0.07, 0.035], sign),
      side([0.03, -0.13, 0.02], sign),
      side([0.004, -0.15, 0.004], sign),
      side([-0.012, -0.14, -0.006], sign),
    );
    return buildStrand(
      {
        name: sign > 0 ? 'HairTailR' : 'HairTailL',
        joints,
        maxRadius: 0.047,
        flatten: 0.8,
        hint: [0, 0, 1],
        rootRadius: 0.45,
        segments: 18,
      },
      'Head',
    );
  });
}

function ponytail(shape: CapShape): Strand[] {
  const root = onCap(shape, 0.55, 180, 0.014);
  const joints = walk(root, [0, -0.03, 0.07], [0, -0.13, 0.035], [0, -0.15, 0.0], [0, -0.13, -0.012]);
  return [
    buildStrand(
      {
        name: 'HairTail',
        joints,
        maxRadius: 0.055,
        flatten: 0.75,
        hint: [1, 0, 0],
        rootRadius: 0.4,
        segments: 18,
      },
      'Head',
    ),
  ];
}

/** A scrunchie around the first joint of a tail. */
function tie(strand: Strand): MeshData {
  const [a, b] = [strand.bones[0].position, strand.bones[1].position];
  const up = normalize(sub(b, a));
  const right = normalize([up[1], -up[0], 0]);
  return ellipsoid(add(a, scale(up, 0.012)), [0.03, 0.016, 0.03], 8, 16, {
    up,
    right: Math.hypot(...right) > 0.1 ? right : [1, 0, 0],
  });
}

function hairPin(): MeshData {
  const p = onCap(CAPS.bob, 0.7, -62, -0.002);
  const a = ellipsoid(p, [0.022, 0.006, 0.004], 6, 12, { up: [0.5, 0.85, 0], right: [0.85, -0.5, 0] });
  const b = ellipsoid(add(p, [0.0, -0.003, -0.001]), [0.022, 0.006, 0.004], 6, 12, {
    up: [-0.5, 0.85, 0],
    right: [0.85, 0.5, 0],
  });
  return a.append(b);
}

/** Builds a hairstyle in the given (linear) hair colour. */
export function buildHair(kind: HairKind, color: Vec3): Hair {
  const shape = CAPS[kind];
  const mesh = buildCap(shape, color);
  const ties = new MeshData();
  const locks = sideLocks(shape, kind === 'bob' ? 1.25 : 1);
  const tails = kind === 'twinTails' ? twinTails(shape) : kind === 'ponytail' ? ponytail(shape) : [];
  const extras = [ahoge(shape)];
  const shaded = (m: MeshData, k: number): MeshData =>
    m.paint((_p, i) => scale(color, k * (i % 7 === 0 ? 0.97 : 1)));
  for (const s of [...locks, ...tails, ...extras]) mesh.append(shaded(s.mesh, 1));
  for (const t of tails) ties.append(tie(t));
  if (kind === 'bob') ties.append(hairPin());
  ties.skin(rigid('Head'));
  const springs: SpringGroup[] = [];
  if (tails.length)
    springs.push({
      comment: 'tails',
      roots: tails.map((t) => t.root),
      stiffness: 0.9,
      gravityPower: 0.25,
      dragForce: 0.45,
      hitRadius: 0.03,
    });
  springs.push({
    comment: 'side locks',
    roots: locks.map((t) => t.root),
    stiffness: 1.6,
    gravityPower: 0.15,
    dragForce: 0.5,
    hitRadius: 0.015,
  });
  springs.push({
    comment: 'ahoge',
    roots: extras.map((t) => t.root),
    stiffness: 2.5,
    gravityPower: 0,
    dragForce: 0.3,
    hitRadius: 0.005,
  });
  return { mesh, ties, bones: [...locks, ...tails, ...extras].flatMap((s) => s.bones), springs };
}
