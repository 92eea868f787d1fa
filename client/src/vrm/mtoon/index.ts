import { registerVrm0MaterialsMToon } from './VRM_materials_mtoon_v0';
import { registerVrmcMaterialsMToon } from './VRMC_materials_mtoon';

/** Registers both MToon loader extensions (VRM 1.0 VRMC_materials_mtoon and VRM 0.x materialProperties). */
export function registerMToonExtensions(): void {
  registerVrmcMaterialsMToon();
  registerVrm0MaterialsMToon();
}

export { MToonMaterial } from './MToonMaterial';
export { attachMToonOutline } from './attachMToonOutline';
export { mtoonSceneState, type MToonSceneState } from './mtoonSceneState';
export { VRMC_materials_mtoon, registerVrmcMaterialsMToon } from './VRMC_materials_mtoon';
export { VRM_materials_mtoon_v0, registerVrm0MaterialsMToon } from './VRM_materials_mtoon_v0';
export type {
  MToonDefinition,
  MToonRenderMode,
  MToonOutlineWidthMode,
  MToonTextureSlot,
} from './mtoonDefinition';
