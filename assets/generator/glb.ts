import { Format, NodeIO, type Document } from '@gltf-transform/core';

/** The glTF JSON as a plain object, for additions gltf-transform does not model (VRM, unlit). */
export type GltfJson = Record<string, unknown> & {
  nodes?: { name?: string }[];
  meshes?: { name?: string }[];
  materials?: { name?: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
  extensionsUsed?: string[];
};

/** Writes the document as GLB after letting `edit` change its JSON (indices are final by then). */
export async function writeGlb(doc: Document, edit: (json: GltfJson) => void): Promise<Uint8Array> {
  const io = new NodeIO();
  const { json, resources } = await io.writeJSON(doc, { format: Format.GLB });
  edit(json as unknown as GltfJson);
  const bins = Object.values(resources);
  if (bins.length !== 1) throw new Error(`expected one binary buffer, got ${bins.length}`);
  return packGlb(json, bins[0]);
}

/** Packs a JSON document and its single binary buffer into GLB 2.0 bytes. */
export function packGlb(json: unknown, bin: Uint8Array): Uint8Array {
  const jsonBytes = pad(new TextEncoder().encode(JSON.stringify(json)), 0x20);
  const binBytes = pad(bin, 0);
  const total = 12 + 8 + jsonBytes.length + 8 + binBytes.length;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x46546c67, true);
  view.setUint32(4, 2, true);
  view.setUint32(8, total, true);
  view.setUint32(12, jsonBytes.length, true);
  view.setUint32(16, 0x4e4f534a, true);
  out.set(jsonBytes, 20);
  const binStart = 20 + jsonBytes.length;
  view.setUint32(binStart, binBytes.length, true);
  view.setUint32(binStart + 4, 0x004e4942, true);
  out.set(binBytes, binStart + 8);
  return out;
}

function pad(bytes: Uint8Array, fill: number): Uint8Array {
  const length = Math.ceil(bytes.length / 4) * 4;
  if (length === bytes.length) return bytes;
  const out = new Uint8Array(length).fill(fill);
  out.set(bytes);
  return out;
}
