import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { Scene } from '@babylonjs/core/scene';

/** Vertical field of view: a slightly long lens flatters faces and keeps the framing stable. */
export const CAMERA_FOV = 0.5;
const FRONT_ALPHA = -Math.PI / 2;
const FRONT_BETA = Math.PI / 2 - 0.06;

/** Where the character's head is, used to frame the upper body. */
export interface FramingSubject {
  /** World position of the head bone (base of the skull). */
  head: Vector3;
  /** Overall height of the character (metres); scales the framing. */
  height: number;
}

/** Creates the orbit camera facing the character's front (−Z side), looking along +Z. */
export function createStageCamera(scene: Scene): ArcRotateCamera {
  const camera = new ArcRotateCamera('camera', FRONT_ALPHA, FRONT_BETA, 1.5, new Vector3(0, 1.2, 0), scene);
  camera.fov = CAMERA_FOV;
  camera.minZ = 0.05;
  camera.maxZ = 100;
  camera.panningSensibility = 0;
  camera.wheelDeltaPercentage = 0.02;
  camera.pinchDeltaPercentage = 0.004;
  camera.angularSensibilityX = 2500;
  camera.angularSensibilityY = 2500;
  camera.inertia = 0.85;
  camera.lowerAlphaLimit = FRONT_ALPHA - 0.75;
  camera.upperAlphaLimit = FRONT_ALPHA + 0.75;
  camera.lowerBetaLimit = Math.PI / 2 - 0.4;
  camera.upperBetaLimit = Math.PI / 2 + 0.18;
  return camera;
}

/**
 * Points the camera at the character's upper body (head to waist), fitting the width too on
 * portrait screens, and bounds zoom around that distance. Returns the chosen radius.
 */
export function frameUpperBody(camera: ArcRotateCamera, subject: FramingSubject, aspect: number): number {
  const s = subject.height / 1.5;
  const span = 0.66 * s;
  const target = subject.head.add(new Vector3(0, -0.06 * s, 0));
  const half = Math.tan(camera.fov / 2);
  const byHeight = span / 2 / half;
  const byWidth = (0.56 * s) / 2 / (half * Math.max(aspect, 0.1));
  const radius = Math.max(byHeight, byWidth);
  camera.setTarget(target);
  camera.alpha = FRONT_ALPHA;
  camera.beta = FRONT_BETA;
  camera.radius = radius;
  camera.lowerRadiusLimit = radius * 0.45;
  camera.upperRadiusLimit = radius * 1.8;
  return radius;
}
