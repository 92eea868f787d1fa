import type { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import type { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { MorphTarget } from '@babylonjs/core/Morph/morphTarget';

/**
 * One value expressions write into (a morph target influence, a material colour, a texture's UV
 * transform). Each update: `reset` to the loaded value, binds `add` their weighted deltas (so
 * expressions sharing a target add up), then `flush` writes it — only when it changed, so an
 * idle face touches no material.
 */
export interface ExpressionChannel {
  reset(): void;
  flush(): void;
}

export class MorphChannel implements ExpressionChannel {
  value = 0;
  constructor(readonly target: MorphTarget) {}
  reset(): void {
    this.value = 0;
  }
  flush(): void {
    if (this.target.influence !== this.value) this.target.influence = this.value;
  }
}

/** A material colour (Color3, or the RGB of a Color4). */
export class ColorChannel implements ExpressionChannel {
  readonly initial: [number, number, number];
  readonly value: [number, number, number];
  constructor(readonly color: Color3 | Color4) {
    this.initial = [color.r, color.g, color.b];
    this.value = [...this.initial];
  }
  reset(): void {
    this.value[0] = this.initial[0];
    this.value[1] = this.initial[1];
    this.value[2] = this.initial[2];
  }
  flush(): void {
    const [r, g, b] = this.value;
    if (this.color.r !== r || this.color.g !== g || this.color.b !== b) {
      this.color.r = r;
      this.color.g = g;
      this.color.b = b;
    }
  }
}

/** A number on an object (a material's `alpha`, a Color4's `a`). */
export class ScalarChannel<T extends object> implements ExpressionChannel {
  readonly initial: number;
  value: number;
  constructor(
    readonly owner: T,
    readonly key: keyof T & string,
  ) {
    this.initial = owner[key] as number;
    this.value = this.initial;
  }
  reset(): void {
    this.value = this.initial;
  }
  flush(): void {
    if (this.owner[this.key] !== this.value) (this.owner as Record<string, unknown>)[this.key] = this.value;
  }
}

/** A texture's scale and offset (glTF KHR_texture_transform sense: uv·scale + offset). */
export class UvChannel implements ExpressionChannel {
  readonly initial: [number, number, number, number];
  readonly value: [number, number, number, number];
  constructor(readonly texture: Texture) {
    // glTF scales about the UV origin; Babylon's default centre is 0.5 (same result at scale 1).
    texture.uRotationCenter = 0;
    texture.vRotationCenter = 0;
    this.initial = [texture.uScale, texture.vScale, texture.uOffset, texture.vOffset];
    this.value = [...this.initial];
  }
  reset(): void {
    for (let i = 0; i < 4; i++) this.value[i] = this.initial[i];
  }
  flush(): void {
    const t = this.texture;
    const [us, vs, uo, vo] = this.value;
    if (t.uScale !== us) t.uScale = us;
    if (t.vScale !== vs) t.vScale = vs;
    if (t.uOffset !== uo) t.uOffset = uo;
    if (t.vOffset !== vo) t.vOffset = vo;
  }
}
