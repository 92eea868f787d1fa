import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, hasChromium } from '../../test-support/browserHarness';
import { bootTestServer, type TestServer } from '../../test-support/testServer';
import { buildClient } from './clientBuild';
import { count, isMouth, isNotBackdrop, mouthBox, type Box } from './pixels';
import { decodePng } from './png';
import { chatText, enableSound, onOrigin, person, readHandle, waitForStage, type Person } from './roomPages';

// Under CI the browser test must run (the CI script installs Chromium); elsewhere it needs /usr/bin/chromium.
const run = hasChromium() || process.env.CI === 'true';
if (!run) console.warn(`Skipping the browser end-to-end test: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);

const MESSAGE = 'Hello Kotoha! Please tell us about yourself.';
const SAME_START_MS = 40;
// Small viewports: software WebGL renders three pages on a couple of cores.
const HOST_VIEW = { width: 560, height: 420 };
const PHONE_VIEW = { width: 360, height: 560 };
/** Screenshots land here (git-ignored) so a failure can be looked at. */
const SHOTS = fileURLToPath(new URL('../../test-results/e2e', import.meta.url));

describe.skipIf(!run)('room in the browser (lobby → three people → a spoken reply)', () => {
  let server: TestServer;
  let browser: Browser;
  const timings: string[] = [];
  let since = Date.now();
  const lap = (what: string) => { timings.push(`${what} ${((Date.now() - since) / 1000).toFixed(1)} s`); since = Date.now(); };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    lap(`client ${await buildClient()}`);
    server = await bootTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS], headless: true });
    lap('server and browser up');
  }, 150_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    console.log(`room e2e: ${timings.join(', ')}`);
  });

  it('shows one chat to all three, the same sentence starting together, a moving mouth, and no chat box for the spectator', async () => {
    const host = await person(browser, 'host', HOST_VIEW);
    const links = await createRoomFromLobby(host, server.url);
    await host.page.goto(`${links.participant}&debug=1`);

    const guest = await person(browser, 'participant', PHONE_VIEW);
    await guest.page.goto(`${links.participant}&debug=1`);
    await guest.page.locator('.gate-card input').fill('Ben');
    await guest.page.locator('.gate-card button[type=submit]').click();

    const viewer = await person(browser, 'spectator', PHONE_VIEW);
    await viewer.page.goto(`${links.spectator}&debug=1`);

    const everyone = [host, guest, viewer];
    await Promise.all(everyone.map((p) => waitForStage(p.page)));
    lap('three pages joined with the avatar drawn');
    await Promise.all(everyone.map((p) => enableSound(p.page)));
    expect(await Promise.all(everyone.map(async (p) => (await readHandle(p.page)).role))).toEqual(['host', 'participant', 'spectator']);

    const quiet = decodePng(await host.page.screenshot({ path: `${SHOTS}/host-quiet.png` }));
    const search: Box = { x0: HOST_VIEW.width * 0.3, y0: HOST_VIEW.height * 0.12, x1: HOST_VIEW.width * 0.7, y1: HOST_VIEW.height * 0.6 };
    const face = mouthBox(quiet, search);
    expect(face, 'the avatar\'s face is on screen').not.toBeNull();
    expect(count(quiet, search, isNotBackdrop) / ((search.x1 - search.x0) * (search.y1 - search.y0))).toBeGreaterThan(0.15);
    const closedMouth = count(quiet, face!, isMouth);

    await guest.page.locator('.composer-input').fill(MESSAGE);
    await guest.page.locator('.composer-input').press('Enter');
    for (const p of everyone) await expect.poll(() => chatText(p.page), { timeout: 15_000, message: `chat on the ${p.name} page` }).toContain(MESSAGE);

    lap('chat line on all three pages');
    let shots = 0;
    const watch = await watchReply(everyone, async () => {
      const shot = decodePng(await host.page.screenshot({ path: `${SHOTS}/host-speaking-${++shots}.png` }));
      const box = mouthBox(shot, search);
      return box ? count(shot, box, isMouth) : 0;
    });

    lap('reply watched');
    await Promise.all(everyone.map((p) => p.page.screenshot({ path: `${SHOTS}/${p.name}-after-reply.png` })));
    for (const p of everyone) {
      expect(watch.mouthPeak[p.name], `mouth opens on the ${p.name} page`).toBeGreaterThan(0.2);
      expect(watch.mouthValues[p.name].size, `mouth moves on the ${p.name} page`).toBeGreaterThanOrEqual(3);
    }
    expect(watch.common, 'one sentence seen starting on all three pages').not.toBeNull();
    expect(watch.spreadMs, `start spread of ${watch.common}`).toBeLessThan(SAME_START_MS);
    expect(Math.max(...watch.openMouth), `mouth pixels open vs closed (${closedMouth})`).toBeGreaterThan(closedMouth * 2 + 40);

    expect(await viewer.page.locator('.composer-input').isVisible(), 'the spectator has no chat box').toBe(false);
    expect(await viewer.page.locator('.watching-badge').isVisible(), 'the spectator sees "Watching"').toBe(true);
    expect(await guest.page.locator('.composer-input').isEnabled(), 'the participant can type').toBe(true);
    for (const p of everyone) expect(p.errors, `errors on the ${p.name} page`).toEqual([]);
  }, 150_000);
});

/** Lobby: a guest name, a new room, its two links (moved onto the server's real address). */
async function createRoomFromLobby(host: Person, base: string): Promise<{ participant: string; spectator: string }> {
  await host.page.goto(`${base}/`);
  await host.page.locator('#guest-name').fill('Aiko');
  await host.page.getByRole('button', { name: 'Continue' }).click();
  await host.page.getByRole('button', { name: 'Create room' }).click();
  const inputs = host.page.locator('.share-row .link-input');
  await expect.poll(() => inputs.count(), { timeout: 15_000 }).toBe(2);
  const [participant, spectator] = await inputs.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
  return { participant: onOrigin(participant, base), spectator: onOrigin(spectator, base) };
}

interface ReplyWatch {
  mouthPeak: Record<string, number>;
  mouthValues: Record<string, Set<number>>;
  common: string | null;
  spreadMs: number;
  openMouth: number[];
}

/**
 * Polls every page's debug handle through the reply: mouth weights, and the absolute start time
 * (`startAtLocalMs + timeOrigin`) of every sentence each page started. Takes a few screenshots
 * of the host page while its mouth is open. Stops once every page has seen the mouth move and
 * a sentence after the first one started everywhere (or after 45 s).
 */
async function watchReply(people: Person[], openShot: () => Promise<number>): Promise<ReplyWatch> {
  const w: ReplyWatch = { mouthPeak: {}, mouthValues: {}, common: null, spreadMs: Infinity, openMouth: [] };
  const starts: Record<string, Map<string, number>> = {};
  for (const p of people) { w.mouthPeak[p.name] = 0; w.mouthValues[p.name] = new Set(); starts[p.name] = new Map(); }
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    for (const p of people) {
      const k = await readHandle(p.page);
      const open = Object.values(k.mouth).reduce((a, b) => a + b, 0);
      w.mouthPeak[p.name] = Math.max(w.mouthPeak[p.name], open);
      w.mouthValues[p.name].add(Math.round(open * 20));
      if (k.lastUtterance) starts[p.name].set(k.lastUtterance.id, k.lastUtterance.startAtLocalMs + k.timeOrigin);
      if (p === people[0] && open > 0.4 && w.openMouth.length < 4) w.openMouth.push(await openShot());
    }
    pickCommon(w, starts, people.map((p) => p.name));
    const moving = people.every((p) => w.mouthPeak[p.name] > 0.2 && w.mouthValues[p.name].size >= 3);
    if (moving && w.common && !w.common.endsWith(':0') && w.openMouth.length >= 2) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return w;
}

/** The latest sentence every page started, and how far apart its starts were. */
function pickCommon(w: ReplyWatch, starts: Record<string, Map<string, number>>, names: string[]): void {
  const [first, ...rest] = names;
  for (const [id, at] of starts[first]) {
    if (!rest.every((n) => starts[n].has(id))) continue;
    const all = [at, ...rest.map((n) => starts[n].get(id)!)];
    w.common = id;
    w.spreadMs = Math.max(...all) - Math.min(...all);
  }
}
