import { describe, expect, it } from 'vitest';
import type { GltfJson } from './gltf/gltfJson';
import { parseSpringBone } from './springBone/parseSpringBone';
import { parseVrm0 } from './vrm0/parseVrm0';
import { parseVrm1 } from './vrm1/parseVrm1';

/** A glTF with nodes 0..5 (5 is a chain 2 → 3 → 4), mesh 0 shown by nodes 1 and 2, two materials. */
const json: GltfJson = {
  nodes: [
    { name: 'hips', children: [2] },
    { mesh: 0 },
    { mesh: 0, children: [3] },
    { children: [4] },
    {},
    {},
  ],
  meshes: [{ name: 'face' }],
  materials: [{ name: 'Skin' }, { name: 'Hair' }],
};

function collect() {
  const warnings: string[] = [];
  return { warnings, warn: (m: string) => void warnings.push(m) };
}

describe('VRM 0.x reading', () => {
  it('renames presets and thumbs, scales weights, maps materialValues and flips Unity offsets', () => {
    const { warnings, warn } = collect();
    const def = parseVrm0(
      json,
      {
        meta: { title: 'T', licenseName: 'Redistribution_Prohibited' },
        humanoid: {
          humanBones: [
            { bone: 'hips', node: 0 },
            { bone: 'leftThumbProximal', node: 3 },
          ],
        },
        blendShapeMaster: {
          blendShapeGroups: [
            { presetName: 'A', binds: [{ mesh: 0, index: 2, weight: 50 }] },
            { name: 'Surprised', presetName: 'unknown', isBinary: true },
            {
              presetName: 'joy',
              materialValues: [
                { materialName: 'Skin', propertyName: '_Color', targetValue: [1, 0, 0, 1] },
                { materialName: 'Hair', propertyName: '_MainTex_ST', targetValue: [0.5, 0.25, 0.1, 0.2] },
              ],
            },
          ],
        },
        firstPerson: { firstPersonBoneOffset: { x: 0.01, y: 0.05, z: 0.02 }, lookAtTypeName: 'BlendShape' },
        secondaryAnimation: {
          colliderGroups: [{ node: 0, colliders: [{ offset: { x: 0, y: 0.1, z: 0.03 }, radius: 0.2 }] }],
          boneGroups: [{ bones: [2], stiffiness: 0.7, dragForce: 0.2, colliderGroups: [0], center: -1 }],
        },
      },
      warn,
    );
    expect(warnings).toEqual([]);
    expect(def.meta.allowRedistribution).toBe(false);
    expect([...def.humanBones]).toEqual([
      ['hips', 0],
      ['leftThumbMetacarpal', 3],
    ]);
    const [aa, surprised, happy] = def.expressions;
    expect(aa).toMatchObject({ name: 'aa', morphTargetBinds: [{ nodes: [1, 2], index: 2, weight: 0.5 }] });
    expect(surprised).toMatchObject({ name: 'surprised', isBinary: true });
    expect(happy.materialColorBinds).toEqual([{ materials: [0], type: 'color', targetValue: [1, 0, 0, 1] }]);
    expect(happy.textureTransformBinds).toEqual([
      { materials: [1], scale: [0.5, 0.25], offset: [0.1, 1 - 0.2 - 0.25] },
    ]);
    expect(def.lookAt).toMatchObject({ type: 'expression', offsetFromHeadBone: [0.01, 0.05, -0.02] });
    expect(def.springs!.colliders[0].shape).toEqual({ type: 'sphere', offset: [0, 0.1, -0.03], radius: 0.2 });
    // Every node under the root bone swings; the leaf gets a virtual tail (child null).
    expect(def.springs!.springs[0].joints.map((j) => [j.node, j.child, j.stiffness])).toEqual([
      [2, 3, 0.7],
      [3, 4, 0.7],
      [4, null, 0.7],
    ]);
    expect(def.springs!.springs[0].center).toBeNull();
  });

  it('names what is wrong in a broken file and keeps the rest', () => {
    const { warnings, warn } = collect();
    const def = parseVrm0(
      json,
      {
        humanoid: {
          humanBones: [
            { bone: 'hips', node: 99 },
            { bone: 'tail', node: 1 },
            { bone: 'head', node: 1 },
          ],
        },
        blendShapeMaster: {
          blendShapeGroups: [{ presetName: 'a', binds: [{ mesh: 7, index: 0 }] }, { presetName: 'a' }],
        },
        secondaryAnimation: { boneGroups: [{ bones: [42] }] },
      },
      warn,
    );
    expect([...def.humanBones.keys()]).toEqual(['head']);
    expect(def.expressions).toHaveLength(1);
    expect(def.expressions[0].morphTargetBinds).toEqual([]);
    expect(def.springs).toBeNull();
    expect(warnings).toEqual([
      'The humanoid bone hips points at node 99, which does not exist; ignored.',
      'Unknown VRM 0.x humanoid bone "tail"; ignored.',
      'The blend shape group "aa" binds mesh 7, which no node shows; bind ignored.',
      'The blend shape group "aa" appears twice; the second one is ignored.',
      'Spring bone group 0 starts at missing node 42; ignored.',
    ]);
  });
});

