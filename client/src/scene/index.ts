/**
 * The Babylon.js stage and avatar loading.
 *
 * ```ts
 * const stage = createStage(canvas);                       // engine, scene, camera, lights, loop
 * const avatar = await loadAvatar(stage, url, (f) => bar.value = f);  // replaces the previous one
 * stage.onFrame((dt) => runtime.update(dt));               // per-frame work (see client/src/avatar)
 * ```
 */
export { createStage, type Stage, type StageOptions } from './stage';
export { loadAvatar, type AvatarProgress, type LoadAvatarOptions, type LoadPhase, type LoadTimings } from './loadAvatar';
export { Avatar, type ExpressionBinding } from './avatar';
export type { AvatarSource } from './fetchBytes';
export { loadVrmIntoScene, loadVrmPlugins, type LoadedVrm, type GltfJson } from './loadVrm';
export { describeVrm, type VrmDescription, type ExpressionDef, type LookAtDef, type RangeMap, type VrmVersion } from './vrmDescription';
export { frameUpperBody, CAMERA_FOV, type FramingSubject } from './camera';
export { RenderLoop, type RenderLoopOptions } from './renderLoop';
export { effectivePixelRatio } from './viewport';
export { DEFAULT_BACKDROP, type BackdropColors } from './background';
