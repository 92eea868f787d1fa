/**
 * Images and textures: counted, embedded only, typed by their real bytes, and no larger than
 * a phone's GPU can take.
 */
import { type ByteRange } from './bufferViews';
import { refuse } from './errors';
import { type ImageMimeType, sniffImage } from './imageFormat';
import { asObject, asString, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmLimits } from './limits';
import { refuseUri } from './uris';

/** An image that passed every check, with its bytes (a view into the file). */
export interface CheckedImage {
  mimeType: ImageMimeType;
  width: number;
  height: number;
  bytes: Uint8Array;
}

/** Extensions that make a non-core image type legal, and the texture field they use. */
const EXTENSION_TYPES: ReadonlyArray<[ImageMimeType, string]> = [
  ['image/ktx2', 'KHR_texture_basisu'],
  ['image/webp', 'EXT_texture_webp'],
];

const TYPE_NAMES: Readonly<Record<ImageMimeType, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/ktx2': 'KTX2',
  'image/webp': 'WebP',
};

/** Checks counts, storage, type and size of every image, and the references of every texture. */
export function checkImages(
  gltf: JsonObject,
  views: ByteRange[],
  bin: Uint8Array | undefined,
  limits: VrmLimits,
): CheckedImage[] {
  const images = listOf(gltf, 'images');
  const textures = listOf(gltf, 'textures');
  const most = Math.max(images.length, textures.length);
  if (most > limits.maxTextures) {
    refuse(
      'too_many_textures',
      `The avatar has ${most} textures; at most ${limits.maxTextures} are allowed. Merge textures into an atlas (VRoid Studio does this on export) or remove unused materials.`,
      { limit: limits.maxTextures, actual: most },
    );
  }
  const allowed = allowedTypes(gltf);
  const checked = images.map((raw, i) => checkImage(asObject(raw), i, { views, bin, allowed, limits }));
  checkTextures(textures, images.length, listOf(gltf, 'samplers').length);
  return checked;
}

interface ImageContext {
  views: ByteRange[];
  bin: Uint8Array | undefined;
  allowed: Set<ImageMimeType>;
  limits: VrmLimits;
}

function checkImage(image: JsonObject | undefined, i: number, context: ImageContext): CheckedImage {
  const what = `Image ${i}`;
  const uri = field(image, 'uri');
  if (uri !== undefined) refuseUri(what, uri);
  const viewIndex = field(image, 'bufferView');
  if (!isIndex(viewIndex, context.views.length) || !context.bin) {
    refuse('bad_image', `${what} has no embedded data. Re-export the avatar with textures embedded.`, {
      image: i,
    });
  }
  const declared = asString(field(image, 'mimeType'));
  if (declared === undefined || !context.allowed.has(declared as ImageMimeType)) {
    const shown = (declared ?? 'no type').slice(0, 40);
    refuse(
      'bad_image',
      `${what} has type "${shown}"; avatar textures must be PNG or JPEG. Convert the texture and re-export.`,
      { image: i },
    );
  }
  const range = context.views[viewIndex];
  const bytes = context.bin.subarray(range.start, range.start + range.length);
  const found = sniffImage(bytes);
  const name = TYPE_NAMES[declared as ImageMimeType];
  if (!found) {
    refuse(
      'bad_image',
      `${what} is declared as ${name} but its bytes are not a ${name} image. The texture is damaged; re-export the avatar.`,
      { image: i },
    );
  }
  if (found.mimeType !== declared) {
    refuse(
      'bad_image',
      `${what} is declared as ${name} but contains ${TYPE_NAMES[found.mimeType]} data. Re-export the avatar so the texture's type is recorded correctly.`,
      { image: i, declared, actual: found.mimeType },
    );
  }
  const { width, height } = found;
  if (!width || !height) {
    refuse(
      'bad_image',
      `${what} has a damaged ${name} header (no readable size). Re-save the texture and re-export.`,
      { image: i },
    );
  }
  const size = context.limits.maxTextureSize;
  if (width > size || height > size) {
    refuse(
      'texture_too_large',
      `${what} is ${width}×${height} pixels; textures may be at most ${size}×${size}. Lower the texture resolution in your VRM exporter.`,
      { image: i, width, height, limit: size },
    );
  }
  return { mimeType: found.mimeType, width, height, bytes };
}

function allowedTypes(gltf: JsonObject): Set<ImageMimeType> {
  const used = new Set(listOf(gltf, 'extensionsUsed').filter((e): e is string => typeof e === 'string'));
  const allowed = new Set<ImageMimeType>(['image/png', 'image/jpeg']);
  for (const [type, extension] of EXTENSION_TYPES) if (used.has(extension)) allowed.add(type);
  return allowed;
}

function checkTextures(textures: unknown[], imageCount: number, samplerCount: number): void {
  textures.forEach((raw, i) => {
    const texture = asObject(raw);
    const extensions = asObject(field(texture, 'extensions'));
    const sources = [
      field(texture, 'source'),
      ...EXTENSION_TYPES.map(([, name]) => field(asObject(field(extensions, name)), 'source')),
    ];
    const sampler = field(texture, 'sampler');
    const bad =
      sources.some((s) => s !== undefined && !isIndex(s, imageCount)) ||
      (sampler !== undefined && !isIndex(sampler, samplerCount));
    if (bad)
      refuse(
        'bad_reference',
        `Texture ${i} points at an image or sampler that does not exist. The file is damaged; re-export it.`,
        { texture: i },
      );
  });
}
