import { ShaderMaterial } from '@babylonjs/core/Materials/shaderMaterial';
import { ShaderStore } from '@babylonjs/core/Engines/shaderStore';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import type { BaseTexture } from '@babylonjs/core/Materials/Textures/baseTexture';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { SubMesh } from '@babylonjs/core/Meshes/subMesh';
import type { Matrix } from '@babylonjs/core/Maths/math.vector';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Effect } from '@babylonjs/core/Materials/effect';
import type { Scene } from '@babylonjs/core/scene';
import type { MToonOutlineWidthMode, MToonRenderMode, MToonTextureSlot } from './mtoonDefinition';
import { MTOON_VERTEX_SHADER } from './mtoonVertexShader';
import { MTOON_FRAGMENT_SHADER } from './mtoonFragmentShader';
import { mtoonSceneState, type MToonSceneState } from './mtoonSceneState';
import { MToonUniformWriter, MTOON_SAMPLERS, MTOON_UNIFORMS } from './mtoonUniformWriter';

const SHADER = 'kotodamaMToon';
ShaderStore.ShadersStore[`${SHADER}VertexShader`] = MTOON_VERTEX_SHADER;
ShaderStore.ShadersStore[`${SHADER}FragmentShader`] = MTOON_FRAGMENT_SHADER;

/**
 * A VRM MToon material (VRMC_materials_mtoon 1.0) on a Babylon ShaderMaterial. Colours are linear.
 * The surface material owns every parameter; its outline pass (`createOutline`) is a second
 * material that reads them from the surface, so changing a value (e.g. an expression's colour
 * bind) changes both.
 */
export class MToonMaterial extends ShaderMaterial {
  baseColor = new Color4(1, 1, 1, 1);
  shadeColor = new Color3(0, 0, 0);
  shadingShift = 0;
  shadingShiftTextureScale = 1;
  shadingToony = 0.9;
  giEqualization = 0.9;
  /** emissiveFactor × emissive strength. */
  emissiveColor = new Color3(0, 0, 0);
  matcapColor = new Color3(1, 1, 1);
  rimColor = new Color3(0, 0, 0);
  rimFresnelPower = 5;
  rimLift = 0;
  rimLightingMix = 1;
  outlineWidthMode: MToonOutlineWidthMode = 'none';
  /** Metres (world mode) or a fraction of the screen height (screen mode). */
  outlineWidth = 0;
  outlineColor = new Color3(0, 0, 0);
  outlineLightingMix = 1;
  uvAnimationScrollXSpeed = 0;
  uvAnimationScrollYSpeed = 0;
  /** Radians per second. */
  uvAnimationRotationSpeed = 0;
  normalScale = 1;
  alphaCutoff = 0.5;
  /** Offset within the render mode's queue (the loader turns it into mesh.alphaIndex). */
  renderQueueOffset = 0;
  /** The textures by slot; absent slots sample as the spec's neutral value. */
  readonly textures: Partial<Record<MToonTextureSlot, BaseTexture>> = {};
  /** The surface this material draws the outline of (itself for a surface material). */
  readonly surface: MToonMaterial;
  private outlinePass: MToonMaterial | null = null;
  private mode: MToonRenderMode = 'opaque';
  private sided = false;
  private readonly sceneState: MToonSceneState;
  private readonly writer: MToonUniformWriter;

  constructor(name: string, scene: Scene, outlineOf?: MToonMaterial) {
    super(name, scene, SHADER, {
      attributes: ['position', 'normal', 'uv'],
      uniforms: [...MTOON_UNIFORMS],
      samplers: [...MTOON_SAMPLERS],
      defines: ['NORMAL', 'UV1', ...(outlineOf ? ['OUTLINE'] : [])],
      useClipPlane: false,
    });
    this.surface = outlineOf ?? this;
    this.sceneState = mtoonSceneState(scene);
    this.writer = new MToonUniformWriter(this, this.sceneState);
    if (outlineOf) {
      // The hull: back faces only, whatever the surface's culling.
      this.backFaceCulling = true;
      this.cullBackFaces = false;
      this.renderMode = outlineOf.renderMode;
    }
  }

  /** True for the outline pass of a surface material. */
  get isOutline(): boolean {
    return this.surface !== this;
  }

  /** The outline pass, once created. */
  get outline(): MToonMaterial | null {
    return this.surface.outlinePass;
  }

  /** Opaque, cutout (alpha test), transparent, or transparent that still writes depth. */
  get renderMode(): MToonRenderMode {
    return this.mode;
  }
  set renderMode(mode: MToonRenderMode) {
    this.mode = mode;
    this.forceDepthWrite = mode === 'transparentWithZWrite';
    if (this.outlinePass) this.outlinePass.renderMode = mode;
  }

  /** glTF doubleSided: no back-face culling (and normals flipped on back faces). */
  get doubleSided(): boolean {
    return this.sided;
  }
  set doubleSided(value: boolean) {
    this.sided = value;
    if (!this.isOutline) this.backFaceCulling = !value;
  }

  /** Creates (once) the outline pass; draw it with `attachMToonOutline`. */
  createOutline(): MToonMaterial {
    if (this.isOutline) throw new Error(`MToon material "${this.name}" is an outline pass itself.`);
    this.outlinePass ??= new MToonMaterial(`${this.name} (outline)`, this.getScene(), this);
    return this.outlinePass;
  }

  override needAlphaBlending(): boolean {
    return this.mode === 'transparent' || this.mode === 'transparentWithZWrite' || this.alpha < 1;
  }

  override needAlphaTesting(): boolean {
    return this.mode === 'cutout';
  }

  override isReady(mesh?: AbstractMesh, useInstances?: boolean, subMesh?: SubMesh): boolean {
    this.sync();
    return super.isReady(mesh, useInstances, subMesh);
  }

  override bind(world: Matrix, mesh?: Mesh, effectOverride?: Effect | null, subMesh?: SubMesh): void {
    this.sync();
    super.bind(world, mesh, effectOverride, subMesh);
  }

  /** The file's textures (not the shared stand-ins for absent slots), known before the first draw. */
  override getActiveTextures(): BaseTexture[] {
    return [...new Set(Object.values(this.surface.textures))];
  }

  override hasTexture(texture: BaseTexture): boolean {
    return Object.values(this.surface.textures).includes(texture);
  }

  override getClassName(): string {
    return 'MToonMaterial';
  }

  override dispose(
    forceDisposeEffect?: boolean,
    forceDisposeTextures?: boolean,
    notBoundToMesh?: boolean,
  ): void {
    this.writer.releaseDefaults();
    if (!this.isOutline) {
      this.outlinePass?.dispose(forceDisposeEffect, false, notBoundToMesh);
      this.outlinePass = null;
    }
    // The outline shares the surface's textures: only the surface may dispose them.
    super.dispose(forceDisposeEffect, forceDisposeTextures && !this.isOutline, notBoundToMesh);
  }

  /** Copies the surface's parameters into uniforms (cheap: a few dozen stores; textures may arrive late). */
  private sync(): void {
    this.sceneState.refresh();
    this.writer.write(this.surface);
  }
}
