import type { Light } from '@babylonjs/core/Lights/light';
import type { ShadowLight } from '@babylonjs/core/Lights/shadowLight';
import type { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import type { SpotLight } from '@babylonjs/core/Lights/spotLight';
import type { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { MTOON_MAX_LIGHTS } from './mtoonFragmentShader';

// Light.LIGHTTYPEID_* (numbers, so the light classes need not be imported here).
const POINT = 0;
const DIRECTIONAL = 1;
const SPOT = 2;
const HEMISPHERIC = 3;

/**
 * The scene's lights packed for the MToon shader, shared by every MToon material of a scene.
 * Direct lights (directional, point, spot; the first MTOON_MAX_LIGHTS enabled) go in fixed-size
 * arrays, so the light setup never changes the shader; hemispheric lights are exactly linear in
 * the normal, so any number of them sums into one base colour and three gradients (the GI term).
 */
export class MToonLightUniforms {
  readonly vectors = new Array<number>(MTOON_MAX_LIGHTS * 4).fill(0);
  readonly colors = new Array<number>(MTOON_MAX_LIGHTS * 4).fill(0);
  readonly spots = new Array<number>(MTOON_MAX_LIGHTS * 4).fill(0);
  readonly exponents = [0, 0, 0, 0];
  readonly giBase = [0, 0, 0];
  readonly giX = [0, 0, 0];
  readonly giY = [0, 0, 0];
  readonly giZ = [0, 0, 0];
  /** Direct lights beyond MTOON_MAX_LIGHTS in the last update (they do not light MToon materials). */
  skipped = 0;

  /** Repacks from the scene's lights (call once per frame). */
  update(lights: readonly Light[]): void {
    this.vectors.fill(0);
    this.colors.fill(0);
    this.spots.fill(0);
    this.exponents.fill(0);
    for (const gi of [this.giBase, this.giX, this.giY, this.giZ]) gi.fill(0);
    let slot = 0;
    this.skipped = 0;
    for (const light of lights) {
      if (!light.isEnabled() || light.intensity <= 0) continue;
      const type = light.getTypeID();
      if (type === HEMISPHERIC) this.addHemispheric(light as HemisphericLight);
      else if (type === DIRECTIONAL || type === POINT || type === SPOT) {
        if (slot < MTOON_MAX_LIGHTS) this.addDirect(light as ShadowLight, type, slot++);
        else this.skipped++;
      }
    }
  }

  private addDirect(light: ShadowLight, type: number, slot: number): void {
    const transformed = light.computeTransformedInformation();
    const at = slot * 4;
    const put = (target: number[], v: Vector3, w: number): void => {
      target[at] = v.x;
      target[at + 1] = v.y;
      target[at + 2] = v.z;
      target[at + 3] = w;
    };
    const color = light.diffuse.scale(light.intensity);
    this.colors[at] = color.r;
    this.colors[at + 1] = color.g;
    this.colors[at + 2] = color.b;
    this.colors[at + 3] = Math.min(light.range, 3e38);
    const direction = (transformed ? light.transformedDirection : light.direction) ?? light.direction;
    if (type === DIRECTIONAL) put(this.vectors, direction.normalizeToNew(), 0);
    else put(this.vectors, transformed ? light.transformedPosition : light.position, 1);
    if (type === SPOT) {
      const spot = light as SpotLight;
      put(this.spots, direction.normalizeToNew(), Math.cos(spot.angle / 2));
      this.exponents[slot] = spot.exponent;
    } else this.spots[at + 3] = -2;
  }

  /** irradiance(n) = mix(ground, sky, (1 + n·d) / 2) · I = (sky + ground)/2 · I + (sky − ground)/2 · I · (n·d). */
  private addHemispheric(light: HemisphericLight): void {
    const d = light.direction.normalizeToNew();
    const sky = light.diffuse;
    const ground = light.groundColor;
    const half = light.intensity / 2;
    const mean = [(sky.r + ground.r) * half, (sky.g + ground.g) * half, (sky.b + ground.b) * half];
    const slope = [(sky.r - ground.r) * half, (sky.g - ground.g) * half, (sky.b - ground.b) * half];
    for (let c = 0; c < 3; c++) {
      this.giBase[c] += mean[c];
      this.giX[c] += slope[c] * d.x;
      this.giY[c] += slope[c] * d.y;
      this.giZ[c] += slope[c] * d.z;
    }
  }
}
