/**
 * The avatar runtime: everything that animates a loaded `Avatar` (see client/src/scene).
 *
 * Wiring, once per avatar:
 * ```ts
 * const runtime = new AvatarRuntime(avatar, { now: () => clock.serverNow(), camera: stage.camera });
 * const off = stage.onFrame((dt) => runtime.update(dt));      // the only per-frame call
 * stage.loop.addActivitySource(() => runtime.isActive);       // full frame rate while performing
 * ```
 * Feeding the performance:
 * ```ts
 * room.onMessage('utterance', (u) => runtime.play(u, audio.levelOf(u)));  // startAt on the server clock
 * room.onMessage('interrupt', ({ turnId }) => runtime.interrupt(turnId));
 * runtime.setExpression(state.character.expression);           // when idle
 * runtime.lookAt.setTarget(addressesMe ? { kind: 'camera' } : { kind: 'direction', ...directionFor(id) });
 * ```
 * Switching character: `off(); runtime.dispose();` then load the next avatar and build a new runtime.
 * Debug: `runtime.lipSync.weights` is the mouth {A, I, U, E, O} now.
 */
export { AvatarRuntime, type AvatarRuntimeOptions } from './avatarRuntime';
export { ExpressionController, EXPRESSION_PRESETS, type ExpressionControllerOptions } from './expressionController';
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
