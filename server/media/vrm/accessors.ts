/**
 * Accessors: typed windows onto buffer views. Each must fit inside its view, be aligned the
 * way typed arrays need, and the sum of what they decode to must stay bounded (an accessor
 * with no buffer view decodes to zeros and costs nothing in the file, whatever its count).
 */
import { type ByteRange } from './bufferViews';
import { formatBytes, refuse } from './errors';
import { asCount, asObject, asString, describe, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmLimits } from './limits';

const COMPONENT_BYTES: Readonly<Record<number, number>> = {
  5120: 1,
  5121: 1,
  5122: 2,
  5123: 2,
  5125: 4,
  5126: 4,
};
const TYPE_COMPONENTS: Readonly<Record<string, number>> = {
  SCALAR: 1,
  VEC2: 2,
  VEC3: 3,
  VEC4: 4,
  MAT2: 4,
  MAT3: 9,
  MAT4: 16,
};
const SPARSE_INDEX_BYTES: Readonly<Record<number, number>> = { 5121: 1, 5123: 2, 5125: 4 };
/** Above this count the arithmetic below could lose precision; no real accessor comes close. */
const MAX_COUNT = 2 ** 32;

/** What the accessor checks learned: element counts (for vertex totals) and decoded bytes. */
export interface AccessorStats {
  counts: number[];
  decodedBytes: number;
}

/** Checks every accessor's type, range and alignment, and the total decoded size. */
export function checkAccessors(gltf: JsonObject, views: ByteRange[], limits: VrmLimits): AccessorStats {
  let decodedBytes = 0;
  const counts = listOf(gltf, 'accessors').map((raw, i) => {
    const accessor = asObject(raw);
    const what = `Accessor ${i}`;
    const componentBytes = lookup(COMPONENT_BYTES, field(accessor, 'componentType'));
    const type = asString(field(accessor, 'type'));
    const components = lookup(TYPE_COMPONENTS, type);
    const count = asCount(field(accessor, 'count'));
    if (componentBytes === undefined || components === undefined || count === undefined) {
      refuse(
        'bad_accessor',
        `${what} has an invalid component type, type or count. The file is damaged; re-export it.`,
        { accessor: i },
      );
    }
    const elementBytes = elementSize(type as string, components, componentBytes);
    decodedBytes += Math.min(count, MAX_COUNT) * elementBytes;
    if (count > MAX_COUNT || decodedBytes > limits.maxAccessorBytes) {
      refuse(
        'too_much_geometry',
        `The avatar's geometry decodes to more than ${formatBytes(limits.maxAccessorBytes, 'down')}. Reduce polygons and blend shapes (shape keys) before exporting.`,
        { limit: limits.maxAccessorBytes, accessor: i },
      );
    }
    checkRange(accessor, what, views, { count, elementBytes, componentBytes });
    checkSparse(asObject(field(accessor, 'sparse')), what, views, count, elementBytes);
    return count;
  });
  return { counts, decodedBytes };
}

/** A table entry for a key read from the file; own entries only, so "toString" finds nothing. */
function lookup(table: Readonly<Record<string | number, number>>, key: unknown): number | undefined {
  return (typeof key === 'string' || typeof key === 'number') && Object.hasOwn(table, key)
    ? table[key]
    : undefined;
}

/** Bytes per element, including the column padding glTF requires for small matrices. */
function elementSize(type: string, components: number, componentBytes: number): number {
  if (type === 'MAT2' && componentBytes === 1) return 8;
  if (type === 'MAT3' && componentBytes === 1) return 12;
  if (type === 'MAT3' && componentBytes === 2) return 24;
  return components * componentBytes;
}

interface Shape {
  count: number;
  elementBytes: number;
  componentBytes: number;
}

function checkRange(accessor: JsonObject | undefined, what: string, views: ByteRange[], shape: Shape): void {
  const viewIndex = field(accessor, 'bufferView');
  if (viewIndex === undefined) return; // all zeros (or filled by sparse / compression extensions)
  if (!isIndex(viewIndex, views.length)) {
    refuse(
      'bad_reference',
      `${what} points at a buffer view that does not exist. The file is damaged; re-export it.`,
      { bufferView: describe(viewIndex) },
    );
  }
  const view = views[viewIndex];
  const offset = asCount(field(accessor, 'byteOffset') ?? 0);
  if (offset === undefined || (view.start + offset) % shape.componentBytes !== 0) {
    refuse(
      'bad_accessor',
      `${what} starts at a misaligned or invalid byte offset. The file is damaged; re-export it.`,
      { bufferView: viewIndex },
    );
  }
  const stride = view.stride ?? shape.elementBytes;
  if (stride < shape.elementBytes) {
    refuse(
      'bad_accessor',
      `${what} has elements larger than its buffer view's stride. The file is damaged; re-export it.`,
      { bufferView: viewIndex },
    );
  }
  const end = shape.count === 0 ? offset : offset + stride * (shape.count - 1) + shape.elementBytes;
  if (end > view.length) {
    refuse(
      'bad_accessor',
      `${what} reads ${end} bytes from buffer view ${viewIndex}, which holds only ${view.length}. The file is damaged; re-export it.`,
      { bufferView: viewIndex, end, available: view.length },
    );
  }
}

function checkSparse(
  sparse: JsonObject | undefined,
  what: string,
  views: ByteRange[],
  count: number,
  elementBytes: number,
): void {
  if (sparse === undefined) return;
  const sparseCount = asCount(field(sparse, 'count'));
  const indices = asObject(field(sparse, 'indices'));
  const values = asObject(field(sparse, 'values'));
  const indexBytes = lookup(SPARSE_INDEX_BYTES, field(indices, 'componentType'));
  if (sparseCount === undefined || sparseCount > count || indexBytes === undefined || !values) {
    refuse('bad_accessor', `${what} has an invalid sparse section. The file is damaged; re-export it.`);
  }
  for (const [part, bytes] of [
    [indices, indexBytes],
    [values, elementBytes],
  ] as const) {
    const viewIndex = field(part, 'bufferView');
    const offset = asCount(field(part, 'byteOffset') ?? 0);
    if (
      !isIndex(viewIndex, views.length) ||
      offset === undefined ||
      offset + sparseCount * bytes > views[viewIndex].length
    ) {
      refuse(
        'bad_accessor',
        `${what} has a sparse section outside its buffer view. The file is damaged; re-export it.`,
      );
    }
  }
}
