import { describe, expect, it } from 'vitest';
import validator from 'gltf-validator';
import { Matrix, Quaternion, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { loadInNullScene } from '../../client/src/vrm/testing/vrmTestScene';
import type { VrmModel } from '../../client/src/vrm';
import { buildAvatar, VARIANTS } from './index';

const kotoha = VARIANTS.find((v) => v.id === 'kotoha')!;

/** A bone's position in model space, in VRM 1.0 axes (the character facing +Z). */
function modelPosition(vrm: VrmModel, bone: Parameters<VrmModel['humanoid']['getRawBone']>[0]): Vector3 {
  vrm.root.computeWorldMatrix(true);
  const node = vrm.humanoid.getRawBone(bone)!;
  const p = Vector3.TransformCoordinates(
    node.computeWorldMatrix(true).getTranslation(),
    Matrix.Invert(vrm.root.getWorldMatrix()),
  );
  return vrm.version === '0.x' ? new Vector3(-p.x, p.y, -p.z) : p;
}

const POSE: [Parameters<VrmModel['humanoid']['setNormalizedRotation']>[0], Quaternion][] = [
  ['leftUpperArm', Quaternion.RotationAxis(new Vector3(0, 0, 1), 1.2)],
  ['rightLowerArm', Quaternion.RotationAxis(new Vector3(0, 1, 0), 0.7)],
  ['spine', Quaternion.RotationAxis(new Vector3(1, 0, 0), 0.3)],
  ['head', Quaternion.RotationAxis(new Vector3(0, 1, 0), 0.5)],
  ['leftUpperLeg', Quaternion.RotationAxis(new Vector3(1, 0, 0), -0.6)],
];

describe('one rig as VRM 0.x and as VRM 1.0', () => {
  it('the 1.0 build is valid glTF with VRMC_vrm and VRMC_springBone', async () => {
    const bytes = await buildAvatar(kotoha, '1.0');
    const report = await validator.validateBytes(bytes);
    expect(report.issues.numErrors).toBe(0);
    const s = await loadInNullScene(bytes);
    try {
      expect(s.vrm.version).toBe('1.0');
      expect(s.vrm.warnings).toEqual([]);
      expect(s.vrm.springBones!.colliders.map((c) => c.shape.type).sort()).toEqual([
        'capsule',
        'capsule',
        'sphere',
        'sphere',
        'sphere',
      ]);
      // Its happy expression carries a material-colour bind (the skirt reddens).
      const skirt = s.scene.materials.find((m) => m.name === 'Skirt') as unknown as {
        albedoColor: Vector3 & { r: number };
      };
      s.vrm.expressions.setValue('happy', 1);
      s.vrm.update(0);
      expect(skirt.albedoColor.r).toBeCloseTo(0.8, 6);
    } finally {
      s.dispose();
    }
  });

  it('the same normalized pose puts every bone in the same place in both (the 0.x axis flip)', async () => {
    const [v0, v1] = await Promise.all([
      buildAvatar(kotoha, '0.x').then(loadInNullScene),
      buildAvatar(kotoha, '1.0').then(loadInNullScene),
    ]);
    try {
      for (const s of [v0, v1]) {
        for (const [bone, q] of POSE) s.vrm.humanoid.setNormalizedRotation(bone, q);
        s.vrm.humanoid.setNormalizedHipsPosition(
          s.vrm.humanoid.restHipsPosition.add(new Vector3(0.1, -0.05, 0.2)),
        );
        s.vrm.humanoid.update();
      }
      for (const bone of v0.vrm.humanoid.boneNames) {
        const a = modelPosition(v0.vrm, bone);
        const b = modelPosition(v1.vrm, bone);
        expect(Vector3.Distance(a, b), bone).toBeLessThan(1e-4);
      }
      // The pose did move them: the left hand is raised above the shoulder, towards +X (the character's left).
      const hand = modelPosition(v1.vrm, 'leftHand');
      expect(hand.y).toBeGreaterThan(modelPosition(v1.vrm, 'leftUpperArm').y + 0.2);
      expect(hand.x).toBeGreaterThan(0.1);
    } finally {
      v0.dispose();
      v1.dispose();
    }
  });
});
