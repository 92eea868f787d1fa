import type { Image } from '../../../../e2e/png';

export type RGB = [number, number, number];

/** The colour at a pixel. */
export function pixel(img: Image, x: number, y: number): RGB {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return [img.data[i], img.data[i + 1], img.data[i + 2]];
}

/** The largest per-channel difference of two colours (0–255). */
export function colorDistance(a: RGB, b: RGB): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** The colours along a row from x0 to x1 (inclusive). */
export function rowProfile(img: Image, y: number, x0: number, x1: number): RGB[] {
  const out: RGB[] = [];
  for (let x = Math.round(x0); x <= Math.round(x1); x++) out.push(pixel(img, x, y));
  return out;
}

/** A run of near-constant colour in a profile: [start, end) and its first colour. */
export interface Plateau {
  start: number;
  end: number;
  color: RGB;
}

/** Splits a profile into runs whose colours stay within `tolerance` of the run's first colour. */
export function plateaus(profile: RGB[], tolerance: number): Plateau[] {
  const runs: Plateau[] = [];
  for (let i = 0; i < profile.length;) {
    let j = i + 1;
    while (j < profile.length && colorDistance(profile[j], profile[i]) <= tolerance) j++;
    runs.push({ start: i, end: j, color: profile[i] });
    i = j;
  }
  return runs;
}

/** How far the non-background pixels reach left and right of (cx, y): the silhouette, outline included. */
export function silhouette(
  img: Image,
  cx: number,
  y: number,
  background: RGB,
  tolerance = 6,
): [number, number] {
  const isBackground = (x: number): boolean => colorDistance(pixel(img, x, y), background) <= tolerance;
  let left = Math.round(cx);
  while (left > 0 && !isBackground(left - 1)) left--;
  let right = Math.round(cx);
  while (right < img.width - 1 && !isBackground(right + 1)) right++;
  return [left, right];
}

/** Mean colour of the pixels of a row segment. */
export function meanColor(img: Image, y: number, x0: number, x1: number): RGB {
  const p = rowProfile(img, y, x0, x1);
  const sum = p.reduce((s, c) => [s[0] + c[0], s[1] + c[1], s[2] + c[2]], [0, 0, 0]);
  return sum.map((v) => Math.round(v / p.length)) as RGB;
}

/** The mean colour error between `a` over a box and `b` over the same box moved by (dx, dy). */
export function cropError(
  a: Image,
  b: Image,
  box: { x0: number; y0: number; x1: number; y1: number },
  dx = 0,
  dy = 0,
): number {
  let sum = 0;
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      sum += colorDistance(pixel(a, x, y), pixel(b, x + dx, y + dy));
      n++;
    }
  }
  return sum / n;
}
