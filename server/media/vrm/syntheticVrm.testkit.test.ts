import validator from 'gltf-validator';
import { describe, expect, it } from 'vitest';
import { validateVrm } from './index';
import { buildVrm, type SyntheticVrmOptions, tinyPng } from './vrm.testkit';

/** Errors the Khronos glTF validator reports for `bytes` (warnings and infos ignored). */
async function khronosErrors(bytes: Uint8Array): Promise<string[]> {
  const report = await validator.validateBytes(bytes, { maxIssues: 100 });
  return report.issues.messages.filter((m) => m.severity === 0).map((m) => `${m.code} ${m.pointer ?? ''}`);
}

const VARIANTS: Array<[string, SyntheticVrmOptions]> = [
  ['a bare VRM 1.0', { version: '1.0' }],
  ['a bare VRM 0.x', { version: '0.x' }],
  [
    'VRM 1.0 with textures, thumbnail and mouth shapes',
    {
      version: '1.0',
      thumbnail: true,
      expressions: ['aa', 'happy'],
      vertices: 30,
      images: [
        { mimeType: 'image/png', bytes: tinyPng(16, 16) },
        { mimeType: 'image/png', bytes: tinyPng(2, 2) },
      ],
    },
  ],
  [
    'VRM 0.x with a thumbnail and blend shapes',
    { version: '0.x', thumbnail: true, expressions: ['a', 'joy'] },
  ],
];

describe('the synthetic VRM test kit', () => {
  it.each(VARIANTS)('builds %s that the Khronos glTF validator finds no error in', async (_, options) => {
    expect(await khronosErrors(buildVrm(options))).toEqual([]);
  });

  it.each(VARIANTS)('builds %s that validateVrm accepts', (_, options) => {
    expect(validateVrm(buildVrm(options)).vrmVersion).toBe(options.version);
  });
});
