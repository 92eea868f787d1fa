/**
 * Test kit, byte level: writes GLB containers (honest or lying), reopens real ones for
 * mutation, and makes tiny PNG/JPEG images.
 */
import { deflateSync } from 'node:zlib';

/** A GLB's two parts before encoding; tests mutate `json` freely. */
export interface GlbDocument {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests poke arbitrary glTF fields
  json: Record<string, any>;
  bin?: Uint8Array;
}

/** One chunk exactly as it will be written; `length` overrides the real length (to lie). */
export interface RawChunk {
  type: 'JSON' | 'BIN' | number;
  data: Uint8Array;
  length?: number;
}

/** Header overrides for hostile files. */
export interface GlbHeader {
  magic?: string;
  version?: number;
  /** Declared total length; defaults to the real one. */
  totalLength?: number;
}

const CHUNK_TYPES = { JSON: 0x4e4f534a, BIN: 0x004e4942 } as const;

/** Writes header + chunks with no padding or checks of its own, so tests control every byte. */
export function encodeChunks(chunks: RawChunk[], header: GlbHeader = {}): Uint8Array {
  const size = 12 + chunks.reduce((sum, c) => sum + 8 + c.data.byteLength, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode((header.magic ?? 'glTF').padEnd(4, '\0').slice(0, 4)), 0);
  view.setUint32(4, header.version ?? 2, true);
  view.setUint32(8, header.totalLength ?? size, true);
  let at = 12;
  for (const chunk of chunks) {
    view.setUint32(at, chunk.length ?? chunk.data.byteLength, true);
    view.setUint32(at + 4, typeof chunk.type === 'number' ? chunk.type : CHUNK_TYPES[chunk.type], true);
    out.set(chunk.data, at + 8);
    at += 8 + chunk.data.byteLength;
  }
  return out;
}

/** Pads to a multiple of 4 with `fill` (spaces for JSON, zeros for BIN), as GLB requires. */
export function pad4(data: Uint8Array, fill = 0): Uint8Array {
  const padded = new Uint8Array(Math.ceil(data.byteLength / 4) * 4).fill(fill);
  padded.set(data);
  return padded;
}

/** The JSON chunk bytes for a value, padded with spaces. */
export function jsonChunkBytes(json: unknown): Uint8Array {
  return pad4(new TextEncoder().encode(JSON.stringify(json)), 0x20);
}

/** Encodes a well-formed GLB (header overrides still apply). */
export function encodeGlb(doc: GlbDocument, header: GlbHeader = {}): Uint8Array {
  const chunks: RawChunk[] = [{ type: 'JSON', data: jsonChunkBytes(doc.json) }];
  if (doc.bin) chunks.push({ type: 'BIN', data: pad4(doc.bin) });
  return encodeChunks(chunks, header);
}

/** Reopens a (trusted, well-formed) GLB as a mutable document; the BIN chunk is copied. */
export function decodeGlb(bytes: Uint8Array): GlbDocument {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const jsonLength = view.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + jsonLength)));
  const binAt = 20 + jsonLength;
  if (binAt + 8 > bytes.byteLength) return { json };
  const binLength = view.getUint32(binAt, true);
  return { json, bin: bytes.slice(binAt + 8, binAt + 8 + binLength) };
}

/** Reopens `bytes`, lets `mutate` change the document, and encodes it again. */
export function mutateGlb(bytes: Uint8Array, mutate: (doc: GlbDocument) => void): Uint8Array {
  const doc = decodeGlb(bytes);
  mutate(doc);
  return encodeGlb(doc);
}

/** Appends `data` to `doc.bin` (4-byte aligned) as a new buffer view; returns its index. */
export function appendBufferView(doc: GlbDocument, data: Uint8Array): number {
  const start = pad4(doc.bin ?? new Uint8Array(0)).byteLength;
  const bin = new Uint8Array(start + data.byteLength);
  if (doc.bin) bin.set(doc.bin);
  bin.set(data, start);
  doc.bin = bin;
  doc.json.buffers = [{ byteLength: bin.byteLength }];
  doc.json.bufferViews ??= [];
  doc.json.bufferViews.push({ buffer: 0, byteOffset: start, byteLength: data.byteLength });
  return doc.json.bufferViews.length - 1;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.byteLength);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.byteLength);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.byteLength, crc32(out.subarray(4, 8 + data.byteLength)));
  return out;
}

/** A real, decodable RGBA PNG of the given size (one flat colour). */
export function tinyPng(width = 1, height = 1): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, deflate, no filter, no interlace
  const rows = new Uint8Array((width * 4 + 1) * height).fill(0x80);
  for (let y = 0; y < height; y += 1) rows[y * (width * 4 + 1)] = 0; // filter type "none"
  const signature = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
  const parts = [
    signature,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', new Uint8Array(0)),
  ];
  return concat(parts);
}

/** JPEG header bytes (SOI, JFIF, frame header with the size, EOI): enough to identify, not to decode. */
export function tinyJpeg(width = 1, height = 1): Uint8Array {
  const jfif = [
    0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00,
    0x00,
  ];
  const frame = [
    0xff,
    0xc0,
    0x00,
    0x0b,
    0x08,
    height >> 8,
    height & 0xff,
    width >> 8,
    width & 0xff,
    0x01,
    0x01,
    0x11,
    0x00,
  ];
  return Uint8Array.from([0xff, 0xd8, ...jfif, ...frame, 0xff, 0xd9]);
}

/** Concatenates byte arrays. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
