import { add, clamp, dot, length, lerp, lerp3, sub, type Vec3 } from './math';
import type { SkinInfluence } from './meshData';
import type { MeshData } from './meshData';
import type { BoneDef } from './rig';
import { tube } from './shapes';

/** A spring-bone group as VRM 0.x `secondaryAnimation.boneGroups` describes it (bones by name). */
export interface SpringGroup {
  comment: string;
  roots: string[];
  stiffness: number;
  gravityPower: number;
  dragForce: number;
  hitRadius: number;
}

/** A strand of hair on a chain of joints: its mesh (skinned to the chain) and its bones. */
export interface Strand {
  mesh: MeshData;
  bones: BoneDef[];
  root: string;
}

/** Options of one strand: joints (first = root, last = tip), the thickest radius, flattening. */
export interface StrandOptions {
  name: string;
  joints: Vec3[];
  maxRadius: number;
  flatten?: number;
  /** Direction of the wide side of a flattened strand. */
  hint?: Vec3;
  /** Relative radius at the root (0..1). */
  rootRadius?: number;
  segments?: number;
}

/** Catmull-Rom samples through the joints, `per` samples per segment. */
function spline(joints: Vec3[], per: number): Vec3[] {
  const out: Vec3[] = [];
  const p = (i: number): Vec3 => joints[Math.max(0, Math.min(joints.length - 1, i))];
  for (let i = 0; i + 1 < joints.length; i++) {
    const [p0, p1, p2, p3] = [p(i - 1), p(i), p(i + 1), p(i + 2)];
    for (let k = 0; k < per; k++) {
      const t = k / per;
      const t2 = t * t,
        t3 = t2 * t;
      const c = (a: number, b: number, cc: number, d: number): number =>
        0.5 * (2 * b + (-a + cc) * t + (2 * a - 5 * b + 4 * cc - d) * t2 + (-a + 3 * b - 3 * cc + d) * t3);
      out.push([c(p0[0], p1[0], p2[0], p3[0]), c(p0[1], p1[1], p2[1], p3[1]), c(p0[2], p1[2], p2[2], p3[2])]);
    }
  }
  out.push(joints[joints.length - 1]);
  return out;
}

/** Skin weights along a polyline of joints: segment i belongs to bone i, blended near joints. */
export function chainSkin(joints: Vec3[], bones: string[], blend = 0.3) {
  return (p: Vec3): SkinInfluence => {
    let best = { d: Infinity, i: 0, t: 0 };
    for (let i = 0; i + 1 < joints.length; i++) {
      const seg = sub(joints[i + 1], joints[i]);
      const t = clamp(dot(sub(p, joints[i]), seg) / dot(seg, seg));
      const d = length(sub(p, lerp3(joints[i], joints[i + 1], t)));
      if (d < best.d) best = { d, i, t };
    }
    const { i, t } = best;
    const bone = (k: number): string => bones[Math.min(bones.length - 1, Math.max(0, k))];
    if (t < blend && i > 0) {
      const w = 0.5 + (0.5 * t) / blend;
      return [
        [bone(i), w],
        [bone(i - 1), 1 - w],
      ];
    }
    if (t > 1 - blend && i + 2 < joints.length) {
      const w = 0.5 + (0.5 * (1 - t)) / blend;
      return [
        [bone(i), w],
        [bone(i + 1), 1 - w],
      ];
    }
    return [[bone(i), 1]];
  };
}

/** Builds a tapered strand with one bone per joint (the last joint is an unskinned end bone). */
export function buildStrand(o: StrandOptions, parent: string): Strand {
  const samples = spline(o.joints, 6);
  const root = o.rootRadius ?? 0.55;
  const radii = samples.map((_, i) => {
    const s = i / (samples.length - 1);
    return o.maxRadius * (s < 0.25 ? lerp(root, 1, s / 0.25) : Math.pow((1 - s) / 0.75, 0.6));
  });
  radii[radii.length - 1] = 0;
  const mesh = tube(
    samples,
    radii.map((r) => Math.max(r, 0)),
    o.segments ?? 14,
    o.flatten ?? 0.85,
    o.hint,
  );
  const names = o.joints.map((_, i) => (i + 1 < o.joints.length ? `${o.name}${i + 1}` : `${o.name}End`));
  mesh.skin(chainSkin(o.joints, names));
  const bones: BoneDef[] = o.joints.map((position, i) => ({
    name: names[i],
    parent: i === 0 ? parent : names[i - 1],
    position,
  }));
  return { mesh, bones, root: names[0] };
}

/** Joints from a start point and successive offsets. */
export function walk(start: Vec3, ...steps: Vec3[]): Vec3[] {
  const out = [start];
  for (const s of steps) out.push(add(out[out.length - 1], s));
  return out;
}

/** Mirrors offsets for the other side. */
export const side = (v: Vec3, sign: number): Vec3 => [v[0] * sign, v[1], v[2]];
