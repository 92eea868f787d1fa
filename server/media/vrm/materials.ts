/**
 * Texture references inside materials, including extension blocks (MToon, KHR_*) and the
 * VRM 0.x `materialProperties` table. A dangling index makes the client's loader throw and
 * the avatar never appears, so it is refused here with a message instead.
 */
import { refuse } from './errors';
import { asObject, field, isIndex, listOf } from './jsonAccess';
import { type JsonObject } from './jsonChunk';

/** Checks every texture index a material (or VRM 0.x material property) refers to. */
export function checkMaterialTextures(gltf: JsonObject, vrm0: JsonObject | undefined): void {
  const textureCount = listOf(gltf, 'textures').length;
  listOf(gltf, 'materials').forEach((material, m) => {
    if (!textureInfoIndicesValid(material, textureCount)) {
      refuse(
        'bad_reference',
        `Material ${m} uses a texture that does not exist. The file is damaged; re-export it.`,
        { material: m },
      );
    }
  });
  listOf(vrm0, 'materialProperties').forEach((raw, m) => {
    const table = asObject(field(asObject(raw), 'textureProperties')) ?? {};
    if (Object.values(table).some((index) => !isIndex(index, textureCount))) {
      refuse(
        'bad_reference',
        `VRM material property ${m} uses a texture that does not exist. The file is damaged; re-export it.`,
        { material: m },
      );
    }
  });
}

/**
 * Walks a material iteratively (its depth is already bounded by the JSON depth limit) and
 * checks every `{ index }` stored under a key ending in "texture", the glTF textureInfo shape.
 */
function textureInfoIndicesValid(material: unknown, textureCount: number): boolean {
  const pending: unknown[] = [material];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const index = field(asObject(child), 'index');
      if (/texture$/i.test(key) && index !== undefined && !isIndex(index, textureCount)) return false;
      pending.push(child);
    }
  }
  return true;
}
