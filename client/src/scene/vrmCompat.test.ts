import './testing/nodeGlobals';
import { describe, expect, it } from 'vitest';
import { AppendSceneAsync } from '@babylonjs/core/Loading/sceneLoader';
import type { VRMManager } from 'babylon-vrm-loader';
import { avatarBytes, nullScene, renderUntilReady } from './testing/nodeScene';
import { editGlbJson } from './testing/glbJson';
import { installGltfShaderPatch, installPointerMetadataPatch, forceGltfShaders } from './vrmCompat';

type VrmJson = {
  VRM: {
    materialProperties: { shader: string }[];
    secondaryAnimation: { colliderGroups: unknown[]; boneGroups: { colliderGroups: unknown[] }[] };
  };
};

/** The default avatar with every material declared MToon (as most VRM 0.x files are), optionally without colliders. */
const variant = (options: { mtoon: boolean; colliders: boolean }): Uint8Array =>
  editGlbJson(avatarBytes(), (json) => {
    const vrm = (json.extensions as VrmJson).VRM;
    if (options.mtoon) for (const m of vrm.materialProperties) m.shader = 'VRM/MToon';
    if (!options.colliders) {
      vrm.secondaryAnimation.colliderGroups = [];
      for (const g of vrm.secondaryAnimation.boneGroups) g.colliderGroups = [];
    }
  });

async function load(bytes: Uint8Array) {
  await import('babylon-vrm-loader');
  await import('@babylonjs/loaders/glTF/2.0');
  const stage = nullScene();
  try {
    await AppendSceneAsync(bytes, stage.scene, { pluginExtension: '.vrm' });
  } catch (e) {
    stage.dispose();
    throw e;
  }
  const manager = (stage.scene.metadata.vrmManagers as VRMManager[])[0];
  return { ...stage, manager };
}

const hipsFound = (m: VRMManager): boolean => {
  try {
    return !!m.humanoidBone.hips;
  } catch {
    return false;
  }
};

// Order matters: each test installs one more measure (the patches are global and permanent).
// Each test disposes its scene synchronously: the loader's readiness timer would otherwise hit MToon.
describe('babylon-vrm-loader 2.0 on Babylon 9 needs both compatibility measures', () => {
  it('without them: spring colliders fail the load; no bones, no blend shapes; its MToon breaks readiness', async () => {
    await expect(load(variant({ mtoon: false, colliders: true }))).rejects.toThrow(/reading 'name'/);
    const s = await load(variant({ mtoon: true, colliders: false }));
    try {
      expect(hipsFound(s.manager)).toBe(false);
      expect(s.manager.getMorphingList()).toEqual([]);
      expect(s.scene.materials.some((m) => m.getClassName() === 'MToonMaterial')).toBe(true);
      expect(() => s.scene.isReady()).toThrow(/_shouldTurnAlphaTestOn|CAMERA_ORTHOGRAPHIC/);
    } finally {
      s.dispose();
    }
  });

  it('the shader fallback alone: glTF materials and a ready scene, but still no bones', async () => {
    installGltfShaderPatch();
    const s = await load(variant({ mtoon: true, colliders: false }));
    try {
      expect(s.scene.materials.some((m) => m.getClassName() === 'MToonMaterial')).toBe(false);
      expect(await renderUntilReady(s.scene)).toBe(true);
      expect(hipsFound(s.manager)).toBe(false);
    } finally {
      s.dispose();
    }
  });

  it('with the pointer patch too: bones, blend shapes and spring bones work', async () => {
    installPointerMetadataPatch();
    const s = await load(variant({ mtoon: true, colliders: true }));
    try {
      expect(hipsFound(s.manager)).toBe(true);
      expect(s.manager.humanoidBone.head.name).toBe('Head');
      expect(s.manager.getMorphingList()).toEqual(
        expect.arrayContaining(['A', 'I', 'U', 'E', 'O', 'Blink', 'Joy']),
      );
      s.manager.morphing('A', 1);
      const face = s.scene.meshes.find((m) => m.name === 'Face')!;
      expect(face.morphTargetManager!.getTarget(0).influence).toBe(1);
      expect(await renderUntilReady(s.scene)).toBe(true);
      await expect(s.manager.update(16)).resolves.toBeUndefined();
    } finally {
      s.dispose();
    }
  });
});

describe('forceGltfShaders', () => {
  it('rewrites every VRM 0.x material to the glTF fallback and ignores other files', () => {
    const json = {
      extensions: {
        VRM: { materialProperties: [{ shader: 'VRM/MToon' }, { shader: 'VRM_USE_GLTFSHADER' }] },
      },
    };
    expect(forceGltfShaders(json)).toBe(1);
    expect(json.extensions.VRM.materialProperties.map((m) => m.shader)).toEqual([
      'VRM_USE_GLTFSHADER',
      'VRM_USE_GLTFSHADER',
    ]);
    expect(forceGltfShaders({ extensions: { VRMC_vrm: {} } })).toBe(0);
    expect(forceGltfShaders(null)).toBe(0);
  });
});
