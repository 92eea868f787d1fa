import type { Material } from '@babylonjs/core/Materials/material';
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import type { MaterialColorType } from '../definition';

/** Property names that hold each VRM colour slot, in order of preference, on the materials we meet. */
const COLOR_PROPERTIES: Record<MaterialColorType, string[]> = {
  // MToon's baseColor (Color4), PBR's albedoColor, Standard's diffuseColor.
  color: ['baseColor', 'albedoColor', 'diffuseColor'],
  emissionColor: ['emissiveColor'],
  shadeColor: ['shadeColor'],
  matcapColor: ['matcapColor'],
  rimColor: ['rimColor'],
  outlineColor: ['outlineColor'],
};

/** A colour slot found on a material: the colour object, and where its alpha lives (if the bind may set it). */
export interface ColorSlot {
  color: Color3 | Color4;
  alpha: { owner: object; key: string } | null;
}

const isColor = (v: unknown): v is Color3 | Color4 =>
  !!v && typeof v === 'object' && typeof (v as Color3).r === 'number' && typeof (v as Color3).g === 'number';

/**
 * The slots a colour bind of `type` moves on a material: found by property name (so PBR,
 * Standard and MToon materials all work), plus the same slot on the material's outline
 * material when it has a separate one (MToon's `outline`).
 */
export function colorSlots(material: Material, type: MaterialColorType): ColorSlot[] {
  const out: ColorSlot[] = [];
  const seen = new Set<object>();
  const outline = (material as unknown as { outline?: unknown }).outline;
  for (const m of [material, outline]) {
    if (!m || typeof m !== 'object') continue;
    const record = m as Record<string, unknown>;
    const key = COLOR_PROPERTIES[type].find((k) => isColor(record[k]));
    if (!key) continue;
    const color = record[key] as Color3 | Color4;
    if (seen.has(color)) continue;
    seen.add(color);
    const alpha =
      type !== 'color'
        ? null
        : typeof (color as Color4).a === 'number'
          ? { owner: color, key: 'a' }
          : typeof record.alpha === 'number'
            ? { owner: m, key: 'alpha' }
            : null;
    out.push({ color, alpha });
  }
  return out;
}

/** The material's textures that carry a UV transform (every 2D texture it samples). */
export function uvTextures(material: Material): Texture[] {
  return material
    .getActiveTextures()
    .filter(
      (t): t is Texture =>
        typeof (t as Texture).uScale === 'number' && typeof (t as Texture).uOffset === 'number',
    );
}
