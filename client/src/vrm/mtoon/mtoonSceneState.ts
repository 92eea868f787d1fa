import '@babylonjs/core/Engines/Extensions/engine.rawTexture';
import { RawTexture } from '@babylonjs/core/Materials/Textures/rawTexture';
import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import type { Scene } from '@babylonjs/core/scene';
import { MToonLightUniforms } from './mtoonLights';

const RGBA = 5; // Constants.TEXTUREFORMAT_RGBA

/**
 * What all MToon materials of one scene share: the packed lights (repacked once per frame), the
 * UV animation clock, and the 1×1 textures that stand in for absent texture slots.
 */
export class MToonSceneState {
  readonly lights = new MToonLightUniforms();
  /** Seconds of UV animation; advances with the engine's frame time unless `paused`. */
  seconds = 0;
  /** Stops the UV animation clock (tests and screenshots freeze it to compare frames). */
  paused = false;
  readonly white: Texture;
  readonly black: Texture;
  private packedFrame = -1;

  constructor(readonly scene: Scene) {
    this.white = this.pixel(255);
    this.black = this.pixel(0);
    const tick = scene.onBeforeRenderObservable.add(() => {
      if (!this.paused) this.seconds += scene.getEngine().getDeltaTime() / 1000;
    });
    scene.onDisposeObservable.addOnce(() => {
      scene.onBeforeRenderObservable.remove(tick);
      this.white.dispose();
      this.black.dispose();
      STATES.delete(scene);
    });
  }

  /** Repacks the lights the first time a material asks in a frame. */
  refresh(): void {
    const frame = this.scene.getFrameId();
    if (frame === this.packedFrame) return;
    this.packedFrame = frame;
    this.lights.update(this.scene.lights);
  }

  /** True for the shared stand-in textures (materials must never dispose them). */
  isDefault(texture: unknown): boolean {
    return texture === this.white || texture === this.black;
  }

  private pixel(value: number): Texture {
    const blocked = this.scene._blockEntityCollection;
    const texture = new RawTexture(
      new Uint8Array([value, value, value, 255]),
      1,
      1,
      RGBA,
      this.scene,
      false,
      false,
      Texture.NEAREST_SAMPLINGMODE,
    );
    // WebGL uploads raw data synchronously and flags it ready; NullEngine (tests) never flags it.
    const internal = texture.getInternalTexture();
    if (internal) internal.isReady = true;
    // Kept out of scene.textures: a loaded avatar's cleanup disposes the textures its load added.
    if (!blocked) this.scene.removeTexture(texture);
    texture.name = value ? 'MToon default (white)' : 'MToon default (black)';
    return texture;
  }
}

const STATES = new WeakMap<Scene, MToonSceneState>();

/** The shared MToon state of a scene (created on first use). */
export function mtoonSceneState(scene: Scene): MToonSceneState {
  let state = STATES.get(scene);
  if (!state) {
    state = new MToonSceneState(scene);
    STATES.set(scene, state);
  }
  return state;
}
