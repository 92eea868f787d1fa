import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  hasChromium,
  launchBrowser,
  type BrowserHarness,
  type HarnessPage,
} from '../../../../test-support/browserHarness';
import { decodePng, type Image } from '../../../e2e/png';
import type { MToonPreviewInfo } from './preview/mtoonPreview';
import type { SphereInfo } from './preview/previewLayout';
import {
  AVATAR_IDS,
  FIXTURES_DIR,
  PROJECT_ROOT,
  avatarBytes,
  fixtureBytes,
  fixtureFiles,
  glbJson,
} from './testing/mtoonScene';
import { buildPreview, servePreview, type PreviewServer } from './testing/previewServer';
import { colorDistance, cropError, meanColor, pixel, silhouette, type RGB } from './testing/toonProfile';

const CI = process.env.CI === 'true';
if (!hasChromium() && CI) throw new Error('Chromium is required under CI=true (apt-get install -y chromium)');
if (!hasChromium())
  console.warn('[skipped] /usr/bin/chromium not installed: the MToon rendering test is skipped.');
const files = fixtureFiles();
if (!files) console.warn(`[skipped] no VRM fixtures at ${FIXTURES_DIR}: only our avatars are rendered.`);

/** Screenshots of every target, for a person to look at (git-ignored). */
const SHOTS = resolve(PROJECT_ROOT, 'test-results/mtoon');

const usesMToon = (json: Record<string, any>): boolean =>
  (json.materials ?? []).some((m: any) => m.extensions?.VRMC_materials_mtoon) ||
  (json.extensions?.VRM?.materialProperties ?? []).some((p: any) => p.shader === 'VRM/MToon');

const targets = [
  ...(files ?? [])
    .filter((f) => usesMToon(glbJson(fixtureBytes(f))))
    .map((f) => ({ name: f, url: `/fixtures/${f}` })),
  ...AVATAR_IDS.filter((id) => usesMToon(glbJson(avatarBytes(id)))).map((id) => ({
    name: `${id}.vrm`,
    url: `/avatars/${id}.vrm`,
  })),
];

