import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { accountWith } from '../../test-support/accounts';
import type { TestServer } from '../../test-support/testServer';
import { browserTestsRun, SHOTS, startE2eStage, type E2eStage } from './e2eStage';
import { person, type Person } from './roomPages';
import { builtinVrm, withRedistributionProhibited } from './vrmFiles';

const run = browserTestsRun('avatar review browser test');

const PHONE = { width: 390, height: 844 };
/** Guests get random ids, so the admin is an account made with an id listed in ADMINS before boot. */
const ADMIN_ID = randomUUID();
const VRM = 'model/gltf-binary';

describe.skipIf(!run)("the avatar catalogue's approval flow in the lobby", () => {
  let stage: E2eStage;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    stage = await startE2eStage({ env: { ADMINS: ADMIN_ID } });
    ({ server, browser } = stage);
  }, 150_000);

  afterAll(async () => {
    await stage?.stop('avatar review e2e');
  });

  it('an upload waits for review, an admin approves it, its owner deletes another', async () => {
    const uploader = await person(browser, 'uploader', PHONE);
    const dialog = await openEditor(uploader.page, server.url, 'Yui');
    expect(await uploader.page.locator('.review-card').isHidden(), 'no review card for a guest').toBe(true);
    const sora = await upload(dialog, 'sora.vrm', builtinVrm('sora'));
    await expect
      .poll(() => tileOf(dialog, sora).locator('.tile-status').textContent())
      .toBe('Waiting for review');
    const locked = await upload(
      dialog,
      'locked.vrm',
      withRedistributionProhibited(builtinVrm('haru'), 'Locked Haru'),
    );
    expect(await tileOf(dialog, locked).locator('.tile-status').textContent()).toBe(
      'Only you can use this: its licence forbids sharing',
    );
    stage.lap('two uploads: one waiting for review, one its licence keeps private');

    const admin = await adminPage();
    const item = admin.page.locator('.review-item', { hasText: 'Sora' });
    await item.waitFor();
    expect(await item.locator('.review-facts dd').allTextContents()).toEqual([
      'Sora',
      expect.any(String),
      expect.stringMatching(/^(Yes|No)$/),
      'Yes',
    ]);
    expect(await item.getByRole('link', { name: /Download/ }).getAttribute('href')).toBe(sora.url);
    await admin.page.screenshot({ path: `${SHOTS}/avatar-review-phone.png`, fullPage: true });
    await item.getByRole('button', { name: 'Approve' }).click();
    await item.waitFor({ state: 'detached' });
    await expect.poll(() => admin.page.locator('.review-notice').textContent()).toContain('Approved “Sora”');
    await refuseLockedApproval(admin.page);
    stage.lap('approved by the admin; the private licence refused');

    await reopenEditor(uploader.page, dialog);
    await expect.poll(() => tileOf(dialog, sora).locator('.tile-status').textContent()).toBe('Approved');
    expect(await tileOf(dialog, sora).locator('.tile-delete').count(), 'no delete once approved').toBe(0);
    await deleteOwnUpload(dialog);
    stage.lap('the owner sees it approved and deletes a second upload');
    expect([...uploader.errors, ...admin.errors], 'errors on the pages').toEqual([]);
  }, 60_000);

  /** The admin's page, signed in with a token the test signs (the browser only ever sees a stored session). */
  async function adminPage(): Promise<Person> {
    const { token } = await accountWith(server, { id: ADMIN_ID, name: 'Admin' });
    const admin = await person(browser, 'admin', PHONE);
    const session = JSON.stringify({
      accessToken: token,
      refreshToken: 'unused',
      user: { id: ADMIN_ID, name: 'Admin' },
    });
    await admin.page.addInitScript((s) => localStorage.setItem('kotodama.session', s), session);
    await admin.page.goto(`${server.url}/`);
    await admin.page.getByRole('heading', { name: 'Review avatars' }).waitFor();
    return admin;
  }
});

