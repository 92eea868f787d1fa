import type { Document } from '@gltf-transform/core';
import type { BoneDef } from './rig';
import type { VrmExtensionInput } from './vrmExtension';

/** VRM 1.0 expression presets and the face morph targets each binds (same shapes as the 0.x groups). */
const PRESETS: [preset: string, target: string][] = [
  ['aa', 'A'],
  ['ih', 'I'],
  ['ou', 'U'],
  ['ee', 'E'],
  ['oh', 'O'],
  ['blink', 'Blink'],
  ['blinkLeft', 'Blink_L'],
  ['blinkRight', 'Blink_R'],
  ['happy', 'Joy'],
  ['angry', 'Angry'],
  ['sad', 'Sorrow'],
  ['relaxed', 'Fun'],
  ['surprised', 'Surprised'],
  ['lookUp', 'LookUp'],
  ['lookDown', 'LookDown'],
  ['lookLeft', 'LookLeft'],
  ['lookRight', 'LookRight'],
];

/**
 * Turns the document from VRM 0.x's orientation (facing −Z) to VRM 1.0's (facing +Z): a 180°
 * turn about Y of every node position, vertex, normal, morph delta and inverse bind matrix.
 */
export function turnToVrm1(doc: Document): void {
  const flip = (a: Float32Array | number[] | null | undefined, stride: number): void => {
    if (!a) return;
    for (let i = 0; i < a.length; i += stride) {
      a[i] = -a[i];
      a[i + 2] = -a[i + 2];
    }
  };
  for (const node of doc.getRoot().listNodes()) {
    const [x, y, z] = node.getTranslation();
    node.setTranslation([-x, y, -z]);
  }
  const done = new Set<unknown>();
  for (const mesh of doc.getRoot().listMeshes())
    for (const prim of mesh.listPrimitives())
      for (const holder of [prim, ...prim.listTargets()])
        for (const name of ['POSITION', 'NORMAL']) {
          const accessor = holder.getAttribute(name);
          if (!accessor || done.has(accessor)) continue;
          done.add(accessor);
          flip(accessor.getArray() as Float32Array, 3);
        }
  for (const skin of doc.getRoot().listSkins()) {
    const ibm = skin.getInverseBindMatrices()?.getArray() as Float32Array | undefined;
    // F·M·F with F = diag(−1, 1, −1, 1): column-major 4×4, entries (r, c) with exactly one flipped axis change sign.
    if (ibm)
      for (let m = 0; m < ibm.length; m += 16)
        for (let c = 0; c < 4; c++)
          for (let r = 0; r < 4; r++)
            if ((r === 0 || r === 2) !== (c === 0 || c === 2)) ibm[m + c * 4 + r] *= -1;
  }
}

/** The root `extensions.VRMC_vrm` and `VRMC_springBone` objects (VRM 1.0) for the turned document. */
export function vrm1Extensions(i: VrmExtensionInput): { VRMC_vrm: object; VRMC_springBone: object } {
  const face = i.nodeIndex(i.faceMesh);
  const vrm = {
    specVersion: '1.0',
    meta: {
      name: i.title,
      version: '1.0',
      authors: ['Kotodama contributors'],
      licenseUrl: 'https://vrm.dev/licenses/1.0/',
      otherLicenseUrl: 'https://creativecommons.org/publicdomain/zero/1.0/',
      avatarPermission: 'everyone',
      commercialUsage: 'corporation',
      creditNotation: 'unnecessary',
      allowRedistribution: true,
      modification: 'allowModificationRedistribution',
      allowExcessivelyViolentUsage: false,
      allowExcessivelySexualUsage: false,
      allowPoliticalOrReligiousUsage: false,
      allowAntisocialOrHateUsage: false,
    },
    humanoid: {
      humanBones: Object.fromEntries(
        i.bones.filter((b) => b.human).map((b) => [b.human, { node: i.nodeIndex(b.name) }]),
      ),
    },
    firstPerson: {
      meshAnnotations: [
        ...i.bodyMeshes.map((m) => ({ node: i.nodeIndex(m), type: 'auto' })),
        ...i.headMeshes.map((m) => ({ node: i.nodeIndex(m), type: 'thirdPersonOnly' })),
      ],
    },
    lookAt: {
      type: 'expression',
      offsetFromHeadBone: [0, 0.07, 0.02],
      rangeMapHorizontalInner: { inputMaxValue: 25, outputScale: 1 },
      rangeMapHorizontalOuter: { inputMaxValue: 25, outputScale: 1 },
      rangeMapVerticalDown: { inputMaxValue: 20, outputScale: 1 },
      rangeMapVerticalUp: { inputMaxValue: 20, outputScale: 1 },
    },
    expressions: {
      preset: Object.fromEntries(
        PRESETS.map(([preset, target]) => [
          preset,
          {
            morphTargetBinds: [{ node: face, index: i.faceTargets.indexOf(target), weight: 1 }],
            // A smile blends the blink away (as VRM 1.0 models commonly declare) and reddens the skirt a little.
            ...(preset === 'happy'
              ? {
                  overrideBlink: 'blend',
                  materialColorBinds: [
                    {
                      material: i.materialNames.indexOf('Skirt'),
                      type: 'color',
                      targetValue: [0.8, 0.1, 0.1, 1],
                    },
                  ],
                }
              : {}),
          },
        ]),
      ),
    },
  };
  return { VRMC_vrm: vrm, VRMC_springBone: springBone(i) };
}

function springBone(i: VrmExtensionInput): object {
  // Arms get capsules (shoulder to elbow), the rest keep the 0.x spheres; offsets turned like the geometry.
  const colliders = i.colliders.map((c) => {
    const offset = [-c.offset[0], c.offset[1], -c.offset[2]];
    if (!c.bone.endsWith('UpperArm'))
      return { node: i.nodeIndex(c.bone), shape: { sphere: { offset, radius: c.radius } } };
    const tail = [offset[0] * 3.5, offset[1], offset[2]];
    return { node: i.nodeIndex(c.bone), shape: { capsule: { offset, tail, radius: c.radius } } };
  });
  const children = (name: string): BoneDef[] => i.bones.filter((b) => b.parent === name);
  const chain = (root: string): string[] => {
    const out = [root];
    for (let next = children(root)[0]; next; next = children(next.name)[0]) out.push(next.name);
    return out;
  };
  return {
    specVersion: '1.0',
    colliders,
    colliderGroups: [{ name: 'body', colliders: colliders.map((_, k) => k) }],
    springs: i.springs.flatMap((s) =>
      s.roots.map((root) => ({
        name: `${s.comment} ${root}`,
        colliderGroups: [0],
        joints: chain(root).map((name) => ({
          node: i.nodeIndex(name),
          hitRadius: s.hitRadius,
          stiffness: s.stiffness,
          gravityPower: s.gravityPower,
          gravityDir: [0, -1, 0],
          dragForce: s.dragForce,
        })),
      })),
    ),
  };
}
