import { Vector4, type Matrix } from '@babylonjs/core/Maths/math.vector';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture';
import type { MToonMaterial } from './MToonMaterial';
import { MTOON_COLOR_SLOTS, type MToonTextureSlot } from './mtoonDefinition';
import type { MToonSceneState } from './mtoonSceneState';

/** Sampler and texture-matrix uniform names per slot, and what an absent slot samples as. */
const SLOTS: { slot: MToonTextureSlot; sampler: string; matrix: string; absent: 'white' | 'black' }[] = [
  { slot: 'baseColorTexture', sampler: 'baseColorSampler', matrix: 'baseColorMatrix', absent: 'white' },
  { slot: 'shadeMultiplyTexture', sampler: 'shadeSampler', matrix: 'shadeMatrix', absent: 'white' },
  {
    slot: 'shadingShiftTexture',
    sampler: 'shadingShiftSampler',
    matrix: 'shadingShiftMatrix',
    absent: 'black',
  },
  { slot: 'emissiveTexture', sampler: 'emissiveSampler', matrix: 'emissiveMatrix', absent: 'white' },
  { slot: 'matcapTexture', sampler: 'matcapSampler', matrix: 'matcapMatrix', absent: 'black' },
  { slot: 'rimMultiplyTexture', sampler: 'rimSampler', matrix: 'rimMatrix', absent: 'white' },
  {
    slot: 'uvAnimationMaskTexture',
    sampler: 'uvAnimationMaskSampler',
    matrix: 'uvAnimationMaskMatrix',
    absent: 'white',
  },
];
const OUTLINE_WIDTH = {
  slot: 'outlineWidthMultiplyTexture',
  sampler: 'outlineWidthSampler',
  matrix: 'outlineWidthMatrix',
} as const;
const NORMAL_MAP = { slot: 'normalTexture', sampler: 'normalMapSampler', matrix: 'normalMapMatrix' } as const;

/** Every sampler the MToon program may declare. */
export const MTOON_SAMPLERS = [...SLOTS.map((s) => s.sampler), OUTLINE_WIDTH.sampler, NORMAL_MAP.sampler];

/** Every uniform the MToon program may declare (besides Babylon's bone and morph uniforms). */
export const MTOON_UNIFORMS = [
  'world',
  'viewProjection',
  'cameraPosition',
  ...['baseColor', 'shadeParams', 'toonParams', 'emissiveColor', 'matcapParams', 'rimParams', 'mixParams'],
  ...['outlineColor', 'outlineParams', 'uvAnimation', 'normalParams'],
  ...['lightVectors', 'lightColors', 'lightSpots', 'lightExponents', 'giBase', 'giX', 'giY', 'giZ'],
  ...SLOTS.map((s) => s.matrix),
  OUTLINE_WIDTH.matrix,
  NORMAL_MAP.matrix,
];

const TWO_PI = Math.PI * 2;

/** Writes an MToon surface's parameters into one material's uniform tables (the surface's own, or its outline pass's). */
export class MToonUniformWriter {
  private readonly v = {
    shade: new Vector4(),
    toon: new Vector4(),
    emissive: new Vector4(),
    matcap: new Vector4(),
    rim: new Vector4(),
    mix: new Vector4(),
    outlineColor: new Vector4(),
    outline: new Vector4(),
    uv: new Vector4(),
    normal: new Vector4(),
  };

  constructor(
    private readonly target: MToonMaterial,
    private readonly state: MToonSceneState,
  ) {
    const l = state.lights;
    target.setArray4('lightVectors', l.vectors);
    target.setArray4('lightColors', l.colors);
    target.setArray4('lightSpots', l.spots);
    target.setArray4('lightExponents', l.exponents);
    target.setArray3('giBase', l.giBase);
    target.setArray3('giX', l.giX);
    target.setArray3('giY', l.giY);
    target.setArray3('giZ', l.giZ);
  }

