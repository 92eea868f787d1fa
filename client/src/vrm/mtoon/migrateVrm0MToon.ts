import type { MToonTextureInfo } from './mtoonDefinition';
import type { GltfMaterialJson } from './readMToonDefinition';

/** One entry of a VRM 0.x `extensions.VRM.materialProperties[]`. */
export interface Vrm0MaterialProperty {
  name?: string;
  shader?: string;
  renderQueue?: number;
  floatProperties?: Record<string, number>;
  vectorProperties?: Record<string, number[]>;
  textureProperties?: Record<string, number>;
  keywordMap?: Record<string, boolean>;
  tagMap?: Record<string, string>;
}

/** The shader name VRM 0.x uses for MToon. */
export const VRM0_MTOON_SHADER = 'VRM/MToon';

/** MToon 0.x `_BlendMode`, and the Unity render queue each mode starts from. */
const RENDER_MODES = ['opaque', 'cutout', 'transparent', 'transparentWithZWrite'] as const;
const DEFAULT_QUEUE = { opaque: 2000, cutout: 2450, transparent: 3000, transparentWithZWrite: 2501 };
type Mode = (typeof RENDER_MODES)[number];

/**
 * Migrates the VRM 0.x MToon material properties of a file to glTF materials carrying
 * VRMC_materials_mtoon 1.0, the way UniVRM's MigrationMToonMaterial does: sRGB colours to linear,
 * `_ShadeToony`/`_ShadeShift` to the 1.0 shading range, outline widths from centimetres (world) or
 * per cent of half the screen height (screen), scroll Y inverted, rotation from turns to radians,
 * the `_MainTex` scale/offset as KHR_texture_transform on every UV-mapped texture, render queues
 * renumbered in their original order, and the main texture reused as the shade texture when the
 * file has none. Entries that are not "VRM/MToon" come back as null (their glTF material stands).
 */
export function migrateVrm0MToon(
  properties: Vrm0MaterialProperty[],
  materials: GltfMaterialJson[],
): (GltfMaterialJson | null)[] {
  const queues = queueOffsets(properties);
  return materials.map((material, i) => {
    const p = properties[i];
    if (p?.shader !== VRM0_MTOON_SHADER) return null;
    return migrateOne(p, material, queues.get(p) ?? 0);
  });
}

function migrateOne(
  p: Vrm0MaterialProperty,
  material: GltfMaterialJson,
  queueOffset: number,
): GltfMaterialJson {
  const f = (key: string, fallback: number): number => finite(p.floatProperties?.[key], fallback);
  const tex = textureReader(p);
  const mode = renderModeOf(p);
  const toony0 = f('_ShadeToony', 0.9);
  const shift0 = f('_ShadeShift', 0);
  // MToon 0.x lit the range [shift, lerp(1, shift, toony)]; 1.0 keeps its centre and margin.
  const rangeMin = shift0;
  const rangeMax = 1 + (shift0 - 1) * toony0;
  const widthMode = Math.round(f('_OutlineWidthMode', 0));
  const outlineWidth = f('_OutlineWidth', 0);
  const mtoon: Record<string, unknown> = {
    specVersion: '1.0',
    transparentWithZWrite: mode === 'transparentWithZWrite',
    renderQueueOffsetNumber: queueOffset,
    // MToon 0.x's own default shade colour.
    shadeColorFactor: srgbToLinear3(p.vectorProperties?._ShadeColor, [0.97, 0.81, 0.86]),
    shadeMultiplyTexture: tex('_ShadeTexture') ?? tex('_MainTex'),
    shadingShiftFactor: clamp(((rangeMax + rangeMin) / 2) * -1, -1, 1),
    shadingToonyFactor: clamp((2 - (rangeMax - rangeMin)) / 2, 0, 1),
    giEqualizationFactor: clamp(1 - f('_IndirectLightIntensity', 0.1), 0, 1),
    matcapFactor: p.textureProperties?._SphereAdd !== undefined ? [1, 1, 1] : [0, 0, 0],
    matcapTexture: tex('_SphereAdd', false),
    parametricRimColorFactor: srgbToLinear3(p.vectorProperties?._RimColor, [0, 0, 0]),
    parametricRimFresnelPowerFactor: f('_RimFresnelPower', 1),
    parametricRimLiftFactor: f('_RimLift', 0),
    rimMultiplyTexture: tex('_RimTexture'),
    // UniVRM: 0.x rim lighting merges into 1.0's matcap/rim, so it is always lit.
    rimLightingMixFactor: 1,
    outlineWidthMode: widthMode === 1 ? 'worldCoordinates' : widthMode === 2 ? 'screenCoordinates' : 'none',
    outlineWidthFactor: widthMode === 1 ? outlineWidth * 0.01 : widthMode === 2 ? outlineWidth * 0.005 : 0,
    outlineWidthMultiplyTexture: tex('_OutlineWidthTexture'),
    outlineColorFactor: srgbToLinear3(p.vectorProperties?._OutlineColor, [0, 0, 0]),
    outlineLightingMixFactor: f('_OutlineColorMode', 0) === 1 ? f('_OutlineLightingMix', 1) : 0,
    uvAnimationMaskTexture: tex('_UvAnimMaskTexture'),
    uvAnimationScrollXSpeedFactor: f('_UvAnimScrollX', 0),
    uvAnimationScrollYSpeedFactor: -f('_UvAnimScrollY', 0),
    uvAnimationRotationSpeedFactor: f('_UvAnimRotation', 0) * Math.PI * 2,
  };
  const bump = tex('_BumpMap');
  return {
    name: material.name ?? p.name,
    alphaMode: mode === 'opaque' ? 'OPAQUE' : mode === 'cutout' ? 'MASK' : 'BLEND',
    alphaCutoff: mode === 'cutout' ? f('_Cutoff', 0.5) : 0.5,
    // _CullMode: 0 off, 1 front (glTF cannot say it: drawn double-sided), 2 back.
    doubleSided: f('_CullMode', 2) !== 2,
    pbrMetallicRoughness: {
      baseColorFactor: srgbToLinear4(p.vectorProperties?._Color, [1, 1, 1, 1]),
      baseColorTexture: tex('_MainTex'),
    },
    normalTexture: bump && { ...bump, scale: f('_BumpScale', 1) },
    // 0.x stored the emission colour in linear space already.
    emissiveFactor: (p.vectorProperties?._EmissionColor ?? [0, 0, 0]).slice(0, 3).map((c) => finite(c, 0)),
    emissiveTexture: tex('_EmissionMap'),
    extensions: { VRMC_materials_mtoon: mtoon },
  };
}

