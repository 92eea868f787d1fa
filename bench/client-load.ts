/**
 * Client load benchmark. Headless Chromium opens a room page (spectator link, `?debug=1`) and
 * measures navigation → avatar loaded, navigation → first avatar frame, the frame rate at
 * 800×600 while the character speaks, and the JavaScript shipped (raw and gzip). Cold runs use a
 * fresh browser profile each; warm runs reuse one profile (HTTP cache, V8 code cache) after a
 * priming load. Avatars: the room's default one and the VRM 0.x files in /work/shared/fixtures/vrm,
 * served by a small static server and passed with `?avatar=` (honoured only with debug=1).
 * Prints P50/P95.
 *
 *   npx tsx bench/client-load.ts [--runs 5] [--only default|<fixture file>]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Client } from 'colyseus.js';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PROTOCOL_VERSION } from '@shared';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, hasChromium } from '../test-support/browserHarness';
import { bootTestServer, type TestServer } from '../test-support/testServer';
import { buildClient, ROOT } from '../client/e2e/clientBuild';

const FIXTURES = '/work/shared/fixtures/vrm';
const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 5;
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const VIEWPORT = { width: 800, height: 600 };

interface JsBytes {
  raw: number;
  gzip: number;
  files: number;
}
/** Where the time to the first frame went: page start → avatar load start, its phases, then → first frame. */
const PHASES = ['page', 'download', 'plugins', 'parse', 'compile', 'frame'] as const;
interface Sample {
  loadedMs: number;
  firstFrameMs: number;
  fps: number;
  js: JsBytes;
  phases: Record<(typeof PHASES)[number], number>;
}
const breakdown: string[] = [];
interface Room {
  page: string;
  participant: string;
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(`${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);
  console.log(`client build: ${await buildClient()}`);
  const server = await bootTestServer();
  const fixtures = await serveFixtures();
  try {
    const avatars: [string, string | null][] = [
      ['default', null],
      ...vrm0Fixtures().map((f): [string, string] => [f, `${fixtures.url}/${f}`]),
    ];
    console.log(
      `\n${RUNS} runs each at ${VIEWPORT.width}×${VIEWPORT.height}; times from navigation start, ms; ${cpus().length} CPUs, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    console.log(
      pad('avatar', 44) +
        pad('mode', 6) +
        pad('nav→loaded P50/P95', 20) +
        pad('nav→frame P50/P95', 20) +
        pad('FPS P50', 9) +
        'JS raw / gzip',
    );
    for (const [name, avatarUrl] of avatars) {
      if (ONLY && !name.startsWith(ONLY)) continue;
      const query = avatarUrl ? `&avatar=${encodeURIComponent(avatarUrl)}` : '';
      report(name, 'cold', await cold(server, query));
      report(name, 'warm', await warm(server, query));
    }
    console.log(
      `\nWhere the time to the first frame goes (P50 ms): page = navigation → avatar load starts (JS, room info);\n${pad('', 50)}${PHASES.map((p) => pad(p, 10)).join('')}`,
    );
    for (const line of breakdown) console.log(line);
    console.log(
      `\nload average at the end: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      'Reference: three.js + three-vrm, 570–1,060 ms cold / 330–590 ms warm nav→first frame, 186 KB gzip JS.',
    );
  } finally {
    await fixtures.close();
    await server.stop();
  }
}

async function cold(server: TestServer, query: string): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const browser = await launch();
    try {
      out.push(await measure(browser.context, server, query));
    } finally {
      await browser.close();
    }
  }
  return out;
}

async function warm(server: TestServer, query: string): Promise<Sample[]> {
  const browser = await launch();
  try {
    await measure(browser.context, server, query);
    const out: Sample[] = [];
    for (let i = 0; i < RUNS; i++) out.push(await measure(browser.context, server, query));
    return out;
  } finally {
    await browser.close();
  }
}

/** Chromium with a fresh profile (removed on close). */
async function launch(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'kotodama-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport: VIEWPORT,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** One load of a fresh room's page, then the frame rate while a bot makes the character speak. */
async function measure(context: BrowserContext, server: TestServer, query: string): Promise<Sample> {
  const room = await newRoom(server);
  const page = await context.newPage();
  await page.addInitScript(() => performance.setResourceTimingBufferSize(5000));
  try {
    await page.goto(`${room.page}${query}`);
    await page.waitForFunction(
      () => performance.getEntriesByName('kotodama:avatar-first-frame').length > 0,
      null,
      { timeout: 120_000 },
    );
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    const urls = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    const phases = await page.evaluate(() =>
      Object.fromEntries(
        performance
          .getEntriesByType('measure')
          .filter((m) => m.name.startsWith('kotodama:avatar-'))
          .map((m) => [m.name.slice(16), [m.startTime, m.duration] as [number, number]]),
      ),
    );
    const fps = await speakingFps(page, server, room);
    const loadedMs = marks['kotodama:avatar-loaded'];
    const firstFrameMs = marks['kotodama:avatar-first-frame'];
    return {
      loadedMs,
      firstFrameMs,
      fps,
      js: jsBytes(urls),
      phases: phasesOf(phases, loadedMs, firstFrameMs),
    };
  } finally {
    await page.close();
  }
}

function phasesOf(
  measures: Record<string, [number, number]>,
  loadedMs: number,
  firstFrameMs: number,
): Sample['phases'] {
  const d = (name: string) => measures[name]?.[1] ?? NaN;
  return {
    page: measures.download?.[0] ?? NaN,
    download: d('download'),
    plugins: d('plugins'),
    parse: d('parse'),
    compile: d('compile'),
    frame: firstFrameMs - loadedMs,
  };
}

/** A fresh room: its spectator page URL (debug on) and its participant link. */
async function newRoom(server: TestServer): Promise<Room> {
  const guest = await server.post('/api/auth/guest', { name: 'Bench' });
  const room = await server.post('/api/rooms', {}, guest.body.accessToken);
  const at = (link: string) => {
    const u = new URL(link);
    return `${server.url}${u.pathname}${u.search}`;
  };
  return { page: `${at(room.body.links.spectator)}&debug=1`, participant: room.body.links.participant };
}

/** A bot says hello through the participant link; FPS is read 2.5 s into the reply. */
async function speakingFps(page: Page, server: TestServer, room: Room): Promise<number> {
  const guest = await server.post('/api/auth/guest', { name: 'Bot' });
  const link = new URL(room.participant).searchParams.get('link') ?? '';
  const roomId = new URL(room.participant).pathname.split('/').pop() ?? '';
  const bot = await new Client(server.url).joinById(roomId, {
    token: guest.body.accessToken,
    link,
    protocol: PROTOCOL_VERSION,
  });
  for (const t of ['chat', 'utterance', 'subtitle', 'interrupt', 'reaction', 'time', 'error', 'links'])
    bot.onMessage(t, () => undefined);
  try {
    bot.send('say', { text: 'Hello! Tell me about yourself.' });
    await page.waitForFunction(
      () => (window as unknown as { kotodama: { lastUtterance: unknown } }).kotodama.lastUtterance !== null,
      null,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(2500);
    return await page.evaluate(() => (window as unknown as { kotodama: { fps: number } }).kotodama.fps);
  } finally {
    await bot.leave(true).catch(() => undefined);
  }
}

/** JS the page loaded from the built client: raw bytes and gzip bytes (level 9, as a server would send). */
function jsBytes(urls: string[]): JsBytes {
  const out: JsBytes = { raw: 0, gzip: 0, files: 0 };
  for (const url of new Set(urls)) {
    const path = new URL(url).pathname;
    const file = join(ROOT, 'dist/client', path);
    if (!path.endsWith('.js') || !existsSync(file)) continue;
    const bytes = readFileSync(file);
    out.raw += bytes.length;
    out.gzip += gzipSync(bytes, { level: 9 }).length;
    out.files++;
  }
  return out;
}

/** The VRM 0.x fixtures (a root `extensions.VRM`). */
function vrm0Fixtures(): string[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.vrm'))
    .filter((f) => {
      const glb = readFileSync(join(FIXTURES, f));
      const json = JSON.parse(glb.subarray(20, 20 + glb.readUInt32LE(12)).toString('utf8')) as {
        extensions?: Record<string, unknown>;
      };
      return Boolean(json.extensions?.VRM);
    });
}

/** Serves the fixtures with CORS and long-lived cache headers (so warm runs can use the HTTP cache). */
async function serveFixtures(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = join(FIXTURES, basename(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    if (!file.endsWith('.vrm') || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'content-type': 'model/gltf-binary',
      'content-length': body.length,
      'access-control-allow-origin': '*',
      'cache-control': 'public, max-age=31536000, immutable',
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function report(name: string, mode: string, s: Sample[]): void {
  const p = (xs: number[]) => `${Math.round(percentile(xs, 50))}/${Math.round(percentile(xs, 95))}`;
  const js = s[s.length - 1].js;
  console.log(
    pad(name, 44) +
      pad(mode, 6) +
      pad(p(s.map((x) => x.loadedMs)), 20) +
      pad(p(s.map((x) => x.firstFrameMs)), 20) +
      pad(
        percentile(
          s.map((x) => x.fps),
          50,
        ).toFixed(1),
        9,
      ) +
      `${kb(js.raw)} / ${kb(js.gzip)} KB in ${js.files} files`,
  );
  breakdown.push(
    pad(name, 44) +
      pad(mode, 6) +
      PHASES.map((ph) =>
        pad(
          String(
            Math.round(
              percentile(
                s.map((x) => x.phases[ph]),
                50,
              ),
            ),
          ),
          10,
        ),
      ).join(''),
  );
}

/** Nearest-rank percentile. */
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

const pad = (s: string, n: number) => s.padEnd(n);
const kb = (n: number) => (n / 1024).toFixed(0);

void main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
