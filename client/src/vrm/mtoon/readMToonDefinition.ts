import type {
  MToonDefinition,
  MToonOutlineWidthMode,
  MToonRenderMode,
  MToonTextureInfo,
  Vec3,
  Vec4,
} from './mtoonDefinition';

/** The parts of a glTF material JSON MToon reads. */
export interface GltfMaterialJson {
  name?: string;
  alphaMode?: string;
  alphaCutoff?: number;
  doubleSided?: boolean;
  pbrMetallicRoughness?: { baseColorFactor?: number[]; baseColorTexture?: MToonTextureInfo };
  normalTexture?: MToonTextureInfo;
  emissiveFactor?: number[];
  emissiveTexture?: MToonTextureInfo;
  extensions?: Record<string, unknown>;
}

/** Receives one line per value that was out of the spec and replaced by its default. */
export type MToonWarn = (message: string) => void;

const WIDTH_MODES: MToonOutlineWidthMode[] = ['none', 'worldCoordinates', 'screenCoordinates'];

/**
 * Reads a glTF material carrying `extensions.VRMC_materials_mtoon` (VRM 1.0, or a VRM 0.x material
 * migrated to it) into a complete definition. A value of the wrong type or out of range is
 * reported through `warn` and replaced by the spec's default, so one bad field never drops the material.
 */
export function readMToonDefinition(
  material: GltfMaterialJson,
  index: number,
  warn: MToonWarn,
): MToonDefinition {
  const name = material.name || `material${index}`;
  const ext = (material.extensions?.VRMC_materials_mtoon ?? {}) as Record<string, unknown>;
  const read = reader(`materials[${index}] "${name}"`, warn);
  const pbr = material.pbrMetallicRoughness ?? {};
  const strength = (material.extensions?.KHR_materials_emissive_strength as { emissiveStrength?: unknown })
    ?.emissiveStrength;
  const emissiveStrength = read.number('KHR_materials_emissive_strength.emissiveStrength', strength, 1, 0);
  const emissive = read.color3('emissiveFactor', material.emissiveFactor, [0, 0, 0]);
  return {
    name,
    renderMode: renderMode(material.alphaMode, ext.transparentWithZWrite === true),
    alphaCutoff: read.number('alphaCutoff', material.alphaCutoff, 0.5, 0),
    doubleSided: material.doubleSided === true,
    renderQueueOffsetNumber: Math.round(
      read.number('renderQueueOffsetNumber', ext.renderQueueOffsetNumber, 0, -9, 9),
    ),
    baseColorFactor: read.color4('baseColorFactor', pbr.baseColorFactor, [1, 1, 1, 1]),
    baseColorTexture: read.texture('baseColorTexture', pbr.baseColorTexture),
    normalTexture: read.texture('normalTexture', material.normalTexture),
    emissiveFactor: emissive.map((c) => c * emissiveStrength) as Vec3,
    emissiveTexture: read.texture('emissiveTexture', material.emissiveTexture),
    shadeColorFactor: read.color3('shadeColorFactor', ext.shadeColorFactor, [0, 0, 0]),
    shadeMultiplyTexture: read.texture('shadeMultiplyTexture', ext.shadeMultiplyTexture),
    shadingShiftFactor: read.number('shadingShiftFactor', ext.shadingShiftFactor, 0),
    shadingShiftTexture: read.texture('shadingShiftTexture', ext.shadingShiftTexture),
    shadingToonyFactor: read.number('shadingToonyFactor', ext.shadingToonyFactor, 0.9, 0, 1),
    giEqualizationFactor: read.number('giEqualizationFactor', ext.giEqualizationFactor, 0.9, 0, 1),
    matcapFactor: read.color3('matcapFactor', ext.matcapFactor, [1, 1, 1]),
    matcapTexture: read.texture('matcapTexture', ext.matcapTexture),
    parametricRimColorFactor: read.color3(
      'parametricRimColorFactor',
      ext.parametricRimColorFactor,
      [0, 0, 0],
    ),
    parametricRimFresnelPowerFactor: read.number(
      'parametricRimFresnelPowerFactor',
      ext.parametricRimFresnelPowerFactor,
      5,
      0,
    ),
    parametricRimLiftFactor: read.number('parametricRimLiftFactor', ext.parametricRimLiftFactor, 0),
    rimMultiplyTexture: read.texture('rimMultiplyTexture', ext.rimMultiplyTexture),
    rimLightingMixFactor: read.number('rimLightingMixFactor', ext.rimLightingMixFactor, 1, 0, 1),
    outlineWidthMode: read.choice('outlineWidthMode', ext.outlineWidthMode, WIDTH_MODES, 'none'),
    outlineWidthFactor: read.number('outlineWidthFactor', ext.outlineWidthFactor, 0, 0),
    outlineWidthMultiplyTexture: read.texture('outlineWidthMultiplyTexture', ext.outlineWidthMultiplyTexture),
    outlineColorFactor: read.color3('outlineColorFactor', ext.outlineColorFactor, [0, 0, 0]),
    outlineLightingMixFactor: read.number('outlineLightingMixFactor', ext.outlineLightingMixFactor, 1, 0, 1),
    uvAnimationMaskTexture: read.texture('uvAnimationMaskTexture', ext.uvAnimationMaskTexture),
    uvAnimationScrollXSpeedFactor: read.number(
      'uvAnimationScrollXSpeedFactor',
      ext.uvAnimationScrollXSpeedFactor,
      0,
    ),
    uvAnimationScrollYSpeedFactor: read.number(
      'uvAnimationScrollYSpeedFactor',
      ext.uvAnimationScrollYSpeedFactor,
      0,
    ),
    uvAnimationRotationSpeedFactor: read.number(
      'uvAnimationRotationSpeedFactor',
      ext.uvAnimationRotationSpeedFactor,
      0,
    ),
  };
}