/** A texture info for a 0.x texture property, carrying `_MainTex`'s scale/offset (Unity's V-up flipped to glTF's V-down). */
function textureReader(p: Vrm0MaterialProperty) {
  const st = p.vectorProperties?._MainTex;
  const transform =
    st && st.length >= 4 && p.textureProperties?._MainTex !== undefined
      ? { offset: [st[0], 1 - st[1] - st[3]], scale: [st[2], st[3]] }
      : undefined;
  return (key: string, withTransform = true): MToonTextureInfo | undefined => {
    const index = p.textureProperties?.[key];
    if (!Number.isInteger(index) || (index as number) < 0) return undefined;
    return withTransform && transform
      ? { index: index as number, extensions: { KHR_texture_transform: transform } }
      : { index: index as number };
  };
}

function renderModeOf(p: Vrm0MaterialProperty): Mode {
  const mode = Math.round(finite(p.floatProperties?._BlendMode, 0));
  return RENDER_MODES[mode] ?? 'opaque';
}

/** 1.0 render queue offsets: transparent queues renumbered 0, −1, … from the back, Z-write ones 0, 1, … from the front. */
function queueOffsets(properties: Vrm0MaterialProperty[]): Map<Vrm0MaterialProperty, number> {
  const offsets = new Map<Vrm0MaterialProperty, number>();
  for (const mode of ['transparent', 'transparentWithZWrite'] as const) {
    const members = properties.filter((p) => p?.shader === VRM0_MTOON_SHADER && renderModeOf(p) === mode);
    const queueOf = (p: Vrm0MaterialProperty): number => finite(p.renderQueue, DEFAULT_QUEUE[mode]);
    const queues = [...new Set(members.map(queueOf))].sort((a, b) => a - b);
    for (const p of members) {
      const rank = queues.indexOf(queueOf(p));
      offsets.set(p, mode === 'transparent' ? clamp(rank - (queues.length - 1), -9, 0) : clamp(rank, 0, 9));
    }
  }
  return offsets;
}

/** Exact sRGB decoding (Unity's Color.linear). */
export function srgbToLinear(c: number): number {
  return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
}

function srgbToLinear3(v: number[] | undefined, fallback: number[]): number[] {
  return (v ?? fallback).slice(0, 3).map((c) => srgbToLinear(finite(c, 0)));
}

/** Colour channels decode from sRGB; alpha is linear. */
function srgbToLinear4(v: number[] | undefined, fallback: number[]): number[] {
  const c = v ?? fallback;
  return [...srgbToLinear3(c, fallback), finite(c[3], 1)];
}

function finite(x: unknown, fallback: number): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : fallback;
}

function clamp(x: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, x));
}
