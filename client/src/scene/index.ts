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
 * - Adaptive quality (canvas stages, on by default): while the frame rate stays under 24 fps it turns
 *   MSAA off, then lowers the resolution down to half the pixel ratio; it steps back up when there
 *   is headroom. `stage.quality` is the controller; each change is logged (`[quality] …`), and with
 *   `?debug=1` `window.kotodamaQuality` shows the level; the level a device settles at is remembered (localStorage) for its next visit. `createStage(canvas, { adaptiveQuality: false })` turns it off.
 * - `loadAvatar(stage, source, onProgress?, { show, signal, timings }) → Promise<Avatar>`: source is a
 *   URL, bytes or a Blob/File; progress 0–0.8 download, 0.8–0.95 parse, 1 ready.
 * - `Avatar`: `bones` (VRM 0.x humanoid names → nodes), `expressions` (canonical names → morph
 *   targets), `description` (version, look-at, licence meta), `headPosition()`, `root`, `dispose()`.
 *   VRM 1.0 files load as plain glTF (no babylon-vrm-loader manager, no spring bones); their humanoid
 *   and morph-target expressions are read from `VRMC_vrm` and work with the runtime.
 */
export { createStage, type Stage, type StageOptions } from './stage';
export {
  loadAvatar,
  type AvatarProgress,
  type LoadAvatarOptions,
  type LoadPhase,
  type LoadTimings,
} from './loadAvatar';
export { Avatar, type ExpressionBinding } from './avatar';
export type { AvatarSource } from './fetchBytes';
export { loadVrmIntoScene, loadVrmPlugins, type LoadedVrm, type GltfJson } from './loadVrm';
export {
  describeVrm,
  type VrmDescription,
  type ExpressionDef,
  type LookAtDef,
  type RangeMap,
  type VrmVersion,
} from './vrmDescription';
export { frameUpperBody, CAMERA_FOV, type FramingSubject } from './camera';
export { RenderLoop, type RenderLoopOptions, type FrameTiming } from './renderLoop';
export {
  AdaptiveQuality,
  QUALITY_LEVELS,
  levelCost,
  type AdaptiveQualityOptions,
  type QualityLevel,
  type QualityTarget,
} from './adaptiveQuality';
export { effectivePixelRatio } from './viewport';
export { DEFAULT_BACKDROP, type BackdropColors } from './background';
export type { StageLights } from './lights';
