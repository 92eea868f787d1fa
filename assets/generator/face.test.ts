import { describe, expect, it } from 'vitest';
import type { Vec3 } from './math';
import { buildFace, FACE_TARGETS, type FaceColors } from './face';

// Distinct marker colours let the test find each feature's triangles in the merged face mesh.
const C = {
  iris: [0.1, 0.2, 0.9],
  lash: [0, 0, 0.01],
  white: [0, 1, 0],
  whiteShadow: [0, 0.99, 0],
  highlight: [1, 1, 0.99],
  brow: [0.3, 0.3, 0.3],
  mouthInside: [1, 0, 0],
  lip: [0.99, 0, 0],
  tongue: [1, 0, 1],
  teeth: [0, 1, 1],
} satisfies FaceColors as FaceColors;
const face = buildFace(C);

type Feature = 'white' | 'mouth' | 'teeth' | 'tongue' | 'iris';
const isFeature = (c: Vec3, f: Feature): boolean => {
  const near = (a: Vec3 | number[], b: Vec3 | number[]) =>
    Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) < 1e-6;
  switch (f) {
    case 'white':
      return c[1] > 0.98 && c[0] < 0.01 && c[2] < 0.01;
    case 'mouth':
      return c[0] > 0.98 && c[1] < 0.01 && c[2] < 0.01;
    case 'teeth':
      return near(c, C.teeth);
    case 'tongue':
      return near(c, C.tongue);
    case 'iris':
      return c[2] > 0.3 && c[0] < 0.5 && c[1] < 0.5 && !near(c, C.lash);
  }
};

/** Front-projected area (mm²) of a feature's triangles with the given target weights, on one side (x sign) or both. */
function area(
  feature: Feature,
  weights: Partial<Record<(typeof FACE_TARGETS)[number], number>> = {},
  side = 0,
): number {
  const pos = face.positions.map((p, i) => {
    const q: Vec3 = [...p];
    for (const [name, w] of Object.entries(weights)) {
      const d = face.targets.get(name)![i];
      q[0] += d[0] * w!;
      q[1] += d[1] * w!;
      q[2] += d[2] * w!;
    }
    return q;
  });
  let sum = 0;
  for (let t = 0; t < face.indices.length; t += 3) {
    const [a, b, c] = [face.indices[t], face.indices[t + 1], face.indices[t + 2]];
    if (![a, b, c].every((v) => isFeature(face.colors[v], feature))) continue;
    if (side !== 0 && Math.sign(face.positions[a][0]) !== side) continue;
    const [pa, pb, pc] = [pos[a], pos[b], pos[c]];
    sum += Math.abs((pb[0] - pa[0]) * (pc[1] - pa[1]) - (pb[1] - pa[1]) * (pc[0] - pa[0])) / 2;
  }
  return sum * 1e6;
}

/** Vertical extent (mm) of the mouth opening. */
function mouthHeight(weights: Partial<Record<string, number>>): number {
  let lo = Infinity,
    hi = -Infinity;
  face.positions.forEach((p, i) => {
    if (!isFeature(face.colors[i], 'mouth')) return;
    let y = p[1];
    for (const [name, w] of Object.entries(weights)) y += face.targets.get(name)![i][1] * w!;
    lo = Math.min(lo, y);
    hi = Math.max(hi, y);
  });
  return (hi - lo) * 1000;
}

describe('face morph targets', () => {
  it('has every target, and a closed mouth that is a thin line at rest', () => {
    expect([...face.targets.keys()].sort()).toEqual([...FACE_TARGETS].sort());
    expect(mouthHeight({})).toBeLessThan(4);
    expect(area('teeth')).toBeLessThan(0.01);
  });

  it.each(['A', 'I', 'U', 'E', 'O'] as const)('opens the mouth visibly for %s', (v) => {
    expect(area('mouth', { [v]: 1 })).toBeGreaterThan(area('mouth') * 2.5);
    expect(mouthHeight({ [v]: 1 })).toBeGreaterThan(7);
  });

  it('shapes the vowels differently: A tallest with tongue, I widest with teeth, U and O round', () => {
    expect(mouthHeight({ A: 1 })).toBeGreaterThan(18);
    expect(area('tongue', { A: 1 })).toBeGreaterThan(20);
    expect(area('teeth', { I: 1 })).toBeGreaterThan(20);
    expect(area('mouth', { U: 1 })).toBeLessThan(area('mouth', { A: 1 }) / 2);
    expect(mouthHeight({ O: 1 })).toBeGreaterThan(mouthHeight({ I: 1 }) * 2);
  });

  it('closes both eyes on Blink, one eye on Blink_L / Blink_R, and both on Joy', () => {
    const open = area('white');
    expect(open).toBeGreaterThan(500);
    expect(area('white', { Blink: 1 })).toBeLessThan(open * 0.02);
    expect(area('iris', { Blink: 1 })).toBeLessThan(area('iris') * 0.02);
    expect(area('white', { Blink: 0.5 })).toBeGreaterThan(open * 0.3);
    // The character's left eye is at −X.
    expect(area('white', { Blink_L: 1 }, -1)).toBeLessThan(open * 0.01);
    expect(area('white', { Blink_L: 1 }, 1)).toBeCloseTo(area('white', {}, 1), 3);
    expect(area('white', { Blink_R: 1 }, 1)).toBeLessThan(open * 0.01);
    expect(area('white', { Joy: 1 })).toBeLessThan(open * 0.02);
  });

  it('widens the eyes when surprised and narrows them when relaxed or angry', () => {
    const open = area('white');
    expect(area('white', { Surprised: 1 })).toBeGreaterThan(open * 1.1);
    expect(area('white', { Fun: 1 })).toBeLessThan(open * 0.75);
    expect(area('white', { Angry: 1 })).toBeLessThan(open * 0.9);
  });

  it('moves the irises toward the character\u2019s left (−X) on LookLeft', () => {
    const irisX = (w: number) => {
      let sum = 0,
        n = 0;
      face.positions.forEach((p, i) => {
        if (isFeature(face.colors[i], 'iris')) {
          sum += p[0] + face.targets.get('LookLeft')![i][0] * w;
          n++;
        }
      });
      return sum / n;
    };
    expect(irisX(1) - irisX(0)).toBeLessThan(-0.003);
  });
});
