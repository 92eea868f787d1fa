import type { Browser, Page } from 'playwright-core';

/** What `window.kotodama` answers (see client/src/debug). */
export interface Handle {
  status: string;
  role: string;
  clockOffsetMs: number;
  expression: string;
  mouth: { A: number; I: number; U: number; E: number; O: number };
  lastUtterance: { id: string; startAtLocalMs: number } | null;
  fps: number;
}

/** A page in its own browser context (its own storage: its own person). */
export interface Person {
  name: string;
  page: Page;
  errors: string[];
}

/** Opens a fresh context and page; console errors and page errors are kept. */
export async function person(browser: Browser, name: string, viewport: { width: number; height: number }): Promise<Person> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`); });
  return { name, page, errors };
}

/** Reads the debug handle plus the page's time origin. */
export function readHandle(page: Page): Promise<Handle & { timeOrigin: number }> {
  return page.evaluate(() => ({ ...(window as unknown as { kotodama: Handle }).kotodama, timeOrigin: performance.timeOrigin }));
}

/** Waits until the room is joined and the avatar's first frame is drawn. */
export async function waitForStage(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(() => {
    const k = (window as unknown as { kotodama?: Handle }).kotodama;
    return k?.status === 'connected' && performance.getEntriesByName('kotodama:avatar-first-frame').length > 0;
  }, null, { timeout, polling: 250 });
}

/** Taps "enable sound" when the browser kept audio suspended (the one-tap affordance). */
export async function enableSound(page: Page): Promise<void> {
  const gate = page.locator('.sound-gate');
  if (await gate.isVisible()) await gate.click();
}

/** The text the screen-reader chat log holds (what the HUD shows as chat). */
export function chatText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('[role=log]')?.textContent ?? '');
}

/** A link from the server with its origin replaced by `base` (the server's real address). */
export function onOrigin(link: string, base: string): string {
  const u = new URL(link);
  return `${base}${u.pathname}${u.search}`;
}
