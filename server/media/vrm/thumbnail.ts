/**
 * The avatar's thumbnail. VRM 0.x points at a texture (`meta.texture`), VRM 1.0 at an image
 * (`meta.thumbnailImage`). A missing or dangling reference just means "no thumbnail": loaders
 * never read it, so it is no reason to refuse the avatar. Only PNG and JPEG count (what VRM 1.0
 * allows, and what every browser's <img> shows); a KTX2 "thumbnail" is dropped.
 */
import { type CheckedImage } from './images';
import { asObject, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';
import { type VrmThumbnail, type VrmVersion } from './types';

/** Finds the thumbnail and copies its bytes, so the caller can let go of the whole file. */
export function readThumbnail(
  gltf: JsonObject,
  vrm: JsonObject,
  version: VrmVersion,
  images: CheckedImage[],
): VrmThumbnail | undefined {
  const meta = asObject(field(vrm, 'meta'));
  let image: unknown;
  if (version === '1.0') {
    image = field(meta, 'thumbnailImage');
  } else {
    const textures = listOf(gltf, 'textures');
    const texture = field(meta, 'texture');
    image = isIndex(texture, textures.length) ? field(asObject(textures[texture]), 'source') : undefined;
  }
  if (!isIndex(image, images.length)) return undefined;
  const { mimeType, bytes } = images[image];
  if (mimeType !== 'image/png' && mimeType !== 'image/jpeg') return undefined;
  return { mimeType, bytes: bytes.slice() };
}