describe('VRM 1.0 reading', () => {
  it('reads expressions with override rules and refuses a custom expression with a preset name', () => {
    const { warnings, warn } = collect();
    const def = parseVrm1(
      json,
      {
        meta: { name: 'N', licenseUrl: 'https://vrm.dev/licenses/1.0/', allowRedistribution: true },
        humanoid: { humanBones: { hips: { node: 0 }, head: { node: 1 } } },
        expressions: {
          preset: {
            happy: {
              isBinary: true,
              overrideBlink: 'blend',
              overrideMouth: 'block',
              morphTargetBinds: [{ node: 1, index: 0, weight: 0.3 }],
            },
          },
          custom: { blink: {}, wink: { textureTransformBinds: [{ material: 1, offset: [0.5, 0] }] } },
        },
        lookAt: { type: 'bone' },
      },
      warn,
    );
    expect(def.meta).toMatchObject({
      name: 'N',
      licenseName: 'VRM Public License 1.0',
      allowRedistribution: true,
    });
    expect(def.expressions.map((e) => e.name)).toEqual(['happy', 'wink']);
    expect(def.expressions[0]).toMatchObject({
      isBinary: true,
      overrideBlink: 'blend',
      overrideMouth: 'block',
      overrideLookAt: 'none',
    });
    expect(def.expressions[1].textureTransformBinds).toEqual([
      { materials: [1], scale: [1, 1], offset: [0.5, 0] },
    ]);
    // Bone look-at defaults: 90° → 10°.
    expect(def.lookAt!.rangeMapVerticalUp).toEqual({ inputMaxValue: 90, outputScale: 10 });
    expect(warnings).toEqual(['A custom expression cannot take the preset name "blink"; ignored.']);
  });

  it('VRMC_springBone: joints pair up along a chain, shapes and groups resolve', () => {
    const { warnings, warn } = collect();
    const def = parseSpringBone(
      json,
      {
        colliders: [
          { node: 0, shape: { sphere: { offset: [0, 1, 0], radius: 0.1 } } },
          { node: 0, shape: { capsule: { radius: 0.05, tail: [0, 0, 1] } } },
          { node: 0, shape: { plane: {} } },
        ],
        colliderGroups: [{ colliders: [0, 1, 2] }],
        springs: [
          { joints: [{ node: 2, stiffness: 0.5 }, { node: 3 }, { node: 4 }], colliderGroups: [0], center: 0 },
        ],
      },
      warn,
    );
    expect(def.colliders.map((c) => c.shape.type)).toEqual(['sphere', 'capsule']);
    expect(def.colliderGroups[0].colliders).toEqual([0, 1]);
    expect(def.springs[0].joints.map((j) => [j.node, j.child, j.stiffness, j.dragForce])).toEqual([
      [2, 3, 0.5, 0.5],
      [3, 4, 1, 0.5],
    ]);
    expect(def.springs[0].center).toBe(0);
    expect(warnings).toEqual(['Spring bone collider 2 has no node or no sphere/capsule shape; ignored.']);
  });
});
