/**
 * Our VRM layer on Babylon's glTF loader (VRM 0.x and 1.0), after three-vrm's design: loader
 * extensions parse (`vrm0/VrmLoaderExtension` for `VRM`, `vrm1/VrmcVrmLoaderExtension` for
 * `VRMC_vrm`, `springBone/VrmcSpringBoneLoaderExtension` for `VRMC_springBone`), runtime
 * objects bound to the loaded nodes drive the model (`update(dt)`, `dispose()`).
 *
 * ```ts
 * const { model } = await loadVrm(scene, bytes);        // registers the extensions once
 * model.humanoid.setNormalizedRotation('leftUpperArm', q); // VRM 1.0 axes, any rig, 0.x or 1.0
 * model.expressions.setValue('aa', 0.8);                  // VRM 1.0 names (0.x presets renamed)
 * model.lookAt?.applyYawPitch(10, -5);                    // degrees: + = the character's left / up
 * scene.onBeforeRenderObservable.add(() => model.update(dt)); // pose, expressions, springs (fixed step)
 * model.dispose();                                        // removes the load from the scene
 * ```
 * Expressions bind morph targets, material colours (by property name: PBR `albedoColor` /
 * `emissiveColor`, Standard `diffuseColor`, MToon `baseColor` / `shadeColor` / `rimColor` /
 * `matcapColor` / `outlineColor`, also on a material's `outline`) and texture transforms (the
 * `uScale/vScale/uOffset/vOffset` of every texture `getActiveTextures()` returns).
 * Material extensions (MToon) register in `registerVrmExtensions`.
 */
export { loadVrm, type LoadVrmOptions, type VrmLoad } from './loadVrm';
export { registerVrmExtensions } from './registerVrmExtensions';
export { VrmModel, type VrmModelParts } from './VrmModel';
export { VrmHumanoid } from './humanoid/VrmHumanoid';
export {
  VRM_HUMAN_BONES,
  REQUIRED_HUMAN_BONES,
  isHumanBoneName,
  vrm0BoneName,
  type VrmHumanBoneName,
} from './humanoid/humanBones';
export { VrmExpressionManager } from './expressions/VrmExpressionManager';
export { VrmExpression, type OverrideKind } from './expressions/VrmExpression';
export {
  EXPRESSION_PRESETS,
  VRM0_PRESETS,
  isExpressionPreset,
  type ExpressionPresetName,
} from './expressions/presets';
export { VrmLookAt, mapRange } from './lookAt/VrmLookAt';
export {
  VrmFirstPerson,
  FIRST_PERSON_ONLY_LAYER,
  THIRD_PERSON_ONLY_LAYER,
  type FirstPersonAnnotation,
} from './firstPerson/VrmFirstPerson';
export { SpringBoneManager, SPRING_STEP_SECONDS } from './springBone/SpringBoneManager';
export { SpringBoneJoint } from './springBone/SpringBoneJoint';
export { SpringBoneCollider } from './springBone/SpringBoneCollider';
export type { VrmMeta } from './meta/VrmMeta';
export type { SceneAdditions } from './gltf/sceneAdditions';
export type * from './definition';
