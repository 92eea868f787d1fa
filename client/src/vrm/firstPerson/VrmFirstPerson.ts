import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { FirstPersonType } from '../definition';

/** One annotated mesh: who should see it. */
export interface FirstPersonAnnotation {
  meshes: AbstractMesh[];
  type: FirstPersonType;
}

/** Layer bits `setupLayers` uses by default (a first-person camera renders FIRST, a third-person one THIRD). */
export const FIRST_PERSON_ONLY_LAYER = 1 << 27;
export const THIRD_PERSON_ONLY_LAYER = 1 << 28;

/**
 * The file's first-person annotations, kept for a first-person view (the room's camera is third
 * person, so they change nothing by default). `setupLayers` puts the meshes on Babylon layer
 * masks: a first-person camera with `layerMask` FIRST_PERSON_ONLY_LAYER hides the head. `auto`
 * meshes are not split by skin weights as three-vrm does: a mesh under the head bone counts as
 * third-person only, others as both.
 */
export class VrmFirstPerson {
  constructor(
    readonly annotations: FirstPersonAnnotation[],
    private readonly head: TransformNode | null,
  ) {}

  /** The annotation type of a mesh (`auto` when the file says nothing about it). */
  typeOf(mesh: AbstractMesh): FirstPersonType {
    return this.annotations.find((a) => a.meshes.includes(mesh))?.type ?? 'auto';
  }

  setupLayers(firstPersonOnly = FIRST_PERSON_ONLY_LAYER, thirdPersonOnly = THIRD_PERSON_ONLY_LAYER): void {
    const both = firstPersonOnly | thirdPersonOnly;
    for (const a of this.annotations)
      for (const mesh of a.meshes) {
        const type = a.type === 'auto' ? (this.isUnderHead(mesh) ? 'thirdPersonOnly' : 'both') : a.type;
        mesh.layerMask =
          type === 'firstPersonOnly' ? firstPersonOnly : type === 'thirdPersonOnly' ? thirdPersonOnly : both;
      }
  }

  private isUnderHead(mesh: AbstractMesh): boolean {
    return !!this.head && mesh.isDescendantOf(this.head);
  }
}
