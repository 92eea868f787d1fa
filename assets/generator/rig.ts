import { smoothstep, type Vec3 } from './math';
import type { SkinFn, SkinInfluence } from './meshData';

/** One joint of the skeleton, with its rest position in model space (VRM 0.x: +Y up, facing −Z). */
export interface BoneDef {
  name: string;
  parent: string | null;
  position: Vec3;
  /** VRM 0.x humanoid bone name, when this joint is one. */
  human?: string;
}

/** Where the body's joints sit (metres). The character's left side is −X. */
const SPINE: BoneDef[] = [
  { name: 'Hips', parent: null, position: [0, 0.8, 0], human: 'hips' },
  { name: 'Spine', parent: 'Hips', position: [0, 0.88, 0], human: 'spine' },
  { name: 'Chest', parent: 'Spine', position: [0, 0.98, 0], human: 'chest' },
  { name: 'UpperChest', parent: 'Chest', position: [0, 1.07, 0], human: 'upperChest' },
  { name: 'Neck', parent: 'UpperChest', position: [0, 1.19, 0.005], human: 'neck' },
  { name: 'Head', parent: 'Neck', position: [0, 1.262, 0.005], human: 'head' },
];

/** Arm joints of the character's left side (mirrored for the right). */
export const ARM = {
  shoulder: [-0.025, 1.165, 0],
  upper: [-0.105, 1.158, 0],
  lower: [-0.33, 1.158, 0],
  hand: [-0.535, 1.158, 0],
} as const;
/** Leg joints of the character's left side (mirrored for the right). */
export const LEG = {
  upper: [-0.075, 0.765, 0],
  lower: [-0.075, 0.44, 0],
  foot: [-0.075, 0.085, 0.005],
  toes: [-0.075, 0.02, -0.075],
} as const;
/** Centre of the head sphere and its radii. */
export const HEAD = { center: [0, 1.341, -0.004] as Vec3, radii: [0.119, 0.121, 0.116] as Vec3 };

/** Left/right prefixes for bone names and the sign of X on that side. */
export const SIDES = [
  { side: 'left', prefix: 'Left', sign: -1 },
  { side: 'right', prefix: 'Right', sign: 1 },
] as const;

const withSign = (p: readonly number[], sign: number): Vec3 => [Math.abs(p[0]) * sign, p[1], p[2]];

/** The humanoid skeleton (22 joints: 17 required + upperChest, shoulders, toes). */
export function humanoidBones(): BoneDef[] {
  const bones: BoneDef[] = [...SPINE];
  for (const { side, prefix, sign } of SIDES) {
    bones.push(
      {
        name: `${prefix}Shoulder`,
        parent: 'UpperChest',
        position: withSign(ARM.shoulder, sign),
        human: `${side}Shoulder`,
      },
      {
        name: `${prefix}UpperArm`,
        parent: `${prefix}Shoulder`,
        position: withSign(ARM.upper, sign),
        human: `${side}UpperArm`,
      },
      {
        name: `${prefix}LowerArm`,
        parent: `${prefix}UpperArm`,
        position: withSign(ARM.lower, sign),
        human: `${side}LowerArm`,
      },
      {
        name: `${prefix}Hand`,
        parent: `${prefix}LowerArm`,
        position: withSign(ARM.hand, sign),
        human: `${side}Hand`,
      },
      {
        name: `${prefix}UpperLeg`,
        parent: 'Hips',
        position: withSign(LEG.upper, sign),
        human: `${side}UpperLeg`,
      },
      {
        name: `${prefix}LowerLeg`,
        parent: `${prefix}UpperLeg`,
        position: withSign(LEG.lower, sign),
        human: `${side}LowerLeg`,
      },
      {
        name: `${prefix}Foot`,
        parent: `${prefix}LowerLeg`,
        position: withSign(LEG.foot, sign),
        human: `${side}Foot`,
      },
      {
        name: `${prefix}Toes`,
        parent: `${prefix}Foot`,
        position: withSign(LEG.toes, sign),
        human: `${side}Toes`,
      },
    );
  }
  return bones;
}

/** All weight on one bone. */
export const rigid =
  (bone: string): SkinFn =>
  () => [[bone, 1]];

/**
 * Weights along a chain: `stops` are [bone, coordinate where it starts] in increasing order of
 * the coordinate `coord(p)`; neighbours blend over ±`blend` around each start.
 */
export function chain(coord: (p: Vec3) => number, stops: [string, number][], blend: number): SkinFn {
  return (p) => {
    const s = coord(p);
    let i = 0;
    while (i + 1 < stops.length && s >= stops[i + 1][1]) i++;
    const result: SkinInfluence = [];
    const prevBoundary = stops[i][1];
    const nextBoundary = i + 1 < stops.length ? stops[i + 1][1] : Infinity;
    if (i > 0 && s < prevBoundary + blend) {
      const t = smoothstep(prevBoundary - blend, prevBoundary + blend, s);
      result.push([stops[i - 1][0], 1 - t], [stops[i][0], t]);
    } else if (s > nextBoundary - blend) {
      const t = smoothstep(nextBoundary - blend, nextBoundary + blend, s);
      result.push([stops[i][0], 1 - t], [stops[i + 1][0], t]);
    } else {
      result.push([stops[i][0], 1]);
    }
    return result.filter(([, w]) => w > 1e-4);
  };
}
