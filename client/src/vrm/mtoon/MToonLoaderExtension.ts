import { Texture } from '@babylonjs/core/Materials/Textures/texture';
import { Logger } from '@babylonjs/core/Misc/logger';
import type { Material } from '@babylonjs/core/Materials/material';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { GLTFLoader } from '@babylonjs/loaders/glTF/2.0/glTFLoader.pure';
import type { IGLTFLoaderExtension } from '@babylonjs/loaders/glTF/2.0/glTFLoaderExtension';
import type {
  IMaterial,
  IMesh,
  IMeshPrimitive,
  INode,
  ITextureInfo,
} from '@babylonjs/loaders/glTF/2.0/glTFLoaderInterfaces';
import { MToonMaterial } from './MToonMaterial';
import { applyMToonDefinition, mtoonAlphaIndex } from './applyMToonDefinition';
import { attachMToonOutline } from './attachMToonOutline';
import {
  MTOON_COLOR_SLOTS,
  MTOON_TEXTURE_SLOTS,
  type MToonDefinition,
  type MToonTextureInfo,
} from './mtoonDefinition';

/** Runs before every Babylon material extension (the lowest is 170), so MToon wins over KHR_materials_unlit. */
const ORDER = 100;

/**
 * What both MToon loader extensions (VRM 1.0 and the VRM 0.x migration) do once a glTF material
 * has an MToon definition: create an MToonMaterial instead of PBR, load its textures (applying
 * KHR_texture_transform itself, so it works whether or not that extension is registered), and
 * give each mesh primitive its transparent queue and, where asked, its outline.
 */
export abstract class MToonLoaderExtension implements IGLTFLoaderExtension {
  abstract readonly name: string;
  enabled = false;
  readonly order = ORDER;
  private readonly definitions = new Map<number, MToonDefinition | null>();

  protected constructor(protected loader: GLTFLoader) {}

  /** The MToon definition of a glTF material, or null when it is not MToon (its glTF material is used). */
  protected abstract readDefinition(material: IMaterial): MToonDefinition | null;

  dispose(): void {
    this.definitions.clear();
  }

  /** @internal glTF loader hook. */
  createMaterial(_context: string, material: IMaterial, babylonDrawMode: number): Material | null {
    const definition = this.definitionOf(material);
    if (!definition) return null;
    const loader = this.loader;
    const scene = loader.babylonScene;
    scene._blockEntityCollection = !!loader._assetContainer;
    const surface = new MToonMaterial(definition.name, scene);
    applyMToonDefinition(surface, definition);
    const outline =
      surface.outlineWidthMode !== 'none' && surface.outlineWidth > 0 ? surface.createOutline() : null;
    for (const m of [surface, outline]) {
      if (!m) continue;
      m._parentContainer = loader._assetContainer;
      m.fillMode = babylonDrawMode;
    }
    scene._blockEntityCollection = false;
    return surface;
  }

  /** @internal glTF loader hook. */
  loadMaterialPropertiesAsync(
    context: string,
    material: IMaterial,
    babylonMaterial: Material,
  ): Promise<void> | null {
    const definition = this.definitionOf(material);
    if (!definition || !(babylonMaterial instanceof MToonMaterial)) return null;
    const textures = this.loader.gltf.textures ?? [];
    const loads: Promise<unknown>[] = [];
    for (const slot of MTOON_TEXTURE_SLOTS) {
      const info = definition[slot];
      if (!info) continue;
      if (info.index >= textures.length) {
        this.warn(
          `${context}: ${slot} names texture ${info.index}, but the file has ${textures.length}; it is left out.`,
        );
        continue;
      }
      const { KHR_texture_transform: transform, ...otherExtensions } = info.extensions ?? {};
      const texCoord = transform?.texCoord ?? info.texCoord ?? 0;
      if (texCoord !== 0)
        this.warn(`${context}: ${slot} uses TEXCOORD_${texCoord}; MToon here samples TEXCOORD_0.`);
      const plain = {
        index: info.index,
        extensions: otherExtensions,
        nonColorData: !MTOON_COLOR_SLOTS.has(slot),
      } as ITextureInfo;
      const load = this.loader.loadTextureInfoAsync(`${context}/${slot}`, plain, (texture) => {
        texture.name = `${babylonMaterial.name} (${slot})`;
        if (transform && texture instanceof Texture) applyTextureTransform(texture, transform);
        babylonMaterial.textures[slot] = texture;
      });
      loads.push(load);
    }
    return Promise.all(loads).then(() => undefined);
  }

  /** @internal glTF loader hook: the default primitive load, then the MToon queue and outline. */
  _loadMeshPrimitiveAsync(
    context: string,
    name: string,
    node: INode,
    mesh: IMesh,
    primitive: IMeshPrimitive,
    assign: (babylonMesh: AbstractMesh) => void,
  ): Promise<AbstractMesh> | null {
    const material =
      primitive.material === undefined ? undefined : this.loader.gltf.materials?.[primitive.material];
    if (!material || !this.definitionOf(material)) return null;
    return this.loader
      ._loadMeshPrimitiveAsync(context, name, node, mesh, primitive, assign)
      .then((babylonMesh) => {
        if (babylonMesh.getClassName() === 'InstancedMesh') return babylonMesh; // drawn through its source
        const surface = babylonMesh.material;
        if (surface instanceof MToonMaterial) {
          const alphaIndex = mtoonAlphaIndex(surface);
          if (alphaIndex !== null) babylonMesh.alphaIndex = alphaIndex;
          attachMToonOutline(babylonMesh as Mesh, surface);
        }
        return babylonMesh;
      });
  }

  protected warn(message: string): void {
    Logger.Warn(message);
  }

  private definitionOf(material: IMaterial): MToonDefinition | null {
    const index = material.index;
    if (!this.definitions.has(index)) this.definitions.set(index, this.readDefinition(material));
    return this.definitions.get(index) ?? null;
  }
}

/** KHR_texture_transform on a Babylon texture, as Babylon's own extension applies it. */
function applyTextureTransform(
  texture: Texture,
  t: NonNullable<MToonTextureInfo['extensions']>['KHR_texture_transform'],
): void {
  if (!t) return;
  if (t.offset) {
    texture.uOffset = t.offset[0];
    texture.vOffset = t.offset[1];
  }
  texture.uRotationCenter = 0;
  texture.vRotationCenter = 0;
  if (t.rotation) texture.wAng = -t.rotation;
  if (t.scale) {
    texture.uScale = t.scale[0];
    texture.vScale = t.scale[1];
  }
}
