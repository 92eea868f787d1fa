/**
 * Buffers and buffer views: the only buffer allowed is the GLB's own binary chunk, and every
 * view must lie inside it. Later checks (accessors, images) use the resolved ranges.
 */
import { refuse } from './errors';
import { asCount, asObject, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { refuseUri } from './uris';

/** A buffer view as an absolute range of the binary chunk. */
export interface ByteRange {
  start: number;
  length: number;
  /** Distance between vertex elements, when the view is interleaved. */
  stride?: number;
}

/** Checks buffers and views against the binary chunk; returns one range per buffer view. */
export function resolveBufferViews(gltf: JsonObject, bin: Uint8Array | undefined): ByteRange[] {
  const bufferLength = checkBuffers(gltf, bin);
  return listOf(gltf, 'bufferViews').map((raw, i) => {
    const view = asObject(raw);
    const what = `Buffer view ${i}`;
    const buffer = field(view, 'buffer');
    if (!isIndex(buffer, bufferLength.length)) {
      refuse(
        'bad_reference',
        `${what} points at a buffer that does not exist. The file is damaged; re-export it.`,
        { bufferView: i },
      );
    }
    const available = bufferLength[buffer];
    const start = asCount(field(view, 'byteOffset') ?? 0);
    const length = asCount(field(view, 'byteLength'));
    if (start === undefined || length === undefined || length === 0) {
      refuse(
        'bad_buffer_view',
        `${what} has a missing or invalid byte offset or length. The file is damaged; re-export it.`,
        { bufferView: i },
      );
    }
    if (start + length > available) {
      refuse(
        'bad_buffer_view',
        `${what} covers bytes ${start}–${start + length} but the binary chunk holds only ${available}. The file is damaged; re-export it.`,
        { bufferView: i, end: start + length, available },
      );
    }
    const stride = field(view, 'byteStride');
    if (stride === undefined) return { start, length };
    if (!isIndex(stride, 253) || stride < 4 || stride % 4 !== 0) {
      refuse('bad_buffer_view', `${what} has an invalid byte stride. The file is damaged; re-export it.`, {
        bufferView: i,
      });
    }
    return { start, length, stride };
  });
}

/** Returns the usable length of each buffer (only buffer 0 can exist once URIs are refused). */
function checkBuffers(gltf: JsonObject, bin: Uint8Array | undefined): number[] {
  return listOf(gltf, 'buffers').map((raw, i) => {
    const buffer = asObject(raw);
    const uri = field(buffer, 'uri');
    if (uri !== undefined) refuseUri(`Buffer ${i}`, uri);
    if (i !== 0) {
      refuse(
        'bad_buffer',
        `Buffer ${i} has no data: only the first buffer can be the file's binary chunk. Re-export the avatar.`,
        { buffer: i },
      );
    }
    const declared = asCount(field(buffer, 'byteLength'));
    if (declared === undefined) {
      refuse(
        'bad_buffer',
        'The binary buffer has a missing or invalid length. The file is damaged; re-export it.',
        { buffer: i },
      );
    }
    const available = bin?.byteLength ?? 0;
    if (declared > available) {
      refuse(
        'bad_buffer',
        `The binary buffer claims ${declared} bytes but the file carries ${available}. The file is damaged or cut off; re-export it.`,
        { buffer: i, declared, available },
      );
    }
    return declared;
  });
}
