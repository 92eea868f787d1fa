/**
 * The Babylon.js stage and avatar loading (Babylon 9 + babylon-vrm-loader 2.0 with the two
 * compatibility measures of CLIENT-NOTES applied automatically).
 *
 * ```ts
 * const stage = createStage(canvas);   // engine, scene, camera, lights, backdrop, render loop, resize/DPR
 * void loadVrmPlugins();               // optional: start fetching the VRM loader chunk early
 * const avatar = await loadAvatar(stage, avatarUrl, (fraction, phase) => bar.value = fraction);
 * // Switching character: just load the next one; the previous avatar stays until the new one
 * // can be drawn, then is disposed. Dispose your AvatarRuntime first (see client/src/avatar).
 * ```
 *
 * - `createStage(canvas, options?) → Stage`: `stage.onFrame(fn(dtSeconds))` registers per-frame
 *   work (returns an unsubscribe); `stage.loop.addActivitySource(() => boolean)` keeps full frame
 *   rate while it returns true (idle rate otherwise, default 30 fps); `stage.wake(ms)`;
 *   `stage.frame()` re-frames the upper body; `stage.avatar`; `stage.dispose()`.
 * - `loadAvatar(stage, source, onProgress?, { show, signal, timings }) → Promise<Avatar>`: source is a
 *   URL, bytes or a Blob/File; progress 0–0.8 download, 0.8–0.95 parse, 1 ready.
 * - `Avatar`: `bones` (VRM 0.x humanoid names → nodes), `expressions` (canonical names → morph
 *   targets), `description` (version, look-at, licence meta), `headPosition()`, `root`, `dispose()`.
 *   VRM 1.0 files load as plain glTF (no babylon-vrm-loader manager, no spring bones); their humanoid
 *   and morph-target expressions are read from `VRMC_vrm` and work with the runtime.
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
export type { StageLights } from './lights';
