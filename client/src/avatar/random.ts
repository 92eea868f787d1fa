/** A source of uniform numbers in [0, 1); inject a seeded one for reproducible motion in tests. */
export type RandomSource = () => number;

/** A small seeded PRNG (mulberry32). */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Uniform number in [lo, hi). */
export const between = (random: RandomSource, lo: number, hi: number): number => lo + (hi - lo) * random();
