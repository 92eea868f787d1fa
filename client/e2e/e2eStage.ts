import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, hasChromium } from '../../test-support/browserHarness';
import { inCi } from '../../test-support/services';
import { bootTestServer, type TestServer } from '../../test-support/testServer';
import { buildClient } from './clientBuild';

/** Screenshots land here (git-ignored) so a failure or a layout can be looked at. */
export const SHOTS = fileURLToPath(new URL('../../test-results/e2e', import.meta.url));

/** Whether a browser test runs: under CI it must (the CI script installs Chromium); elsewhere it needs /usr/bin/chromium. */
export function browserTestsRun(what: string): boolean {
  const run = hasChromium() || inCi;
  if (!run) console.warn(`Skipping the ${what}: ${CHROMIUM_PATH} is missing (apt-get install -y chromium).`);
  return run;
}

/** A built client served by a booted server, one headless Chromium, and lap timings for the log. */
export interface E2eStage {
  server: TestServer;
  browser: Browser;
  lap(what: string): void;
  /** Adds a line to what is printed at the end (e.g. a measured figure). */
  note(line: string): void;
  /** Closes the browser and the server, then prints the laps under `label`. */
  stop(label: string): Promise<void>;
}

/** Builds the client (when stale), then boots the server (it looks for dist/client when it starts) while Chromium launches. */
export async function startE2eStage(
  options: { env?: Record<string, string>; browserArgs?: string[] } = {},
): Promise<E2eStage> {
  const timings: string[] = [];
  let since = Date.now();
  const lap = (what: string): void => {
    timings.push(`${what} ${((Date.now() - since) / 1000).toFixed(1)} s`);
    since = Date.now();
  };
  mkdirSync(SHOTS, { recursive: true });
  const launching = chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...(options.browserArgs ?? [])],
    headless: true,
  });
  lap(`client ${await buildClient()}`);
  const server = await bootTestServer(options.env);
  const browser = await launching;
  lap('server and browser up');
  return {
    server,
    browser,
    lap,
    note: (line) => {
      timings.push(line);
    },
    async stop(label) {
      await browser.close().catch(() => undefined);
      await server.stop();
      console.log(`${label}: ${timings.join(', ')}`);
    },
  };
}
