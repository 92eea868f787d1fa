import type { Browser, Page } from 'playwright-core';
import type { DebugValues } from '../src/debug/debugHandle';

/** What `window.kotodama` answers. */
export type Handle = DebugValues;

/** A page in its own browser context (its own storage: its own person). */
export interface Person {
  name: string;
  page: Page;
  errors: string[];
}

/** Opens a fresh context and page; console errors and page errors are kept. */
export async function person(
  browser: Browser,
  name: string,
  viewport: { width: number; height: number },
): Promise<Person> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text()))
      errors.push(`console: ${m.text()}`);
  });
  return { name, page, errors };
}

/** Reads the debug handle plus the page's time origin. */
export function readHandle(page: Page): Promise<Handle & { timeOrigin: number }> {
  return page.evaluate(() => ({
    ...(window as unknown as { kotodama: Handle }).kotodama,
    timeOrigin: performance.timeOrigin,
  }));
}

/** Waits until the room is joined and the avatar's first frame is drawn. */
export async function waitForStage(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const k = (window as unknown as { kotodama?: Handle }).kotodama;
      return (
        k?.status === 'connected' && performance.getEntriesByName('kotodama:avatar-first-frame').length > 0
      );
    },
    null,
    { timeout, polling: 250 },
  );
}

/** Taps "enable sound" when the browser kept audio suspended (the one-tap affordance). */
export async function enableSound(page: Page): Promise<void> {
  const gate = page.locator('.sound-gate');
  if (await gate.isVisible()) await gate.click();
}

/** Waits until the screen-reader chat log (the HUD's chat, as text) holds `text`. */
export async function waitForChat(page: Page, text: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (t) => (document.querySelector('[role=log]')?.textContent ?? '').includes(t),
    text,
    { timeout, polling: 100 },
  );
}

/**
 * One sample of the page's performance: mouth openness (×20, rounded), the last sentence's id, its
 * start on the page's clock as an absolute time, its scheduled start on the server clock, and the
 * round trip of the clock sample that placed it.
 */
export type Sample = [open: number, id: string, startAbsMs: number, scheduledAt: number, clockRttMs: number];

/** Starts sampling the debug handle inside the page every 40 ms (no round trips to the test). */
export async function startSampling(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { kotodama: Handle; __samples: Sample[] };
    w.__samples = [];
    setInterval(() => {
      const k = w.kotodama;
      const open = k.mouth.A + k.mouth.I + k.mouth.U + k.mouth.E + k.mouth.O;
      const u = k.lastUtterance;
      w.__samples.push([
        Math.round(open * 20),
        u?.id ?? '',
        u ? u.startAtLocalMs + performance.timeOrigin : 0,
        u?.startAt ?? 0,
        u?.clockRttMs ?? Infinity,
      ]);
    }, 40);
  });
}

/**
 * Waits until the page's samples show the mouth moving (3+ distinct openings, peak > 0.2) and a
 * sentence after the first one started (or until `timeout`); answers the samples either way, so
 * the test's assertions say what was missing.
 */
export async function waitForSpeech(page: Page, timeout = 45_000): Promise<Sample[]> {
  await page
    .waitForFunction(
      () => {
        const s = (window as unknown as { __samples: Sample[] }).__samples;
        const opens = new Set(s.map((x) => x[0]));
        return (
          opens.size >= 3 &&
          Math.max(...s.map((x) => x[0])) > 4 &&
          s.some((x) => x[1] && !x[1].endsWith(':0'))
        );
      },
      null,
      { timeout, polling: 250 },
    )
    .catch(() => undefined);
  return page.evaluate(() => (window as unknown as { __samples: Sample[] }).__samples);
}

/** Where a page placed a sentence's start: on its own clock (absolute ms), as scheduled, and how surely. */
export interface Start {
  at: number;
  scheduledAt: number;
  clockRttMs: number;
}

/** The start of each sentence a page started (the last value seen for each id). */
export function startsOf(samples: Sample[]): Map<string, Start> {
  const out = new Map<string, Start>();
  for (const [, id, at, scheduledAt, clockRttMs] of samples)
    if (id) out.set(id, { at, scheduledAt, clockRttMs });
  return out;
}

/** A link from the server with its origin replaced by `base` (the server's real address). */
export function onOrigin(link: string, base: string): string {
  const u = new URL(link);
  return `${base}${u.pathname}${u.search}`;
}
