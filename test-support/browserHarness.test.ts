import { describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser } from './browserHarness';

const CI = process.env.CI === 'true';
if (!hasChromium() && CI) throw new Error('Chromium is required under CI=true (apt-get install -y chromium)');
if (!hasChromium())
  console.warn('[skipped] /usr/bin/chromium not installed; the browser harness smoke test is skipped.');

describe.skipIf(!hasChromium())('browser harness', () => {
  it('launches Debian Chromium with software WebGL 2 and records page errors', async () => {
    const harness = await launchBrowser();
    try {
      const { page, errors } = await harness.newPage();
      await page.setContent('<canvas id="c" width="64" height="64"></canvas>');
      const info = (await page.evaluate(`(() => {
        const gl = document.getElementById('c').getContext('webgl2');
        if (!gl) return null;
        gl.clearColor(1, 0, 0, 1); gl.clear(gl.COLOR_BUFFER_BIT);
        const px = new Uint8Array(4); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
        return { version: gl.getParameter(gl.VERSION), red: px[0] };
      })()`)) as { version: string; red: number } | null;
      expect(info?.version).toMatch(/WebGL 2/);
      expect(info?.red).toBe(255);
      await page.evaluate('setTimeout(() => { throw new Error("boom") }, 0)');
      await expect.poll(() => errors().join('\n'), { timeout: 15_000 }).toMatch(/boom/);
    } finally {
      await harness.close();
    }
  });
});
