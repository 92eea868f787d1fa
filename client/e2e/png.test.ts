import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { count, isMouth, mouthBox } from './pixels';
import { decodePng } from './png';

/** A PNG of `w`×`h` RGB pixels from `pixel(x, y)`, every row with filter `filter` (Sub/Up/Paeth exercised). */
function png(
  w: number,
  h: number,
  pixel: (x: number, y: number) => [number, number, number],
  filter = 0,
): Uint8Array {
  const rows: number[] = [];
  let prev = new Array(w * 3).fill(0);
  for (let y = 0; y < h; y++) {
    const cur = Array.from({ length: w }, (_, x) => pixel(x, y)).flat();
    rows.push(
      filter,
      ...cur.map(
        (v, i) => (filter === 2 ? v - prev[i] : filter === 1 ? v - (i >= 3 ? cur[i - 3] : 0) : v) & 255,
      ),
    );
    prev = cur;
  }
  const chunk = (type: string, body: Uint8Array) => {
    const out = Buffer.alloc(12 + body.length);
    out.writeUInt32BE(body.length, 0);
    out.write(type, 4, 'ascii');
    Buffer.from(body).copy(out, 8);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', new Uint8Array()),
  ]);
}

describe('decodePng', () => {
  it.each([0, 1, 2])('reads back the pixels written with filter %i', (filter) => {
    const img = decodePng(png(5, 4, (x, y) => [x * 40, y * 60, 200], filter));
    expect([img.width, img.height]).toEqual([5, 4]);
    const at = (x: number, y: number) => [...img.data.subarray((y * 5 + x) * 4, (y * 5 + x) * 4 + 4)];
    expect(at(3, 2)).toEqual([120, 120, 200, 255]);
  });
});

describe('mouth finder', () => {
  it('finds an open mouth in the lower middle of a face and ignores the backdrop', () => {
    const face = (x: number, y: number) => x >= 20 && x < 80 && y >= 10 && y < 80;
    const mouth = (x: number, y: number) => x >= 44 && x < 56 && y >= 40 && y < 50;
    const img = decodePng(
      png(100, 100, (x, y) => (mouth(x, y) ? [120, 30, 50] : face(x, y) ? [240, 205, 190] : [220, 215, 240])),
    );
    const box = mouthBox(img, { x0: 0, y0: 0, x1: 100, y1: 100.5 });
    expect(box).not.toBeNull();
    expect(count(img, box!, isMouth)).toBe(120);
  });
});
