/**
 * The binary glTF (GLB) container: a 12-byte header, a JSON chunk, an optional BIN chunk.
 * Every length in it is checked against the real byte count before anything is sliced.
 */
import { formatBytes, refuse } from './errors';
import { type VrmLimits } from './limits';

/** The two chunks a VRM consists of; views into the caller's bytes, not copies. */
export interface GlbChunks {
  json: Uint8Array;
  bin?: Uint8Array;
}

const MAGIC_GLTF = 0x46546c67; // "glTF" little-endian
const CHUNK_JSON = 0x4e4f534a; // "JSON"
const CHUNK_BIN = 0x004e4942; // "BIN\0"
const HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;

/** Splits a GLB file into its chunks, refusing anything whose lengths do not add up. */
export function readGlbContainer(bytes: Uint8Array, limits: VrmLimits): GlbChunks {
  checkHeader(bytes, limits);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let json: Uint8Array | undefined;
  let bin: Uint8Array | undefined;
  let index = 0;
  for (let offset = HEADER_BYTES; offset < bytes.byteLength; index += 1) {
    if (bytes.byteLength - offset < CHUNK_HEADER_BYTES) {
      refuse(
        'bad_chunk_length',
        `The file ends with ${bytes.byteLength - offset} stray bytes after its last chunk. Re-export the avatar.`,
        { offset },
      );
    }
    const length = view.getUint32(offset, true);
    const type = view.getUint32(offset + 4, true);
    const start = offset + CHUNK_HEADER_BYTES;
    if (length > bytes.byteLength - start) {
      refuse(
        'bad_chunk_length',
        `Chunk ${index} claims ${length} bytes but only ${bytes.byteLength - start} remain in the file. The file is damaged; re-export it.`,
        { index, length },
      );
    }
    if (length % 4 !== 0) {
      refuse(
        'bad_chunk_length',
        `Chunk ${index} is ${length} bytes long, which is not a multiple of 4 as GLB requires. Re-export the avatar.`,
        { index, length },
      );
    }
    const data = () => bytes.subarray(start, start + length);
    if (index === 0 && type !== CHUNK_JSON) {
      refuse(
        'bad_chunk_order',
        'The first chunk of the file is not its JSON chunk. The file is damaged or not a glTF binary; re-export it.',
        { index },
      );
    } else if (index === 0) {
      json = data();
    } else if (type === CHUNK_JSON) {
      refuse('bad_chunk_order', 'The file has a second JSON chunk. Re-export the avatar.', { index });
    } else if (type === CHUNK_BIN && index !== 1) {
      refuse(
        'bad_chunk_order',
        'The binary chunk must come right after the JSON chunk. Re-export the avatar.',
        { index },
      );
    } else if (type === CHUNK_BIN) {
      bin = data();
    }
    // Chunks of unknown type are skipped, as the GLB specification asks readers to do.
    offset = start + length;
  }
  if (!json)
    refuse(
      'bad_chunk_order',
      'The file has no JSON chunk after its header. The file is damaged; re-export it.',
    );
  return bin ? { json, bin } : { json };
}

function checkHeader(bytes: Uint8Array, limits: VrmLimits): void {
  const size = bytes.byteLength;
  if (size === 0) refuse('not_glb', 'The file is empty. Choose the .vrm file your exporter wrote.');
  if (size > limits.maxFileBytes) {
    refuse(
      'file_too_large',
      `The file is ${formatBytes(size, 'up')}; avatars may be at most ${formatBytes(limits.maxFileBytes, 'down')}. Reduce texture sizes in your VRM exporter.`,
      { limit: limits.maxFileBytes, actual: size },
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, size);
  if (size < HEADER_BYTES) {
    const looksLikeGlb = [...bytes.subarray(0, 4)].every((b, i) => b === 'glTF'.charCodeAt(i));
    if (looksLikeGlb)
      refuse(
        'truncated',
        `The file stops after ${size} bytes, inside its header. The upload was cut off; try again.`,
        { actual: size },
      );
    refuse('not_glb', notGlbMessage(bytes));
  }
  if (view.getUint32(0, true) !== MAGIC_GLTF) refuse('not_glb', notGlbMessage(bytes));
  const version = view.getUint32(4, true);
  if (version !== 2) {
    refuse(
      'unsupported_version',
      `The file is a glTF binary of version ${version}; VRM needs version 2. Re-export it with a current VRM exporter.`,
      { version },
    );
  }
  const declared = view.getUint32(8, true);
  if (declared > size) {
    refuse(
      'truncated',
      `The file says it is ${declared} bytes long but only ${size} bytes arrived. The upload or the download was cut off; try again.`,
      { declared, actual: size },
    );
  }
  if (declared !== size) {
    refuse(
      'bad_length',
      `The file says it is ${declared} bytes long but it is ${size} bytes. Something was appended to it; re-export the avatar.`,
      { declared, actual: size },
    );
  }
}

/** Names the common wrong files, so the message says what to do instead. */
function notGlbMessage(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 20));
  if (/^\s*[{[]/.test(head)) {
    return 'This is a text glTF/JSON file, not a binary VRM. Export the avatar as a .vrm file.';
  }
  if (head.startsWith('PK')) return 'This is a ZIP archive. Unzip it and upload the .vrm file inside.';
  if (head.startsWith('Kaydara FBX'))
    return 'This is an FBX model. Convert it to VRM (for example with UniVRM) first.';
  return 'This is not a VRM file (it does not start with the glTF binary signature). Export the avatar as .vrm.';
}