describe.skipIf(!hasChromium())('MToon in Chromium (software WebGL 2)', () => {
  let server: PreviewServer;
  let browser: BrowserHarness;
  const measured: string[] = [];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const [built, launched] = await Promise.all([buildPreview(), launchBrowser()]);
    server = await servePreview(built);
    browser = launched;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (measured.length) console.log(`MToon load → drawable (compile), variants:\n${measured.join('\n')}`);
  });

  async function open(url: string): Promise<{ page: HarnessPage; info: MToonPreviewInfo }> {
    const page = await browser.newPage();
    await page.page.goto(`${server.url}/mtoon.html?file=${encodeURIComponent(url)}`);
    const info = (await page.page.evaluate('window.__mtoonReady')) as MToonPreviewInfo;
    return { page, info };
  }

  async function shot(page: HarnessPage, name: string): Promise<Image> {
    const png = await page.page.screenshot();
    writeFileSync(resolve(SHOTS, `${name}.png`), png);
    return decodePng(new Uint8Array(png));
  }

  it.each(targets)(
    '$name: lit spheres show the two-tone MToon falloff, outlines where the file asks',
    async (target) => {
      const { page, info } = await open(target.url);
      const spheres = (await page.page.evaluate('window.__mtoon.show("spheres")')) as SphereInfo[];
      const img = await shot(page, `${target.name}-spheres`);
      await page.page.evaluate('window.__mtoon.show("file")');
      await shot(page, `${target.name}-file`);
      expect(page.errors(), 'page errors').toEqual([]);
      measured.push(
        `  ${target.name}: ${info.loadMs.toFixed(0)} ms (${info.compileMs.toFixed(0)} ms compiling), ` +
          `${info.mtoonVariants} MToon programs for ${info.materials} materials, parallel compile ${info.parallelShaderCompile}`,
      );
      const background = pixel(img, 2, 2);
      const [reference, ...mtoon] = spheres;
      expect(reference.kind).toBe('lambert');
      expect(longestFlatRun(img, reference), 'Lambert falls off smoothly (the check can tell)').toBeLessThan(
        0.3,
      );
      expect(mtoon.length).toBe(info.materials);
      for (const sphere of mtoon) {
        if (sphere.renderMode === 'transparent' && sphere.alpha < 0.05) continue; // the file makes it invisible
        expectToonBands(img, sphere);
        expectOutline(img, sphere, background, info.height);
      }
    },
  );

  it.skipIf(!files?.includes('VRMC_materials_mtoon_UV_Animation_Test.vrm'))(
    'UV animation: the test quads scroll along U and V and turn clockwise, as their arrows say',
    async () => {
      const { page } = await open('/fixtures/VRMC_materials_mtoon_UV_Animation_Test.vrm');
      await page.page.evaluate('window.__mtoon.show("file")');
      const rects = (await page.page.evaluate('window.__mtoon.meshRects()')) as Record<string, Box>;
      const frame = async (t: number, name: string): Promise<Image> => {
        await page.page.evaluate(`window.__mtoon.setTime(${t})`);
        return shot(page, name);
      };
      const start = await frame(0, 'uv-animation-0s');
      const quarter = await frame(0.25, 'uv-animation-0.25s');
      const turned = await frame(Math.PI / 2, 'uv-animation-1.57s');
      expect(page.errors(), 'page errors').toEqual([]);
      const x = inner(rects.ScrollX);
      const q = Math.round((rects.ScrollX.x1 - rects.ScrollX.x0) / 4);
      // uv + 0.25: what was a quarter to the right is now here (the picture moves toward -U).
      expect(cropError(quarter, start, x, q, 0)).toBeLessThan(cropError(quarter, start, x, 0, 0) / 4);
      expect(cropError(quarter, start, x, q, 0)).toBeLessThan(cropError(quarter, start, x, -q, 0) / 4);
      const y = inner(rects.ScrollY);
      const qy = Math.round((rects.ScrollY.y1 - rects.ScrollY.y0) / 4);
      expect(cropError(quarter, start, y, 0, qy)).toBeLessThan(cropError(quarter, start, y, 0, -qy) / 4);
      // The caption under the circular arrows ends up on the left when the picture turns clockwise.
      const rot = rects.ScrollRot;
      const strip = (from: number, to: number): Box => ({
        x0: Math.round(rot.x0 + (rot.x1 - rot.x0) * from),
        x1: Math.round(rot.x0 + (rot.x1 - rot.x0) * to),
        y0: Math.round(rot.y0 + (rot.y1 - rot.y0) * 0.2),
        y1: Math.round(rot.y0 + (rot.y1 - rot.y0) * 0.8),
      });
      expect(darkFraction(turned, strip(0.005, 0.09)), 'caption on the left').toBeGreaterThan(0.05);
      expect(darkFraction(turned, strip(0.91, 0.995)), 'nothing on the right').toBeLessThan(0.01);
    },
  );
});

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A centred square covering `fraction` of a quad's screen box (half of it, shifted by a quarter, stays on the quad). */
function inner(b: Box, fraction = 0.5): Box {
  const side = Math.floor(Math.min(b.x1 - b.x0, b.y1 - b.y0) * fraction);
  const cx = Math.round((b.x0 + b.x1) / 2);
  const cy = Math.round((b.y0 + b.y1) / 2);
  return { x0: cx - side / 2, y0: cy - side / 2, x1: cx - side / 2 + side, y1: cy - side / 2 + side };
}

/** The share of inked pixels (the sample draws in black and grey on white) in a box. */
function darkFraction(img: Image, b: Box): number {
  let dark = 0;
  for (let y = b.y0; y < b.y1; y++)
    for (let x = b.x0; x < b.x1; x++) if (Math.max(...pixel(img, x, y)) < 200) dark++;
  return dark / ((b.x1 - b.x0) * (b.y1 - b.y0));
}

/** Pixels of the sphere's centre row facing the camera enough (edges antialias and carry the rim). */
function facing(s: SphereInfo, minNdotL = -1): { x: number; ndotl: number }[] {
  return s.row.ndotl
    .map((ndotl, i) => ({ x: s.row.x0 + i, ndotl, ndotv: s.row.ndotv[i] }))
    .filter((p) => p.ndotv > 0.35 && p.ndotl >= minNdotL);
}

