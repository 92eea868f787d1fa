import { afterEach, describe, expect, it } from 'vitest';
import { MultiMaterial } from '@babylonjs/core/Materials/multiMaterial';
import type { Mesh } from '@babylonjs/core/Meshes/mesh';
import type { Scene } from '@babylonjs/core/scene';
import { MToonMaterial } from './MToonMaterial';
import {
  AVATAR_IDS,
  FIXTURES_DIR,
  appendGlb,
  avatarBytes,
  editGlbJson,
  fixtureBytes,
  fixtureFiles,
  glbJson,
  nullScene,
  registerLoaders,
  renderUntilReady,
} from './testing/mtoonScene';

registerLoaders();

const files = fixtureFiles();
if (!files && process.env.CI === 'true')
  throw new Error(`VRM fixtures missing at ${FIXTURES_DIR} (required in CI)`);
if (!files)
  console.warn(`[skipped] no VRM fixtures at ${FIXTURES_DIR}: the MToon fixture tests are skipped.`);

/** The sRGB decoding UniVRM applies to 0.x colours, written out here independently of the loader. */
const linear = (c: number): number => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const rgb = (c: { r: number; g: number; b: number }): number[] => [c.r, c.g, c.b];
const close = (actual: number[], expected: number[]): void =>
  actual.forEach((a, i) => expect(a, `component ${i}`).toBeCloseTo(expected[i], 5));

let open: { dispose(): void } | null = null;
afterEach(() => {
  open?.dispose();
  open = null;
});

async function load(bytes: Uint8Array): Promise<Scene> {
  const s = nullScene();
  open = s;
  await appendGlb(s.scene, bytes);
  expect(await renderUntilReady(s.scene), 'every mesh becomes drawable').toBe(true);
  return s.scene;
}

const mtoonByName = (scene: Scene): Map<string, MToonMaterial> =>
  new Map(
    scene.materials
      .filter((m) => m instanceof MToonMaterial && !m.isOutline)
      .map((m) => [m.name, m as MToonMaterial]),
  );

describe.skipIf(!files)('every fixture gets MToon exactly where the file asks for it', () => {
  it.each(files ?? [])('%s', async (file) => {
    const bytes = fixtureBytes(file);
    const json = glbJson(bytes);
    const v0 = (json.extensions?.VRM?.materialProperties ?? []) as { shader: string }[];
    const wanted = (json.materials ?? []).map(
      (m: any, i: number) => !!m.extensions?.VRMC_materials_mtoon || v0[i]?.shader === 'VRM/MToon',
    );
    const scene = await load(bytes);
    const mtoon = mtoonByName(scene);
    json.materials.forEach((m: any, i: number) => {
      const name = m.name || `material${i}`;
      expect(mtoon.has(name), `${name} is MToon`).toBe(wanted[i]);
      if (!wanted[i])
        expect(scene.getMaterialByName(name)?.getClassName(), `${name} keeps its glTF material`).toBe(
          'PBRMaterial',
        );
    });
  });
});

