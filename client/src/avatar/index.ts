/**
 * The avatar runtime: everything that animates a loaded `Avatar` (see client/src/scene). Runtime
 * classes follow three-vrm's shape: built with what they drive, `update(dtSeconds)`, `dispose()`.
 *
 * Wiring, once per avatar:
 * ```ts
 * const runtime = new AvatarRuntime(avatar, { now: () => clock.serverNow(), camera: stage.camera });
 * const offFrame = stage.onFrame((dt) => runtime.update(dt));          // the only per-frame call
 * const offActive = stage.loop.addActivitySource(() => runtime.isActive); // full fps while performing
 * ```
 * Feeding the performance (all times are the server clock in ms, via the injected `now`):
 * ```ts
 * room.onMessage('utterance', (u) => runtime.play(u, audio.levelSource(u))); // expression, gesture, visemes at u.startAt
 * room.onMessage('interrupt', ({ turnId }) => runtime.interrupt(turnId));    // mouth closes at once
 * runtime.setExpression(state.character.expression);                      // when nobody speaks
 * runtime.lookAt.setTarget(addressesMe ? { kind: 'camera' } : { kind: 'direction', ...directionFor(otherId) });
 * ```
 * A late joiner calls `runtime.play(state.speech)`: the mouth and gesture start mid-line. Without a
 * viseme track, the optional `() => level` (0..1, e.g. an AnalyserNode's RMS) drives "A".
 * Switching character: `offFrame(); offActive(); runtime.dispose();`, load the next avatar, build a
 * new runtime. Debug: `runtime.lipSync.weights` is the mouth {A, I, U, E, O} right now.
 *
 * Per frame `update` runs: idle motion (arms-down pose, breathing, weight shift, blinks, saccades)
 * → gestures → look-at → expression cross-fade → lip-sync → pose and face written → spring bones.
 */
export { AvatarRuntime, type AvatarRuntimeOptions } from './avatarRuntime';
export {
  ExpressionController,
  EXPRESSION_PRESETS,
  type ExpressionControllerOptions,
} from './expressionController';
export { LipSyncPlayer, type LipSyncOptions, type SpokenLine, type AudioLevelSource } from './lipSyncPlayer';
export { sampleVisemes, closedMouth, type MouthWeights } from './visemeTrack';
export { IdleMotion, type IdleMotionOptions, type Saccade } from './idleMotion';
export { Blinker, blinkCurve, type BlinkerOptions } from './blinker';
export { LookAt, directionFor, type LookTarget, type LookAtOptions } from './lookAt';
export { Gestures } from './gestures';
export { GESTURE_LIBRARY, type GestureDef } from './gestureLibrary';
export { FaceMixer } from './faceMixer';
export { HumanoidRig } from './humanoidRig';
export { euler, lookRotation } from './pose';
export { seededRandom, type RandomSource } from './random';
