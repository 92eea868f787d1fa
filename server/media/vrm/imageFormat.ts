/**
 * Recognises image bytes by their signature and reads their pixel size from the header,
 * without decoding anything. A browser trusts bytes, not the declared mimeType, so the two
 * must agree before an image reaches a room.
 */

/** Image types an avatar may carry: PNG and JPEG always, KTX2 and WebP behind their extensions. */
export type ImageMimeType = 'image/png' | 'image/jpeg' | 'image/ktx2' | 'image/webp';

/** What the header says; width/height are absent when the header is damaged. */
export interface ImageInfo {
  mimeType: ImageMimeType;
  width?: number;
  height?: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KTX2_SIGNATURE = [0xab, 0x4b, 0x54, 0x58, 0x20, 0x32, 0x30, 0xbb, 0x0d, 0x0a, 0x1a, 0x0a];

/** Identifies `bytes` as one of the supported image types, or returns undefined. */
export function sniffImage(bytes: Uint8Array): ImageInfo | undefined {
  if (startsWith(bytes, PNG_SIGNATURE)) return { mimeType: 'image/png', ...pngSize(bytes) };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { mimeType: 'image/jpeg', ...jpegSize(bytes) };
  if (startsWith(bytes, KTX2_SIGNATURE)) return { mimeType: 'image/ktx2', ...ktx2Size(bytes) };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP')
    return { mimeType: 'image/webp', ...webpSize(bytes) };
  return undefined;
}

type Size = { width: number; height: number } | Record<string, never>;

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return at + length <= bytes.length ? String.fromCharCode(...bytes.subarray(at, at + length)) : '';
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function pngSize(bytes: Uint8Array): Size {
  // The first chunk must be IHDR: width and height are big-endian at 16 and 20.
  if (bytes.length < 24 || ascii(bytes, 12, 4) !== 'IHDR') return {};
  return { width: view(bytes).getUint32(16), height: view(bytes).getUint32(20) };
}

/** Walks JPEG segments (bounded by the byte count) until a start-of-frame marker. */
function jpegSize(bytes: Uint8Array): Size {
  const data = view(bytes);
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return {};
    const marker = bytes[at + 1];
    if (marker === 0xff) {
      at += 1;
      continue;
    } // fill byte
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    } // no payload
    if (marker === 0xd9 || marker === 0xda) return {}; // end of image / scan data before any frame
    const length = data.getUint16(at + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (at + 9 > bytes.length) return {};
      return { height: data.getUint16(at + 5), width: data.getUint16(at + 7) };
    }
    if (length < 2) return {};
    at += 2 + length;
  }
  return {};
}

function ktx2Size(bytes: Uint8Array): Size {
  if (bytes.length < 28) return {};
  // pixelHeight 0 means a 1D texture; count it as one row.
  return { width: view(bytes).getUint32(20, true), height: Math.max(1, view(bytes).getUint32(24, true)) };
}

function webpSize(bytes: Uint8Array): Size {
  const data = view(bytes);
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const read24 = (at: number) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
    return { width: read24(24) + 1, height: read24(27) + 1 };
  }
  if (chunk === 'VP8L' && bytes.length >= 25 && bytes[20] === 0x2f) {
    const bits = data.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (
    chunk === 'VP8 ' &&
    bytes.length >= 30 &&
    bytes[23] === 0x9d &&
    bytes[24] === 0x01 &&
    bytes[25] === 0x2a
  ) {
    return { width: data.getUint16(26, true) & 0x3fff, height: data.getUint16(28, true) & 0x3fff };
  }
  return {};
}