describe.skipIf(!files?.includes('mtoon1_2_20_61_vrm0.vrm'))(
  'VRM 0.x MToon (mtoon1_2_20_61_vrm0.vrm)',
  () => {
    const file = 'mtoon1_2_20_61_vrm0.vrm';

    it('migrates each materialProperties entry to the 1.0 parameters as UniVRM does', async () => {
      const json = glbJson(fixtureBytes(file));
      const scene = await load(fixtureBytes(file));
      const mtoon = mtoonByName(scene);
      expect(mtoon.size).toBe(4);
      for (const p of json.extensions.VRM.materialProperties) {
        const m = mtoon.get(p.name)!;
        const f = p.floatProperties;
        const v = p.vectorProperties;
        close([...rgb(m.baseColor), m.baseColor.a], [...v._Color.slice(0, 3).map(linear), v._Color[3]]);
        close(rgb(m.shadeColor), v._ShadeColor.slice(0, 3).map(linear));
        close(rgb(m.rimColor), v._RimColor.slice(0, 3).map(linear));
        close(rgb(m.outlineColor), v._OutlineColor.slice(0, 3).map(linear));
        close(rgb(m.emissiveColor), v._EmissionColor.slice(0, 3));
        expect(m.renderMode).toBe(['opaque', 'cutout', 'transparent', 'transparentWithZWrite'][f._BlendMode]);
        expect(m.doubleSided).toBe(f._CullMode !== 2);
        expect(m.outlineWidthMode).toBe(
          ['none', 'worldCoordinates', 'screenCoordinates'][f._OutlineWidthMode],
        );
        const widthScale = [0, 0.01, 0.005][f._OutlineWidthMode];
        expect(m.outlineWidth).toBeCloseTo(f._OutlineWidth * widthScale, 6);
        expect(m.outlineLightingMix).toBeCloseTo(f._OutlineColorMode === 1 ? f._OutlineLightingMix : 0, 6);
        expect(m.uvAnimationScrollXSpeed).toBeCloseTo(f._UvAnimScrollX, 6);
        expect(m.uvAnimationScrollYSpeed).toBeCloseTo(-f._UvAnimScrollY, 6);
        expect(m.uvAnimationRotationSpeed).toBeCloseTo(f._UvAnimRotation * 2 * Math.PI, 6);
        expect(m.giEqualization).toBeCloseTo(1 - f._IndirectLightIntensity, 6);
        expect(m.rimFresnelPower).toBeCloseTo(f._RimFresnelPower, 6);
        expect(m.rimLift).toBeCloseTo(f._RimLift, 6);
        expect(m.rimLightingMix).toBe(1);
        if (m.renderMode === 'cutout') expect(m.alphaCutoff).toBeCloseTo(f._Cutoff, 6);
        // The texture slots follow the 0.x texture properties (the main texture doubles as the shade texture).
        const t = p.textureProperties;
        expect(!!m.textures.baseColorTexture).toBe(t._MainTex !== undefined);
        expect(!!m.textures.shadeMultiplyTexture).toBe(
          t._ShadeTexture !== undefined || t._MainTex !== undefined,
        );
        expect(!!m.textures.normalTexture).toBe(t._BumpMap !== undefined);
        expect(!!m.textures.matcapTexture).toBe(t._SphereAdd !== undefined);
        expect(!!m.textures.rimMultiplyTexture).toBe(t._RimTexture !== undefined);
        expect(!!m.textures.outlineWidthMultiplyTexture).toBe(t._OutlineWidthTexture !== undefined);
        expect(!!m.textures.uvAnimationMaskTexture).toBe(t._UvAnimMaskTexture !== undefined);
      }
    });

    it('turns 0.x shade toony/shift into the 1.0 shading range (centre and margin kept)', async () => {
      const mtoon = mtoonByName(await load(fixtureBytes(file)));
      // Opaque: toony 1, shift 0.5 → lit for NdotL ≥ 0.5 with a hard edge.
      expect(mtoon.get('Opaque')!.shadingToony).toBeCloseTo(1, 6);
      expect(mtoon.get('Opaque')!.shadingShift).toBeCloseTo(-0.5, 6);
      // Cutout: toony 7/11, shift -0.375 → range [-0.375, 0.125]: toony 0.75, shift 0.125.
      expect(mtoon.get('Cutout')!.shadingToony).toBeCloseTo(0.75, 6);
      expect(mtoon.get('Cutout')!.shadingShift).toBeCloseTo(0.125, 6);
    });

    it('applies _MainTex scale/offset (flipped to glTF V-down) to the UV-mapped textures, not to the matcap', async () => {
      const mtoon = mtoonByName(await load(fixtureBytes(file)));
      const opaque = mtoon.get('Opaque')!; // _MainTex [-0.125, -0.125, 1.5, 1]
      for (const slot of [
        'baseColorTexture',
        'shadeMultiplyTexture',
        'normalTexture',
        'emissiveTexture',
      ] as const) {
        const t = opaque.textures[slot] as any;
        expect([t.uOffset, t.vOffset, t.uScale, t.vScale], slot).toEqual([-0.125, 0.125, 1.5, 1]);
      }
      const matcap = opaque.textures.matcapTexture as any;
      expect([matcap.uOffset, matcap.vOffset, matcap.uScale, matcap.vScale]).toEqual([0, 0, 1, 1]);
    });

    it('draws outlines as a second sub-mesh where the width is not zero, and sorts the transparent queues', async () => {
      const scene = await load(fixtureBytes(file));
      const mesh = (name: string) => scene.getMeshByName(name) as Mesh;
      for (const name of ['Opeque', 'TransparentWithZWrite']) {
        const m = mesh(name);
        expect(m.material, name).toBeInstanceOf(MultiMaterial);
        expect(m.subMeshes.map((s) => s.getMaterial()?.name)).toEqual([
          expect.not.stringContaining('outline'),
          expect.stringContaining('(outline)'),
        ]);
      }
      // Transparent's screen width is 0 and Cutout has no outline mode: one pass each.
      for (const name of ['Cutout', 'Transparent']) expect(mesh(name).subMeshes.length, name).toBe(1);
      expect(mesh('TransparentWithZWrite').alphaIndex).toBeLessThan(mesh('Transparent').alphaIndex);
      const zWrite = mtoonByName(scene).get('TransparentWithZWrite')!;
      expect(zWrite.forceDepthWrite && zWrite.needAlphaBlending()).toBe(true);
      expect(mtoonByName(scene).get('Cutout')!.needAlphaTesting()).toBe(true);
    });

    it('compiles few shader variants: 4 for 4 materials in all render modes, 2 of them outlined', async () => {
      const scene = await load(fixtureBytes(file));
      const keys = Object.keys((scene.getEngine() as any)._compiledEffects).filter((k) =>
        k.startsWith('kotodamaMToon'),
      );
      // plain, alpha test, normal map, outline
      expect(keys.length).toBe(4);
    });
  },
);

