import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { LookAtDef, RangeMapDef } from '../definition';
import type { VrmExpressionManager } from '../expressions/VrmExpressionManager';
import type { VrmHumanoid } from '../humanoid/VrmHumanoid';

const DEG = Math.PI / 180;
const X = new Vector3(1, 0, 0);
const Y = new Vector3(0, 1, 0);

/** |angle| in degrees → 0..outputScale, linearly up to inputMaxValue. */
export function mapRange(map: RangeMapDef, degrees: number): number {
  return map.outputScale * Math.min(1, Math.max(0, Math.abs(degrees) / map.inputMaxValue));
}

/**
 * Where the eyes look, as yaw and pitch in degrees relative to the head (yaw + = towards the
 * character's left, pitch + = up, VRM 1.0 axes). A `bone` look-at turns the eye bones through
 * the humanoid's normalized pose (inner/outer maps per eye); an `expression` look-at sets
 * lookLeft/lookRight/lookUp/lookDown. The file's range maps scale both.
 */
export class VrmLookAt {
  readonly type: LookAtDef['type'];
  /** Where the eyes are, in the head node's space. */
  readonly offsetFromHeadBone: Vector3;
  private yawDeg = 0;
  private pitchDeg = 0;
  private readonly restHeadInverse: Quaternion;

  constructor(
    readonly def: LookAtDef,
    private readonly humanoid: VrmHumanoid,
    private readonly expressions: VrmExpressionManager,
  ) {
    this.type = def.type;
    this.offsetFromHeadBone = Vector3.FromArray(def.offsetFromHeadBone);
    this.restHeadInverse = Quaternion.Inverse(this.headModelRotation());
  }

  get yaw(): number {
    return this.yawDeg;
  }

  get pitch(): number {
    return this.pitchDeg;
  }

  /** Turns the eyes (bones or expressions) to yaw/pitch degrees. */
  applyYawPitch(yaw: number, pitch: number): void {
    this.yawDeg = yaw;
    this.pitchDeg = pitch;
    if (this.type === 'expression') this.applyExpressions(yaw, pitch);
    else this.applyBones(yaw, pitch);
  }

  /** The eyes' position in world space. */
  eyeWorldPosition(): Vector3 {
    const head = this.humanoid.getRawBone('head');
    if (!head) return this.humanoid.root.getAbsolutePosition().clone();
    return Vector3.TransformCoordinates(this.offsetFromHeadBone, head.computeWorldMatrix(true));
  }

  /** Aims the eyes at a world point (yaw/pitch measured from where the head points now). */
  lookAt(world: Vector3): void {
    const root = this.humanoid.root.computeWorldMatrix(true);
    const d = Vector3.TransformNormal(world.subtract(this.eyeWorldPosition()), Matrix.Invert(root));
    if (this.humanoid.flipped) d.set(-d.x, d.y, -d.z);
    // Undo the head's turn since the rest pose, so the angles are relative to the face.
    const headTurn = this.headModelRotation().multiply(this.restHeadInverse);
    d.rotateByQuaternionToRef(Quaternion.Inverse(headTurn), d);
    const yaw = Math.atan2(d.x, d.z) / DEG;
    const pitch = Math.atan2(d.y, Math.hypot(d.x, d.z)) / DEG;
    this.applyYawPitch(yaw, pitch);
  }

  private applyExpressions(yaw: number, pitch: number): void {
    const d = this.def;
    this.expressions.setValue('lookLeft', yaw > 0 ? mapRange(d.rangeMapHorizontalOuter, yaw) : 0);
    this.expressions.setValue('lookRight', yaw < 0 ? mapRange(d.rangeMapHorizontalOuter, yaw) : 0);
    this.expressions.setValue('lookUp', pitch > 0 ? mapRange(d.rangeMapVerticalUp, pitch) : 0);
    this.expressions.setValue('lookDown', pitch < 0 ? mapRange(d.rangeMapVerticalDown, pitch) : 0);
  }

  private applyBones(yaw: number, pitch: number): void {
    const d = this.def;
    const p = pitch > 0 ? mapRange(d.rangeMapVerticalUp, pitch) : -mapRange(d.rangeMapVerticalDown, pitch);
    // Turning to the character's left (+yaw) is outward for the left eye, inward for the right.
    const left =
      Math.sign(yaw) * mapRange(yaw > 0 ? d.rangeMapHorizontalOuter : d.rangeMapHorizontalInner, yaw);
    const right =
      Math.sign(yaw) * mapRange(yaw > 0 ? d.rangeMapHorizontalInner : d.rangeMapHorizontalOuter, yaw);
    this.humanoid.setNormalizedRotation('leftEye', eyeRotation(left, p));
    this.humanoid.setNormalizedRotation('rightEye', eyeRotation(right, p));
  }

  /** The head's rotation in model space (VRM 1.0 axes). */
  private headModelRotation(): Quaternion {
    const head = this.humanoid.getRawBone('head');
    if (!head) return Quaternion.Identity();
    const rel = head
      .computeWorldMatrix(true)
      .multiply(Matrix.Invert(this.humanoid.root.computeWorldMatrix(true)));
    const q = Quaternion.FromRotationMatrix(rel.getRotationMatrix());
    return this.humanoid.flipped ? new Quaternion(-q.x, q.y, -q.z, q.w) : q;
  }
}

/** Yaw (about +Y, + = left) then pitch (+ = up, i.e. about −X) in degrees, VRM 1.0 axes. */
function eyeRotation(yawDeg: number, pitchDeg: number): Quaternion {
  return Quaternion.RotationAxis(Y, yawDeg * DEG).multiply(Quaternion.RotationAxis(X, -pitchDeg * DEG));
}
