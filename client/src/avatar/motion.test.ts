import './testing/avatarScene';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import type { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import type { Node } from '@babylonjs/core/node';
import type { Utterance } from '@shared';
import { FIXTURES, avatarScene, faceInfluence, hasFixture } from './testing/avatarScene';
import { AvatarRuntime } from './avatarRuntime';
import { HumanoidRig } from './humanoidRig';
import { euler, lookRotation } from './pose';
import { seededRandom } from './random';

const FIXTURES_PRESENT =
  hasFixture('cryptovoxels.vrm') && hasFixture('VRMC_vrm_expressions_isBinary_Overrides.vrm');
if (!FIXTURES_PRESENT && process.env.CI === 'true')
  throw new Error(`VRM fixtures missing at ${FIXTURES} (required when CI=true)`);
if (!FIXTURES_PRESENT)
  console.warn(
    `[skipped] third-party VRM fixtures not found at ${FIXTURES}; their runtime tests are skipped.`,
  );

type Loaded = Awaited<ReturnType<typeof avatarScene>>;
let s: Loaded;
beforeAll(async () => {
  s = await avatarScene('kotoha');
});
afterAll(() => s.dispose());

/** A bone's position in VRM space (x: the character's right, y up, z: behind it). */
function bonePos(rig: HumanoidRig, bone: string, avatar = s.avatar): Vector3 {
  return rig.toVrmSpace(freshWorld(avatar.bones.get(bone)!));
}
/** World position with every ancestor's world matrix recomputed (no render ran). */
function freshWorld(node: TransformNode): Vector3 {
  const chain: TransformNode[] = [];
  for (let n: Node | null = node; n; n = n.parent) chain.unshift(n as TransformNode);
  for (const n of chain) n.computeWorldMatrix(true);
  return node.getAbsolutePosition().clone();
}
function settle(rig: HumanoidRig): void {
  rig.apply();
  for (const node of s.avatar.bones.values()) node.computeWorldMatrix(true);
}
const run = (rt: AvatarRuntime, seconds: number, fps = 30) => {
  for (let t = 0; t < seconds; t += 1 / fps) rt.update(1 / fps);
};

describe('humanoid rig conventions (VRM space: +Z rotation lowers the left arm, yaw + turns to the right)', () => {
  it('lowers both arms from the T-pose', () => {
    const rig = new HumanoidRig(s.avatar);
    rig.reset();
    settle(rig);
    expect(bonePos(rig, 'leftHand').y).toBeCloseTo(bonePos(rig, 'leftUpperArm').y, 2);
    expect(bonePos(rig, 'leftHand').x).toBeLessThan(-0.4);
    rig.rotate('leftUpperArm', euler(0, 0, 80));
    rig.rotate('rightUpperArm', euler(0, 0, -80));
    settle(rig);
    for (const side of ['left', 'right']) {
      expect(bonePos(rig, `${side}Hand`).y).toBeLessThan(bonePos(rig, `${side}UpperArm`).y - 0.35);
    }
    rig.restore();
  });

  it('turns the head to the character’s right (+X) for a positive yaw', () => {
    const rig = new HumanoidRig(s.avatar);
    // The side locks hang in front of the head's pivot: their midpoint swings towards +X.
    const front = () => {
      const l = freshWorld(s.scene.getTransformNodeByName('HairSideL1')!);
      const r = freshWorld(s.scene.getTransformNodeByName('HairSideR1')!);
      return rig.toVrmSpace(l.add(r).scale(0.5));
    };
    rig.restore();
    const rest = front();
    expect(rest.z).toBeLessThan(-0.02);
    rig.reset();
    rig.rotate('head', lookRotation(40, 0));
    rig.apply();
    expect(front().x - rest.x).toBeGreaterThan(0.03);
    rig.restore();
  });
});

describe('rest pose', () => {
  it('is the pose at load time, even when an earlier runtime left the avatar posed', () => {
    const first = new AvatarRuntime(s.avatar, { random: seededRandom(9), now: () => 0 });
    first.gesture('wave');
    run(first, 1);
    const rig = new HumanoidRig(s.avatar);
    rig.restore();
    for (const node of s.avatar.bones.values()) node.computeWorldMatrix(true);
    expect(bonePos(rig, 'rightHand').x).toBeGreaterThan(0.4);
    expect(bonePos(rig, 'rightHand').y).toBeCloseTo(bonePos(rig, 'rightUpperArm').y, 2);
  });
});

describe('idle motion', () => {
  it('stands with arms down, breathes and blinks naturally (including double blinks)', () => {
    const rt = new AvatarRuntime(s.avatar, { random: seededRandom(7), now: () => 0 });
    const blinkStarts: number[] = [];
    let closed = false;
    let chestMin = Infinity,
      chestMax = -Infinity;
    for (let i = 0; i < 60 * 30; i++) {
      rt.update(1 / 30);
      const b = faceInfluence(s.avatar, 'Blink');
      if (b > 0.9 && !closed) blinkStarts.push(i / 30);
      closed = b > 0.9;
      const y = bonePos(rt.rig, 'leftShoulder').y;
      chestMin = Math.min(chestMin, y);
      chestMax = Math.max(chestMax, y);
    }
    expect(bonePos(rt.rig, 'leftHand').y).toBeLessThan(bonePos(rt.rig, 'leftUpperArm').y - 0.3);
    expect(blinkStarts.length).toBeGreaterThan(8);
    expect(blinkStarts.length).toBeLessThan(30);
    const gaps = blinkStarts.slice(1).map((t, i) => t - blinkStarts[i]);
    expect(gaps.some((g) => g < 0.5)).toBe(true);
    expect(gaps.some((g) => g > 2)).toBe(true);
    expect(chestMax - chestMin).toBeGreaterThan(0.001);
    rt.dispose();
    expect(faceInfluence(s.avatar, 'Blink')).toBe(0);
  });
});

describe('look-at', () => {
  it('turns head and eyes toward the camera, and back ahead when told', () => {
    const rt = new AvatarRuntime(s.avatar, { camera: s.camera, random: seededRandom(1), now: () => 0 });
    rt.update(1 / 30);
    s.camera.position = rt.rig.toWorld(new Vector3(0.9, 1.45, -1.2));
    s.camera.computeWorldMatrix();
    rt.lookAt.setTarget({ kind: 'camera' });
    run(rt, 2);
    const gaze = rt.lookAt.gaze;
    expect(gaze.yaw).toBeGreaterThan(25);
    expect(gaze.pitch).toBeGreaterThan(0);
    expect(faceInfluence(s.avatar, 'LookRight')).toBeGreaterThan(0.1);
    expect(faceInfluence(s.avatar, 'LookLeft')).toBe(0);
    rt.lookAt.setTarget({ kind: 'direction', yaw: -30, pitch: 0 });
    run(rt, 2);
    expect(rt.lookAt.gaze.yaw).toBeLessThan(-25);
    expect(faceInfluence(s.avatar, 'LookLeft')).toBeGreaterThan(0.05);
    rt.dispose();
  });
});

describe('gestures', () => {
  it('wave raises the right hand above the shoulder, then returns to idle', () => {
    const rt = new AvatarRuntime(s.avatar, { random: seededRandom(2), now: () => 0 });
    run(rt, 0.5);
    rt.gesture('wave');
    run(rt, 1);
    expect(rt.gestures.active).toBe('wave');
    expect(bonePos(rt.rig, 'rightHand').y).toBeGreaterThan(bonePos(rt.rig, 'rightUpperArm').y + 0.1);
    expect(bonePos(rt.rig, 'leftHand').y).toBeLessThan(bonePos(rt.rig, 'leftUpperArm').y - 0.3);
    run(rt, 2.5);
    expect(rt.gestures.active).toBeNull();
    expect(bonePos(rt.rig, 'rightHand').y).toBeLessThan(bonePos(rt.rig, 'rightUpperArm').y - 0.3);
    rt.dispose();
  });

  it('nod dips the head, think brings the right hand up to the face', () => {
    const rt = new AvatarRuntime(s.avatar, { random: seededRandom(3), now: () => 0 });
    rt.lookAt.setTarget({ kind: 'forward' });
    run(rt, 1);
    const headRest = bonePos(rt.rig, 'head');
    const noseRest = rt.rig.toVrmSpace(s.avatar.bones.get('head')!.getAbsolutePosition()).y;
    rt.gesture('nod');
    run(rt, 0.3);
    expect(rt.rig.get('head').x).toBeLessThan(-0.05);
    expect(Math.abs(bonePos(rt.rig, 'head').y - headRest.y)).toBeLessThan(0.02);
    expect(noseRest).toBeGreaterThan(1);
    rt.gesture('think');
    run(rt, 1.2);
    const hand = bonePos(rt.rig, 'rightHand');
    expect(hand.y).toBeGreaterThan(bonePos(rt.rig, 'neck').y - 0.2);
    expect(Math.abs(hand.x)).toBeLessThan(0.15);
    rt.dispose();
  });
});

describe('avatar runtime', () => {
  it('plays an utterance at its server time: expression, gesture and mouth; interrupt stops them', () => {
    let now = 50_000;
    const rt = new AvatarRuntime(s.avatar, { now: () => now, random: seededRandom(4), neutralAfterMs: 1000 });
    const u: Utterance = {
      turnId: 'turn-1',
      seq: 0,
      text: 'Hi!',
      expression: 'happy',
      gesture: 'nod',
      audioUrl: '',
      durationMs: 1500,
      startAt: 50_500,
      visemes: [
        [0, 'A', 1],
        [300, 'O', 1],
        [600, 'A', 1],
        [1400, 'A', 0],
      ],
    };
    rt.play(u);
    const step = (ms: number) => {
      now += ms;
      rt.update(ms / 1000);
    };
    step(100);
    expect(faceInfluence(s.avatar, 'A')).toBe(0);
    expect(rt.expression.current).toBe('neutral');
    expect(rt.isActive).toBe(false);
    step(400);
    expect(rt.expression.current).toBe('happy');
    expect(rt.gestures.active).toBe('nod');
    expect(rt.isActive).toBe(true);
    step(300);
    expect(faceInfluence(s.avatar, 'O')).toBeGreaterThan(0.5);
    expect(faceInfluence(s.avatar, 'Joy')).toBeGreaterThan(0.9);
    rt.interrupt('turn-1');
    step(33);
    step(33);
    step(33);
    expect(faceInfluence(s.avatar, 'O') + faceInfluence(s.avatar, 'A')).toBeLessThan(0.05);
    expect(rt.lipSync.hasPending).toBe(false);
    for (let i = 0; i < 60; i++) step(33);
    expect(rt.expression.current).toBe('neutral');
    rt.dispose();
  });

  it('swings the hair on spring bones when the head turns', () => {
    const rt = new AvatarRuntime(s.avatar, { random: seededRandom(5), now: () => 0 });
    rt.lookAt.setTarget({ kind: 'forward' });
    run(rt, 1, 60);
    const tip = s.scene.getTransformNodeByName('HairTailR3')!;
    const head = s.avatar.bones.get('head')!;
    const rel = () => tip.getAbsolutePosition().subtract(head.getAbsolutePosition());
    const before = rel().clone();
    rt.lookAt.setTarget({ kind: 'direction', yaw: 45, pitch: 10 });
    for (let i = 0; i < 10; i++) {
      rt.update(1 / 60);
      s.scene.render();
    }
    expect(Vector3.Distance(rel(), before)).toBeGreaterThan(0.01);
    rt.dispose();
  });
});

describe.skipIf(!FIXTURES_PRESENT)('third-party VRM files under the full runtime', () => {
  it.each([
    'cryptovoxels.vrm',
    'mtoon1_2_20_61_vrm0.vrm',
    'pose_rotation_scale_shape_key_skinned.vrm',
    'VRMC_materials_mtoon_UV_Animation_Test.vrm',
  ])('%s: speaks, gestures and idles without errors', async (name) => {
    const m = await avatarScene(resolve(FIXTURES, name));
    try {
      let now = 0;
      const rt = new AvatarRuntime(m.avatar, { camera: m.camera, now: () => now, random: seededRandom(8) });
      rt.play({
        turnId: 'x',
        seq: 0,
        text: '',
        expression: 'happy',
        gesture: 'wave',
        audioUrl: '',
        durationMs: 900,
        startAt: 100,
        visemes: [
          [0, 'A', 1],
          [400, 'O', 1],
        ],
      });
      for (let i = 0; i < 60; i++) {
        now += 33;
        rt.update(0.033);
        m.scene.render();
      }
      if (name === 'cryptovoxels.vrm') {
        // A UniVRM export with non-identity rest rotations: the normalized pose still lowers the arms.
        expect(bonePos(rt.rig, 'leftHand', m.avatar).y).toBeLessThan(
          bonePos(rt.rig, 'leftUpperArm', m.avatar).y - 0.2,
        );
      }
      rt.dispose();
    } finally {
      m.dispose();
    }
  });
});

describe.skipIf(!FIXTURES_PRESENT)('a VRM 1.0 model (+Z facing) under the same runtime', () => {
  it('stands with arms down and looks at the camera side', async () => {
    const v1 = await avatarScene(resolve(FIXTURES, 'VRMC_vrm_expressions_isBinary_Overrides.vrm'));
    try {
      const rt = new AvatarRuntime(v1.avatar, { random: seededRandom(6), now: () => 0 });
      for (let t = 0; t < 1; t += 1 / 30) rt.update(1 / 30);
      const pos = (bone: string) => bonePos(rt.rig, bone, v1.avatar);
      expect(pos('leftHand').y).toBeLessThan(pos('leftUpperArm').y - 0.05);
      expect(pos('rightHand').y).toBeLessThan(pos('rightUpperArm').y - 0.05);
      // Facing the camera: in world space the chest is nearer the camera (−Z) than the back of the hips.
      expect(pos('leftUpperArm').x).toBeLessThan(pos('rightUpperArm').x);
      rt.dispose();
    } finally {
      v1.dispose();
    }
  });
});