describe.skipIf(!files?.includes('VRMC_materials_mtoon_UV_Animation_Test.vrm'))(
  'VRM 1.0 VRMC_materials_mtoon',
  () => {
    const file = 'VRMC_materials_mtoon_UV_Animation_Test.vrm';

    it('reads every material the way its JSON states (unset values take the spec defaults)', async () => {
      const json = glbJson(fixtureBytes(file));
      const mtoon = mtoonByName(await load(fixtureBytes(file)));
      for (const material of json.materials) {
        const ext = material.extensions.VRMC_materials_mtoon;
        const m = mtoon.get(material.name)!;
        close(rgb(m.shadeColor), ext.shadeColorFactor);
        close([...rgb(m.baseColor), m.baseColor.a], material.pbrMetallicRoughness.baseColorFactor);
        expect(m.uvAnimationScrollXSpeed).toBe(ext.uvAnimationScrollXSpeedFactor ?? 0);
        expect(m.uvAnimationScrollYSpeed).toBe(ext.uvAnimationScrollYSpeedFactor ?? 0);
        expect(m.uvAnimationRotationSpeed).toBe(ext.uvAnimationRotationSpeedFactor ?? 0);
        expect(m.doubleSided).toBe(material.doubleSided);
        expect([m.shadingToony, m.giEqualization, m.rimFresnelPower, m.outlineWidthMode]).toEqual([
          0.9,
          0.9,
          5,
          'none',
        ]);
        expect(m.textures.baseColorTexture).toBeDefined();
        expect(m.textures.shadeMultiplyTexture).toBeDefined();
        // KHR_materials_unlit is on these materials too: MToon takes precedence.
        expect(material.extensions.KHR_materials_unlit).toBeDefined();
      }
    });

    it('advances the UV animation with the clock, wrapping scroll offsets into [0, 1)', async () => {
      const scene = await load(fixtureBytes(file));
      const scrollX = mtoonByName(scene).get('ScrollX')! as any;
      const { mtoonSceneState } = await import('./mtoonSceneState');
      mtoonSceneState(scene).seconds = 2.25;
      scrollX.isReady(scene.getMeshByName('ScrollX'));
      expect(scrollX._vectors4.uvAnimation.x).toBeCloseTo(0.25, 6);
    });

    it('keeps a material whose values are malformed, with spec defaults and a warning naming the field', async () => {
      const bytes = editGlbJson(fixtureBytes(file), (json: any) => {
        const ext = json.materials[0].extensions.VRMC_materials_mtoon;
        ext.shadingToonyFactor = 'very';
        ext.shadeColorFactor = [1, 2];
        ext.matcapTexture = { index: 99 };
      });
      const warnings: string[] = [];
      const { Logger } = await import('@babylonjs/core/Misc/logger');
      const previous = Logger.OnNewCacheEntry;
      Logger.OnNewCacheEntry = (entry) => warnings.push(entry);
      try {
        const mtoon = mtoonByName(await load(bytes));
        const m = mtoon.get('ScrollX')!;
        expect(m.shadingToony).toBe(0.9);
        expect(rgb(m.shadeColor)).toEqual([0, 0, 0]);
        expect(m.textures.matcapTexture).toBeUndefined();
        expect(mtoon.get('ScrollY')!.shadeColor.r).toBe(1);
      } finally {
        Logger.OnNewCacheEntry = previous;
      }
      expect(warnings.join('\n')).toMatch(/shadingToonyFactor = "very" is invalid; using 0.9/);
      expect(warnings.join('\n')).toMatch(/shadeColorFactor = \[1,2\] is invalid/);
      expect(warnings.join('\n')).toMatch(/matcapTexture names texture 99, but the file has 3/);
    });
  },
);

describe('our own avatars', () => {
  it.each(AVATAR_IDS)('%s uses MToon exactly for its "VRM/MToon" materials', async (id) => {
    const bytes = avatarBytes(id);
    const props = glbJson(bytes).extensions.VRM.materialProperties as { name: string; shader: string }[];
    const mtoon = mtoonByName(await load(bytes));
    for (const p of props) expect(mtoon.has(p.name), p.name).toBe(p.shader === 'VRM/MToon');
  });
});

describe.skipIf(!files?.includes('mtoon1_2_20_61_vrm0.vrm'))('MToon materials at run time', () => {
  it('the outline pass follows the surface: a colour changed on the surface reaches the outline uniforms', async () => {
    const scene = await load(fixtureBytes('mtoon1_2_20_61_vrm0.vrm'));
    const surface = mtoonByName(scene).get('Opaque')!;
    surface.outlineColor.set(1, 0.5, 0.25);
    const outline = surface.outline as any;
    outline.isReady(scene.getMeshByName('Opeque'));
    const c = outline._vectors4.outlineColor;
    expect([c.x, c.y, c.z]).toEqual([1, 0.5, 0.25]);
  });

  it('disposing one avatar leaves the shared stand-in textures working for the next', async () => {
    const s = nullScene();
    open = s;
    await appendGlb(s.scene, fixtureBytes('mtoon1_2_20_61_vrm0.vrm'));
    expect(await renderUntilReady(s.scene)).toBe(true);
    for (const m of [...s.scene.meshes]) m.dispose(false, true);
    await appendGlb(s.scene, fixtureBytes('mtoon1_2_20_61_vrm0.vrm'));
    expect(await renderUntilReady(s.scene), 'the second load can draw').toBe(true);
  });
});