  /** Copies the surface's values (and the scene's clock) into the target's uniforms and textures. */
  write(s: MToonMaterial): void {
    const t = this.target;
    const v = this.v;
    const opaque = s.renderMode === 'opaque' || s.renderMode === 'cutout';
    t.setColor4('baseColor', s.baseColor);
    t.setVector4('shadeParams', v.shade.set(s.shadeColor.r, s.shadeColor.g, s.shadeColor.b, s.shadingShift));
    t.setVector4(
      'toonParams',
      v.toon.set(s.shadingToony, s.shadingShiftTextureScale, s.giEqualization, s.alphaCutoff),
    );
    const e = s.emissiveColor;
    t.setVector4('emissiveColor', v.emissive.set(e.r, e.g, e.b, this.colorTexturesEncoded(s) ? 1 : 0));
    const handedness = t.getScene().useRightHandedSystem ? 1 : -1;
    t.setVector4('matcapParams', v.matcap.set(s.matcapColor.r, s.matcapColor.g, s.matcapColor.b, handedness));
    t.setVector4('rimParams', v.rim.set(s.rimColor.r, s.rimColor.g, s.rimColor.b, s.rimFresnelPower));
    t.setVector4('mixParams', v.mix.set(s.rimLift, s.rimLightingMix, s.outlineLightingMix, opaque ? 1 : 0));
    const o = s.outlineColor;
    t.setVector4('outlineColor', v.outlineColor.set(o.r, o.g, o.b, 1));
    const mode = s.outlineWidthMode === 'screenCoordinates' ? 2 : 1;
    // 1 / tan(fov / 2) for a perspective camera (no matrix yet before the first frame).
    const focal = (t.getScene().getProjectionMatrix() as Matrix | undefined)?.m[5] || 1;
    const width = s.outlineWidthMode === 'none' ? 0 : s.outlineWidth;
    t.setVector4('outlineParams', v.outline.set(width, mode, 0, focal));
    const seconds = this.state.seconds;
    const wrap = (x: number, period: number): number => x - Math.floor(x / period) * period;
    const scrollX = wrap(s.uvAnimationScrollXSpeed * seconds, 1);
    const scrollY = wrap(s.uvAnimationScrollYSpeed * seconds, 1);
    t.setVector4(
      'uvAnimation',
      v.uv.set(scrollX, scrollY, wrap(s.uvAnimationRotationSpeed * seconds, TWO_PI), 0),
    );
    for (const slot of SLOTS) this.bindTexture(slot.sampler, slot.matrix, s.textures[slot.slot], slot.absent);
    this.bindTexture(
      OUTLINE_WIDTH.sampler,
      OUTLINE_WIDTH.matrix,
      s.textures.outlineWidthMultiplyTexture,
      'white',
    );
    this.writeNormalMap(s);
  }

  /** Drops the shared stand-in textures from the target's table, so disposing it never disposes them. */
  releaseDefaults(): void {
    const textures = (this.target as unknown as { _textures: Record<string, BaseTexture> })._textures;
    for (const name of Object.keys(textures)) if (this.state.isDefault(textures[name])) delete textures[name];
  }

  private writeNormalMap(s: MToonMaterial): void {
    const t = this.target;
    const defines = t.options.defines;
    const normalMap = t.isOutline ? undefined : s.textures.normalTexture;
    const at = defines.indexOf('NORMALMAP');
    if (normalMap && at < 0) defines.push('NORMALMAP');
    if (!normalMap && at >= 0) defines.splice(at, 1);
    if (!normalMap) return;
    t.setTexture(NORMAL_MAP.sampler, normalMap);
    t.setMatrix(NORMAL_MAP.matrix, normalMap.getTextureMatrix());
    // Babylon's glTF convention for derivative-based tangent frames (as its loader sets on PBR).
    const rightHanded = t.getScene().useRightHandedSystem;
    t.setVector4(
      'normalParams',
      this.v.normal.set(s.normalScale, rightHanded ? 1 : -1, rightHanded ? -1 : 1, 0),
    );
  }

  private bindTexture(
    sampler: string,
    matrix: string,
    texture: BaseTexture | undefined,
    absent: 'white' | 'black',
  ): void {
    const used = texture ?? this.state[absent];
    this.target.setTexture(sampler, used);
    this.target.setMatrix(matrix, used.getTextureMatrix());
  }

  /** Whether the colour textures hold sRGB-encoded texels (no sRGB GPU buffer): the shader then decodes them. */
  private colorTexturesEncoded(s: MToonMaterial): boolean {
    for (const slot of MTOON_COLOR_SLOTS) {
      const texture = s.textures[slot];
      if (texture) return texture.gammaSpace;
    }
    return false;
  }
}
