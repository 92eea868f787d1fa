import type { MToonDefinition } from './mtoonDefinition';
import type { MToonMaterial } from './MToonMaterial';

/** Sets a material's parameters (everything but textures) from a definition. */
export function applyMToonDefinition(m: MToonMaterial, d: MToonDefinition): void {
  m.renderMode = d.renderMode;
  m.doubleSided = d.doubleSided;
  m.alphaCutoff = d.alphaCutoff;
  m.renderQueueOffset = d.renderQueueOffsetNumber;
  m.baseColor.set(...d.baseColorFactor);
  m.normalScale = d.normalTexture?.scale ?? 1;
  m.emissiveColor.set(...d.emissiveFactor);
  m.shadeColor.set(...d.shadeColorFactor);
  m.shadingShift = d.shadingShiftFactor;
  m.shadingShiftTextureScale = d.shadingShiftTexture?.scale ?? 1;
  m.shadingToony = d.shadingToonyFactor;
  m.giEqualization = d.giEqualizationFactor;
  m.matcapColor.set(...d.matcapFactor);
  m.rimColor.set(...d.parametricRimColorFactor);
  m.rimFresnelPower = d.parametricRimFresnelPowerFactor;
  m.rimLift = d.parametricRimLiftFactor;
  m.rimLightingMix = d.rimLightingMixFactor;
  m.outlineWidthMode = d.outlineWidthMode;
  m.outlineWidth = d.outlineWidthFactor;
  m.outlineColor.set(...d.outlineColorFactor);
  m.outlineLightingMix = d.outlineLightingMixFactor;
  m.uvAnimationScrollXSpeed = d.uvAnimationScrollXSpeedFactor;
  m.uvAnimationScrollYSpeed = d.uvAnimationScrollYSpeedFactor;
  m.uvAnimationRotationSpeed = d.uvAnimationRotationSpeedFactor;
}

/** The mesh.alphaIndex that sorts MToon's transparent queues (Z-write ones first) before other transparent meshes. */
export function mtoonAlphaIndex(m: MToonMaterial): number | null {
  if (m.renderMode === 'transparentWithZWrite') return 10 + m.renderQueueOffset;
  if (m.renderMode === 'transparent') return 30 + m.renderQueueOffset;
  return null;
}