/** The longest run of near-constant colour across the sphere's lit half, as a fraction of it. */
function longestFlatRun(img: Image, s: SphereInfo): number {
  const row = facing(s, 0.05);
  const colours = row.map((p) => pixel(img, p.x, s.row.y));
  let best = 0;
  for (let i = 0; i < colours.length;) {
    let j = i + 1;
    while (j < colours.length && colorDistance(colours[j], colours[i]) <= 3) j++;
    best = Math.max(best, j - i);
    i = j;
  }
  return best / row.length;
}

/**
 * MToon's shading is linearstep(−1 + toony, 1 − toony, N·L + shift): where N·L + shift lies
 * beyond ±(1 − toony) a pixel is fully lit or fully shaded, so across the sphere the colour must
 * sit on two plateaus (lit, shade) and change only inside the band the parameters predict.
 */
function expectToonBands(img: Image, s: SphereInfo): void {
  const feather = Math.max(1 - s.shadingToony, 1e-4);
  const row = facing(s);
  const at = (p: { x: number }): RGB => pixel(img, p.x, s.row.y);
  const lit = row.filter((p) => p.ndotl + s.shadingShift > feather + 0.04).map(at);
  const shade = row.filter((p) => p.ndotl + s.shadingShift < -feather - 0.04).map(at);
  const where = `${s.material} (toony ${s.shadingToony.toFixed(3)}, shift ${s.shadingShift.toFixed(3)})`;
  expect(lit.length + shade.length, `${where}: most of the row is outside the feather`).toBeGreaterThan(
    row.length * Math.min(0.5, 1 - feather),
  );
  for (const [name, band] of [
    ['lit', lit],
    ['shade', shade],
  ] as const) {
    if (band.length < 4) continue;
    const spread = Math.max(...band.map((c) => colorDistance(c, band[0])));
    expect(spread, `${where}: the ${name} side is one flat colour`).toBeLessThanOrEqual(6);
  }
  if (lit.length >= 4 && shade.length >= 4) {
    const step = colorDistance(lit[0], shade[0]);
    // Equal lit and shade colours (e.g. the UV test's shade = lit texture) give one flat tone.
    if (step > 12) {
      // Colours between the two plateaus appear only where N·L + shift is inside the feather.
      const stray = row.filter(
        (p) =>
          colorDistance(at(p), lit[0]) > 6 &&
          colorDistance(at(p), shade[0]) > 6 &&
          Math.abs(p.ndotl + s.shadingShift) > feather + 0.06,
      );
      expect(
        stray.map((p) => p.x),
        `${where}: the step lies in the predicted band`,
      ).toEqual([]);
    }
  }
}

/** The outline ring outside the surface: as wide as the file says (world metres or screen fraction), in its colour. */
function expectOutline(img: Image, s: SphereInfo, background: RGB, screenHeight: number): void {
  const hits = s.row.ndotl.map((n, i) => (Number.isNaN(n) ? -1 : s.row.x0 + i)).filter((x) => x >= 0);
  const [surfaceLeft, surfaceRight] = [hits[0], hits[hits.length - 1]];
  const [left, right] = silhouette(img, s.cx, s.row.y, background);
  const ring = [surfaceLeft - left, right - surfaceRight];
  const expected =
    s.outlineWidthMode === 'worldCoordinates'
      ? s.outlineWidth * s.pxPerMetre
      : s.outlineWidthMode === 'screenCoordinates'
        ? s.outlineWidth * screenHeight
        : 0;
  const where = `${s.material} outline (${s.outlineWidthMode}, ${s.outlineWidth})`;
  for (const width of ring) {
    if (expected < 1) expect(width, `${where}: none`).toBeLessThanOrEqual(1);
    else {
      expect(width, `${where}: ring width in px (expected ${expected.toFixed(1)})`).toBeGreaterThanOrEqual(
        expected * 0.6,
      );
      expect(width, `${where}: ring width in px (expected ${expected.toFixed(1)})`).toBeLessThanOrEqual(
        expected * 1.5 + 1,
      );
    }
  }
  if (expected < 3) return;
  const colour = meanColor(img, s.row.y, left + 1, surfaceLeft - 2);
  expect(colorDistance(colour, background), `${where}: the ring is drawn`).toBeGreaterThan(30);
  const o = s.outlineColor;
  const dominant = o.indexOf(Math.max(...o));
  if (o.every((c, i) => i === dominant || c * 1.5 < o[dominant]))
    expect(colour.indexOf(Math.max(...colour)), `${where}: ring colour ${colour} follows ${o}`).toBe(
      dominant,
    );
}
