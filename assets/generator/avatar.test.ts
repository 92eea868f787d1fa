import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import validator from 'gltf-validator';
import { buildAvatar, VARIANTS } from './index';

const avatarsDir = fileURLToPath(new URL('../avatars/', import.meta.url));

interface ValidationReport {
  issues: {
    numErrors: number;
    numWarnings: number;
    messages: { code: string; severity: number; message: string }[];
  };
}

const glbJson = (bytes: Uint8Array): Record<string, any> => {
  const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
  return JSON.parse(new TextDecoder().decode(bytes.subarray(20, 20 + length)));
};

const REQUIRED_BONES = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
];
const PRESETS = [
  'neutral',
  'a',
  'i',
  'u',
  'e',
  'o',
  'blink',
  'blink_l',
  'blink_r',
  'joy',
  'angry',
  'sorrow',
  'fun',
];

describe.each(VARIANTS.map((v) => [v.id, v] as const))('avatar %s', (id, variant) => {
  it('matches the committed file byte for byte (the generator is deterministic and assets are rebuilt)', async () => {
    const built = await buildAvatar(variant);
    const committed = new Uint8Array(readFileSync(`${avatarsDir}${id}.vrm`));
    expect(built.length).toBe(committed.length);
    expect(Buffer.compare(Buffer.from(built), Buffer.from(committed))).toBe(0);
  });

  it('is a valid glTF 2.0 file (gltf-validator: no errors) under 1 MB', async () => {
    const bytes = new Uint8Array(readFileSync(`${avatarsDir}${id}.vrm`));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const report = (await validator.validateBytes(bytes, { maxIssues: 100 })) as ValidationReport;
    const errors = report.issues.messages.filter((m) => m.severity === 0);
    expect(errors).toEqual([]);
    // The only warning allowed is the one every VRM 0.x file gets for its "VRM" extension name.
    const warnings = report.issues.messages.filter((m) => m.severity === 1).map((m) => m.code);
    expect(warnings.filter((c) => c !== 'INVALID_EXTENSION_NAME_FORMAT')).toEqual([]);
  });

  it('carries a complete VRM 0.x extension (CC0 meta, humanoid, blend shapes, spring bones, materials)', () => {
    const json = glbJson(new Uint8Array(readFileSync(`${avatarsDir}${id}.vrm`)));
    const vrm = json.extensions.VRM;
    expect(json.extensionsUsed).toContain('VRM');
    expect(vrm.meta).toMatchObject({
      title: variant.title,
      licenseName: 'CC0',
      commercialUssageName: 'Allow',
      allowedUserName: 'Everyone',
    });
    const bones = Object.fromEntries(
      vrm.humanoid.humanBones.map((b: { bone: string; node: number }) => [b.bone, b.node]),
    );
    for (const bone of REQUIRED_BONES) expect(json.nodes[bones[bone]], bone).toBeDefined();
    expect(json.nodes[vrm.firstPerson.firstPersonBone].name).toBe('Head');
    const groups = vrm.blendShapeMaster.blendShapeGroups;
    expect(groups.map((g: { presetName: string }) => g.presetName)).toEqual(expect.arrayContaining(PRESETS));
    const face = json.meshes.findIndex((m: { name: string }) => m.name === 'Face');
    const targetNames: string[] = json.meshes[face].extras.targetNames;
    for (const g of groups) {
      for (const b of g.binds) {
        expect(b.mesh).toBe(face);
        expect(b.weight).toBeGreaterThan(0);
        expect(b.weight).toBeLessThanOrEqual(100);
        expect(targetNames[b.index].toLowerCase()).toBe(g.name.toLowerCase());
      }
    }
    expect(targetNames).toEqual(
      expect.arrayContaining([
        'A',
        'I',
        'U',
        'E',
        'O',
        'Blink',
        'Blink_L',
        'Blink_R',
        'Joy',
        'Angry',
        'Sorrow',
        'Fun',
      ]),
    );
    expect(vrm.secondaryAnimation.boneGroups.length).toBeGreaterThanOrEqual(2);
    for (const g of vrm.secondaryAnimation.boneGroups)
      for (const n of g.bones) expect(json.nodes[n].name).toMatch(/^Hair/);
    expect(vrm.secondaryAnimation.colliderGroups.length).toBeGreaterThan(0);
    expect(vrm.materialProperties.map((m: { name: string }) => m.name)).toEqual(
      json.materials.map((m: { name: string }) => m.name),
    );
  });
});