async function openEditor(page: Page, base: string, name: string): Promise<Locator> {
  await page.goto(`${base}/`);
  await page.locator('#guest-name').fill(name);
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/avatars?pending=1'));
  await page.getByRole('button', { name: 'Continue' }).click();
  expect((await refused).status(), 'a guest may not review').toBe(403);
  const create = page.getByRole('button', { name: /New character/ }).and(page.locator(':enabled'));
  await create.click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.tile-radio').first().waitFor({ state: 'attached' });
  return dialog;
}

/** Closes the editor and opens it again: the chooser reloads the catalogue. */
async function reopenEditor(page: Page, dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: /New character/ }).click();
  await dialog.locator('.tile-radio').first().waitFor({ state: 'attached' });
}

async function upload(dialog: Locator, file: string, bytes: Buffer): Promise<{ id: string; url: string }> {
  const answer = dialog
    .page()
    .waitForResponse((r) => r.url().endsWith('/api/avatars') && r.request().method() === 'POST');
  await dialog.locator('#avatar-file').setInputFiles({ name: file, mimeType: VRM, buffer: bytes });
  const avatar = (await (await answer).json()) as { id: string; url: string };
  await expect.poll(() => dialog.locator('.tile-radio:checked').inputValue()).toBe(avatar.id);
  return avatar;
}

/** Approving an avatar whose licence forbids sharing: the server's reason shows beside it, and it stays listed. */
async function refuseLockedApproval(page: Page): Promise<void> {
  const item = page.locator('.review-item', { hasText: 'Locked Haru' });
  expect(await item.locator('.review-facts dd').last().textContent()).toBe(
    'No: The licence prohibits redistributing this avatar.',
  );
  expect(await item.locator('.upload-warning').allTextContents()).toContain(
    'Its licence forbids sharing, so it cannot be approved.',
  );
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect
    .poll(() => item.locator('.review-refusal').textContent())
    .toBe(
      'This avatar can never be public: The licence prohibits redistributing this avatar. It stays usable by its uploader.',
    );
  expect(await item.getByRole('button', { name: 'Approve' }).isEnabled(), 'the buttons work again').toBe(
    true,
  );
}

function tileOf(dialog: Locator, avatar: { id: string }): Locator {
  return dialog.locator('.avatar-cell').filter({ has: dialog.page().locator(`input[value="${avatar.id}"]`) });
}

/** A second upload (selected), Delete… → Keep it → Delete… → Delete avatar: gone, the selection back on a built-in. */
async function deleteOwnUpload(dialog: Locator): Promise<void> {
  const haru = await upload(dialog, 'haru.vrm', builtinVrm('haru'));
  const builtin = await dialog
    .locator('.avatar-cell', { hasNotText: 'Yours' })
    .first()
    .locator('.tile-radio')
    .inputValue();
  await tileOf(dialog, haru)
    .getByRole('button', { name: /^Delete / })
    .click();
  await dialog.locator('.avatar-chooser').screenshot({ path: `${SHOTS}/avatar-chooser-delete-phone.png` });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  expect(await tileOf(dialog, haru).count(), 'kept').toBe(1);
  await tileOf(dialog, haru)
    .getByRole('button', { name: /^Delete / })
    .click();
  await dialog.getByRole('button', { name: 'Delete avatar' }).click();
  await tileOf(dialog, haru).waitFor({ state: 'detached' });
  await expect.poll(() => dialog.locator('.avatar-notice').textContent()).toMatch(/^Deleted “/);
  expect(
    await dialog.locator('.tile-radio:checked').inputValue(),
    'the selection falls back to the default',
  ).toBe(builtin);
  expect(await dialog.locator('.upload-status').textContent(), "the upload's message about it goes too").toBe(
    '',
  );
  await dialog.locator('.avatar-chooser').screenshot({ path: `${SHOTS}/avatar-chooser-own-phone.png` });
}
