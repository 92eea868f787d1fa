/** A glTF `textureInfo` as MToon reads it (KHR_texture_transform is applied by the MToon loader itself). */
export interface MToonTextureInfo {
  index: number;
  texCoord?: number;
  /** normalTexture.scale or shadingShiftTexture.scale. */
  scale?: number;
  extensions?: { KHR_texture_transform?: TextureTransform } & Record<string, unknown>;
}

/** KHR_texture_transform. */
export interface TextureTransform {
  offset?: number[];
  rotation?: number;
  scale?: number[];
  texCoord?: number;
}

export type Vec3 = [number, number, number];
export type Vec4 = [number, number, number, number];

/** MToon's four render modes (glTF alphaMode plus VRMC_materials_mtoon's transparentWithZWrite). */
export type MToonRenderMode = 'opaque' | 'cutout' | 'transparent' | 'transparentWithZWrite';
export type MToonOutlineWidthMode = 'none' | 'worldCoordinates' | 'screenCoordinates';

/** Everything an MToon material is made from: the glTF core fields MToon uses and VRMC_materials_mtoon 1.0, defaults filled in. */
export interface MToonDefinition {
  name: string;
  renderMode: MToonRenderMode;
  alphaCutoff: number;
  doubleSided: boolean;
  /** Offset within the render mode's queue (−9..0 transparent, 0..+9 transparent with Z write). */
  renderQueueOffsetNumber: number;
  baseColorFactor: Vec4;
  baseColorTexture?: MToonTextureInfo;
  normalTexture?: MToonTextureInfo;
  /** emissiveFactor × KHR_materials_emissive_strength. */
  emissiveFactor: Vec3;
  emissiveTexture?: MToonTextureInfo;
  shadeColorFactor: Vec3;
  shadeMultiplyTexture?: MToonTextureInfo;
  shadingShiftFactor: number;
  shadingShiftTexture?: MToonTextureInfo;
  shadingToonyFactor: number;
  giEqualizationFactor: number;
  matcapFactor: Vec3;
  matcapTexture?: MToonTextureInfo;
  parametricRimColorFactor: Vec3;
  parametricRimFresnelPowerFactor: number;
  parametricRimLiftFactor: number;
  rimMultiplyTexture?: MToonTextureInfo;
  rimLightingMixFactor: number;
  outlineWidthMode: MToonOutlineWidthMode;
  outlineWidthFactor: number;
  outlineWidthMultiplyTexture?: MToonTextureInfo;
  outlineColorFactor: Vec3;
  outlineLightingMixFactor: number;
  uvAnimationMaskTexture?: MToonTextureInfo;
  uvAnimationScrollXSpeedFactor: number;
  uvAnimationScrollYSpeedFactor: number;
  uvAnimationRotationSpeedFactor: number;
}

/** The texture slots of a definition, in a fixed order. */
export const MTOON_TEXTURE_SLOTS = [
  'baseColorTexture',
  'shadeMultiplyTexture',
  'shadingShiftTexture',
  'normalTexture',
  'emissiveTexture',
  'matcapTexture',
  'rimMultiplyTexture',
  'outlineWidthMultiplyTexture',
  'uvAnimationMaskTexture',
] as const;
export type MToonTextureSlot = (typeof MTOON_TEXTURE_SLOTS)[number];

/** Slots whose texels are colours stored with the sRGB transfer function (the rest hold linear data). */
export const MTOON_COLOR_SLOTS: ReadonlySet<MToonTextureSlot> = new Set([
  'baseColorTexture',
  'shadeMultiplyTexture',
  'emissiveTexture',
  'matcapTexture',
  'rimMultiplyTexture',
]);
