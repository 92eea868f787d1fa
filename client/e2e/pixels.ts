import type { Image } from './png';

/** A box in image pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Test = (r: number, g: number, b: number) => boolean;

/** The box clipped to the image, on whole pixels. */
function clip(img: Image, box: Box): Box {
  return {
    x0: Math.max(0, Math.round(box.x0)),
    y0: Math.max(0, Math.round(box.y0)),
    x1: Math.min(img.width, Math.round(box.x1)),
    y1: Math.min(img.height, Math.round(box.y1)),
  };
}

/** Counts the pixels in a box that pass a colour test. */
export function count(img: Image, box: Box, test: Test): number {
  let n = 0;
  const b = clip(img, box);
  for (let y = b.y0; y < b.y1; y++) {
    for (let x = b.x0; x < b.x1; x++) {
      const i = (y * img.width + x) * 4;
      if (test(img.data[i], img.data[i + 1], img.data[i + 2])) n++;
    }
  }
  return n;
}

/** The bounding box of the pixels that pass a test (null when none do). */
export function bounds(img: Image, box: Box, test: Test): Box | null {
  let found: Box | null = null;
  const c = clip(img, box);
  for (let y = c.y0; y < c.y1; y++) {
    for (let x = c.x0; x < c.x1; x++) {
      const i = (y * img.width + x) * 4;
      if (!test(img.data[i], img.data[i + 1], img.data[i + 2])) continue;
      found = found
        ? {
            x0: Math.min(found.x0, x),
            y0: Math.min(found.y0, y),
            x1: Math.max(found.x1, x + 1),
            y1: Math.max(found.y1, y + 1),
          }
        : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
    }
  }
  return found;
}

/** Skin of the default avatar: light, warm. */
export const isSkin: Test = (r, g, b) => r > 215 && g > 170 && b > 150 && r - b > 15 && r - b < 70;
/** Inside of an open mouth (and the lip line): dark, red. */
export const isMouth: Test = (r, g, b) => r > g + 45 && r > b + 35 && r < 235 && g < 125;
/** Anything clearly not the light pastel backdrop. */
export const isNotBackdrop: Test = (r, g, b) =>
  (r + g + b) / 3 < 150 || Math.max(r, g, b) - Math.min(r, g, b) > 90;

/**
 * Where the mouth is: the face is found by skin colour inside `search`; the mouth lies between
 * 40% and 80% of the face's width below its top (hair ties above, the neck and the bow below),
 * across the whole face width (the head tilts during gestures).
 */
export function mouthBox(img: Image, search: Box): Box | null {
  const face = bounds(img, search, isSkin);
  if (!face) return null;
  const w = face.x1 - face.x0;
  return { x0: face.x0, x1: face.x1, y0: Math.round(face.y0 + w * 0.4), y1: Math.round(face.y0 + w * 0.8) };
}
