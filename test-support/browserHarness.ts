import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/** Debian's Chromium; the harness never downloads a browser. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags that make Debian Chromium 15x render WebGL 2 headless through SwiftShader (see CLIENT-NOTES). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
] as const;

/** Options of `launchBrowser`. */
export interface BrowserHarnessOptions {
  /** Extra Chromium flags. */
  args?: string[];
  headless?: boolean;
  /** Default viewport of new pages (default 800 × 600). */
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
}

/** A page plus what it logged, so tests can fail on page errors with the message in hand. */
export interface HarnessPage {
  page: Page;
  /** Console messages and uncaught errors, in order ("error: …", "pageerror: …", "log: …"). */
  logs: string[];
  /** Only errors (console.error and uncaught exceptions). */
  errors(): string[];
}

/** A running headless Chromium with a fresh profile; `close()` removes the profile. */
export interface BrowserHarness {
  context: BrowserContext;
  browser: Browser | null;
  newPage(): Promise<HarnessPage>;
  close(): Promise<void>;
}

/** True when the Chromium binary is installed. */
export function hasChromium(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Launches Debian Chromium through playwright-core with a fresh user-data dir and the
 * SwiftShader flags. Pages log console output and page errors into `logs`.
 */
export async function launchBrowser(options: BrowserHarnessOptions = {}): Promise<BrowserHarness> {
  if (!hasChromium()) throw new Error(`Chromium not found at ${CHROMIUM_PATH} (apt-get install -y chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'kotodama-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: [...CHROMIUM_FLAGS, ...(options.args ?? [])],
    viewport: options.viewport ?? { width: 800, height: 600 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
  });
  return {
    context,
    browser: context.browser(),
    async newPage() {
      const page = await context.newPage();
      const logs: string[] = [];
      page.on('console', (m: ConsoleMessage) => logs.push(`${m.type()}: ${m.text()}`));
      page.on('pageerror', (e: Error) => logs.push(`pageerror: ${e.message}`));
      return {
        page,
        logs,
        errors: () => logs.filter((l) => l.startsWith('error:') || l.startsWith('pageerror:')),
      };
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
