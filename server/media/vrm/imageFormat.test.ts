import { describe, expect, it } from 'vitest';
import { sniffImage } from './imageFormat';
import { tinyJpeg, tinyPng } from './vrm.testkit';

describe('sniffImage', () => {
  it('reads PNG size from IHDR', () => {
    expect(sniffImage(tinyPng(300, 20))).toEqual({ mimeType: 'image/png', width: 300, height: 20 });
  });

  it('finds the JPEG frame header past other segments and fill bytes', () => {
    const jpeg = tinyJpeg(640, 480);
    // SOI, an extra comment segment and two fill bytes, then the rest of the file.
    const withNoise = Uint8Array.from([
      0xff,
      0xd8,
      0xff,
      0xfe,
      0x00,
      0x04,
      0x41,
      0x42,
      0xff,
      0xff,
      ...jpeg.subarray(2),
    ]);
    expect(sniffImage(withNoise)).toEqual({ mimeType: 'image/jpeg', width: 640, height: 480 });
  });

  it('recognises a JPEG without a frame header but reports no size', () => {
    expect(sniffImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xd9))).toEqual({ mimeType: 'image/jpeg' });
  });

  it('stops on a JPEG segment with a length below 2 instead of looping', () => {
    expect(sniffImage(Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x00, 0xff, 0xc0))).toEqual({
      mimeType: 'image/jpeg',
    });
  });

  it('reads WebP VP8L sizes', () => {
    const bytes = new Uint8Array(30);
    bytes.set(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8L'));
    bytes[20] = 0x2f;
    new DataView(bytes.buffer).setUint32(21, (99 & 0x3fff) | ((49 & 0x3fff) << 14), true);
    expect(sniffImage(bytes)).toEqual({ mimeType: 'image/webp', width: 100, height: 50 });
  });

  it('returns undefined for bytes that are no supported image', () => {
    expect(sniffImage(new TextEncoder().encode('GIF89a'))).toBeUndefined();
    expect(sniffImage(new Uint8Array(0))).toBeUndefined();
  });
});