function renderMode(alphaMode: string | undefined, zWrite: boolean): MToonRenderMode {
  if (alphaMode === 'MASK') return 'cutout';
  if (alphaMode === 'BLEND') return zWrite ? 'transparentWithZWrite' : 'transparent';
  return 'opaque';
}

/** Typed readers that fall back to the default (with a warning) when a value is malformed. */
function reader(where: string, warn: MToonWarn) {
  const bad = (field: string, value: unknown, fallback: unknown): void =>
    warn(
      `MToon ${where}: ${field} = ${JSON.stringify(value)} is invalid; using ${JSON.stringify(fallback)}.`,
    );
  const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  return {
    number(field: string, value: unknown, fallback: number, min = -Infinity, max = Infinity): number {
      if (value === undefined) return fallback;
      if (!isNum(value) || value < min || value > max) {
        bad(field, value, fallback);
        return fallback;
      }
      return value;
    },
    color3(field: string, value: unknown, fallback: Vec3): Vec3 {
      if (value === undefined) return [...fallback];
      if (Array.isArray(value) && value.length >= 3 && value.slice(0, 3).every(isNum))
        return [value[0], value[1], value[2]];
      bad(field, value, fallback);
      return [...fallback];
    },
    color4(field: string, value: unknown, fallback: Vec4): Vec4 {
      if (value === undefined) return [...fallback];
      if (Array.isArray(value) && value.length === 4 && value.every(isNum))
        return [value[0], value[1], value[2], value[3]];
      bad(field, value, fallback);
      return [...fallback];
    },
    choice<T extends string>(field: string, value: unknown, allowed: T[], fallback: T): T {
      if (value === undefined) return fallback;
      if (allowed.includes(value as T)) return value as T;
      bad(field, value, fallback);
      return fallback;
    },
    texture(field: string, value: unknown): MToonTextureInfo | undefined {
      if (value === undefined) return undefined;
      const info = value as MToonTextureInfo;
      if (info && typeof info === 'object' && Number.isInteger(info.index) && info.index >= 0) return info;
      bad(field, value, null);
      return undefined;
    },
  };
}
