import { Constants } from '@babylonjs/core/Engines/constants';
import { Layer } from '@babylonjs/core/Layers/layer';
import '@babylonjs/core/Layers/layerSceneComponent';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { Color3 } from '@babylonjs/core/Maths/math.color';
import type { Scene } from '@babylonjs/core/scene';

/** Colours of the soft backdrop: a vertical gradient with a gentle glow behind the character. */
export interface BackdropColors {
  top: string;
  bottom: string;
  glow: string;
}

/** The default backdrop: lavender to warm peach, with a light halo. */
export const DEFAULT_BACKDROP: BackdropColors = { top: '#c9d3f2', bottom: '#f7dccf', glow: '#fff6ee' };

const SIZE = 64;

/** Pixels (RGBA8, row 0 at the bottom) of the backdrop; pure, so it can be tested. */
export function backdropPixels(colors: BackdropColors, size = SIZE): Uint8Array {
  const top = Color3.FromHexString(colors.top);
  const bottom = Color3.FromHexString(colors.bottom);
  const glow = Color3.FromHexString(colors.glow);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    const v = y / (size - 1);
    const base = Color3.Lerp(bottom, top, v * v * (3 - 2 * v));
    for (let x = 0; x < size; x++) {
      const dx = (x / (size - 1) - 0.5) * 1.6;
      const dy = v - 0.58;
      const halo = Math.exp(-(dx * dx + dy * dy) / 0.09) * 0.55;
      const vignette = 1 - 0.08 * (dx * dx + (v - 0.5) ** 2);
      const c = Color3.Lerp(base, glow, halo).scale(vignette);
      const i = (y * size + x) * 4;
      data[i] = Math.round(Math.min(1, c.r) * 255);
      data[i + 1] = Math.round(Math.min(1, c.g) * 255);
      data[i + 2] = Math.round(Math.min(1, c.b) * 255);
      data[i + 3] = 255;
    }
  }
  return data;
}

/** A full-screen background layer (one textured quad, drawn before the scene). */
export function createBackdrop(scene: Scene, colors: BackdropColors = DEFAULT_BACKDROP): Layer {
  const texture = RawTexture.CreateRGBATexture(
    backdropPixels(colors),
    SIZE,
    SIZE,
    scene,
    false,
    false,
    Texture.BILINEAR_SAMPLINGMODE,
  );
  texture.wrapU = Texture.CLAMP_ADDRESSMODE;
  texture.wrapV = Texture.CLAMP_ADDRESSMODE;
  const layer = new Layer('backdrop', null, scene, true);
  layer.texture = texture;
  // The gradient is fully opaque: blending it over the clear colour would only add a read of every
  // (multisampled) pixel — about 2 % of a software-rendered frame — for the same result.
  layer.alphaBlendingMode = Constants.ALPHA_DISABLE;
  return layer;
}
