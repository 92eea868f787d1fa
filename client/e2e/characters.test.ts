import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Locator, type Page } from 'playwright-core';
import type { TestServer } from '../../test-support/testServer';
import { browserTestsRun, SHOTS, startE2eStage, type E2eStage } from './e2eStage';
import { person } from './roomPages';
import { builtinVrm, withoutHips, withoutMouthShapes } from './vrmFiles';

const run = browserTestsRun('characters browser test');

/** A phone-sized page: the editor must work there. */
const PHONE = { width: 390, height: 844 };
/** A small upload limit so the client-side size check can be tried with a small file. */
const MAX_UPLOAD = 2 * 1024 * 1024;
const NAME = 'Professor Mika';
const PERSONA =
  'You are Professor Mika, a patient teacher who explains the stars in short, friendly sentences.';
const VRM = 'model/gltf-binary';

describe.skipIf(!run)('characters in the lobby (editor, avatar upload, picker → room)', () => {
  let stage: E2eStage;
  let server: TestServer;
  let browser: Browser;
  const lap = (what: string): void => stage.lap(what);

  beforeAll(async () => {
    stage = await startE2eStage({ env: { AVATAR_MAX_BYTES: String(MAX_UPLOAD) } });
    ({ server, browser } = stage);
  }, 150_000);

  afterAll(async () => {
    await stage?.stop('characters e2e');
  });

  it('creates a character with an uploaded avatar, hosts a room with it, edits and deletes it', async () => {
    const me = await person(browser, 'creator', PHONE);
    const { page } = me;
    const avatarPosts: string[] = [];
    const requested: string[] = [];
    page.on('request', (r) => {
      requested.push(new URL(r.url()).pathname);
      if (r.method() === 'POST' && r.url().endsWith('/api/avatars')) avatarPosts.push(r.url());
    });
    await signIn(page, server.url, 'Mika');
    await page.getByRole('button', { name: /New character/ }).click();
    const dialog = page.getByRole('dialog');
    await fillCharacter(dialog);
    lap('signed in, editor filled (server refused a short persona)');

    const avatar = await uploadAvatars(dialog, avatarPosts);
    lap('four uploads: too big, broken, no lip-sync, good');
    expect(
      await dialog.locator('#character-persona-error').textContent(),
      'the refusal goes once the persona is fixed',
    ).toBe('');
    await dialog.locator('.avatar-chooser').screenshot({ path: `${SHOTS}/characters-avatars-phone.png` });
    await refusePublicWithPrivateAvatar(dialog);
    await dialog.getByRole('button', { name: 'Create character' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const card = page.locator('.character-card', { hasText: NAME });
    await card.waitFor();
    expect(await card.locator('.badge').allTextContents()).toEqual(['Yours', 'Private']);
    expect(await card.locator('.card-radio').isChecked(), 'the new character is chosen').toBe(true);
    expect(await card.locator('.character-blurb').textContent()).toBe('Hello, I am Professor Mika!');
    await page.screenshot({ path: `${SHOTS}/characters-picker-phone.png`, fullPage: true });

    await page.getByRole('button', { name: 'Create room' }).click();
    await page.getByRole('link', { name: /Enter the room/ }).click();
    await page.waitForFunction((name) => document.title.startsWith(name), NAME, { timeout: 30_000 });
    await page.waitForFunction(
      () => performance.getEntriesByName('kotodama:avatar-first-frame').length > 0,
      null,
      { timeout: 60_000, polling: 250 },
    );
    lap('room page with the character on stage');
    expect(await page.locator('.topbar-title').textContent()).toBe(NAME);
    expect(requested, 'the room loads the uploaded avatar').toContain(
      new URL(avatar.url, server.url).pathname,
    );

    await page.goto(`${server.url}/`);
    await changeGreeting(page, 'Welcome back to the observatory!');
    await deleteCharacter(page);
    lap('edited and deleted from the lobby');
    expect(me.errors, 'errors on the page').toEqual([]);
  }, 120_000);
});

async function signIn(page: Page, base: string, name: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.locator('#guest-name').fill(name);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page
    .getByRole('button', { name: /New character/ })
    .and(page.locator(':enabled'))
    .waitFor();
}

/** Fills the form; a too-short persona first, to see the server's refusal next to the field. */
async function fillCharacter(dialog: Locator): Promise<void> {
  await dialog.getByLabel('Name', { exact: true }).fill(NAME);
  await dialog.getByLabel('Persona', { exact: true }).fill('Too short');
  await dialog.getByRole('button', { name: 'Create character' }).click();
  await expect
    .poll(() => dialog.locator('#character-persona-error').textContent())
    .toBe('Persona needs at least 20 characters.');
  expect(await dialog.getByLabel('Persona', { exact: true }).getAttribute('aria-invalid')).toBe('true');
  await dialog.getByLabel('Persona', { exact: true }).fill(PERSONA);
  await dialog.getByLabel('Greeting (optional)').fill('Hello, I am Professor Mika!');
  await dialog.getByLabel('Speaks with').selectOption('espeak');
  await dialog.getByLabel('eSpeak voice').fill('en-us+f3');
  await dialog.locator('.tile-radio').first().waitFor({ state: 'attached' });
}

/**
 * Too big (refused before sending), broken (the server's reason shown), no mouth shapes (stored,
 * flagged), then a good file: progress reaches 100% and the new avatar is selected.
 */
async function uploadAvatars(dialog: Locator, posts: string[]): Promise<{ id: string; url: string }> {
  const file = dialog.locator('#avatar-file');
  const refusal = () => dialog.locator('.upload-refusal').textContent();
  await file.setInputFiles({ name: 'huge.vrm', mimeType: VRM, buffer: Buffer.alloc(MAX_UPLOAD + 1) });
  await expect.poll(refusal).toMatch(/^This file is 2\.1 MB; avatars may be at most 2 MB\./);
  expect(posts, 'nothing sent for a file over the limit').toEqual([]);
  const sora = builtinVrm('sora');
  await file.setInputFiles({ name: 'broken.vrm', mimeType: VRM, buffer: withoutHips(sora) });
  await expect
    .poll(refusal, { timeout: 15_000 })
    .toBe(
      "This file cannot be used: The avatar's skeleton lacks required humanoid bones: hips. Assign them in your VRM exporter's humanoid settings and re-export.",
    );
  await file.setInputFiles({ name: 'mute.vrm', mimeType: VRM, buffer: withoutMouthShapes(sora) });
  await expect
    .poll(() => dialog.locator('.upload-warning').allTextContents(), { timeout: 15_000 })
    .toContain('No lip-sync: this avatar has no mouth shapes, so its mouth will not move while it speaks.');
  const page = dialog.page();
  const answer = page.waitForResponse(
    (r) => r.url().endsWith('/api/avatars') && r.request().method() === 'POST',
  );
  await file.setInputFiles({ name: 'sora.vrm', mimeType: VRM, buffer: sora });
  const avatar = (await (await answer).json()) as { id: string; url: string };
  await expect.poll(() => dialog.locator('.upload-status').textContent()).toContain('and selected it');
  expect(
    await dialog.locator('.upload-bar').evaluate((bar) => (bar as HTMLProgressElement).value),
    'upload progress',
  ).toBe(100);
  expect(await dialog.locator('.upload-warning').count(), 'no warnings for a complete avatar').toBe(0);
  expect(await dialog.locator('.tile-radio:checked').inputValue(), 'the upload is selected').toBe(avatar.id);
  expect(posts).toHaveLength(3);
  return avatar;
}

/** Public needs an avatar everyone may use: an unreviewed upload is refused, the reason shown by the choice. */
async function refusePublicWithPrivateAvatar(dialog: Locator): Promise<void> {
  await dialog.locator('label.segment', { hasText: 'Public' }).click();
  await dialog.getByRole('button', { name: 'Create character' }).click();
  await expect
    .poll(() => dialog.locator('#visibility-error').textContent())
    .toMatch(/^A public character needs an avatar everyone may use/);
  await dialog.locator('label.segment', { hasText: 'Private' }).click();
  expect(await dialog.getByRole('radio', { name: /^Private/ }).isChecked()).toBe(true);
}

/** Edit → a new greeting → Save: the card shows it. */
async function changeGreeting(page: Page, greeting: string): Promise<void> {
  const card = page.locator('.character-card', { hasText: NAME });
  await card.getByRole('button', { name: `Edit ${NAME}` }).click();
  const dialog = page.getByRole('dialog');
  expect(
    await dialog.getByLabel('Name', { exact: true }).inputValue(),
    'the editor opens on the character',
  ).toBe(NAME);
  expect(await dialog.getByLabel('eSpeak voice').inputValue(), 'with its voice').toBe('en-us+f3');
  await dialog.getByLabel('Greeting (optional)').fill(greeting);
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => card.locator('.character-blurb').textContent()).toBe(greeting);
}

/** Edit → Delete character… → Delete for good: the card goes away. */
async function deleteCharacter(page: Page): Promise<void> {
  const card = page.locator('.character-card', { hasText: NAME });
  await card.getByRole('button', { name: `Edit ${NAME}` }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Delete character…' }).click();
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await card.waitFor({ state: 'detached' });
}
