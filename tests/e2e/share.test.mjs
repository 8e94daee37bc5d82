// Passing a proposal or a shop on: the phone's share sheet where there is one, else the
// link copied, else the link shown to copy by hand.
import assert from 'node:assert/strict';

import { BASE_URL, DISTRICT, open, scenario, t } from './support.mjs';

scenario('a proposal shared where there is no share sheet: its link is copied', async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  await open(page, `/d/${DISTRICT}/proposals/3`);
  assert.equal(await page.evaluate(() => 'share' in navigator), false, "this browser has no share sheet");
  await page.getByRole('button', { name: t('ko', 'share_action') }).click();
  await page.getByRole('status').filter({ hasText: t('ko', 'share_copied') }).waitFor({ state: 'attached' });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${BASE_URL}/d/${DISTRICT}/proposals/3`);
});

scenario("a shop shared through the phone's share sheet", async (page) => {
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = async (data) => {
      window.__shared.push(data);
    };
    navigator.clipboard.writeText = async () => {
      throw new Error('the share sheet was there: nothing to copy');
    };
  });
  await open(page, `/d/${DISTRICT}/shops/1?lang=en`);
  await page.getByRole('button', { name: t('en', 'share_action') }).click();
  await page.waitForFunction(() => window.__shared.length === 1);
  const [shared] = await page.evaluate(() => window.__shared);
  assert.deepEqual(shared, { title: 'Eungubi Bakery · Golmok', url: `${BASE_URL}/d/${DISTRICT}/shops/1` });
  assert.equal(await page.getByLabel(t('en', 'share_by_hand')).count(), 0);
}, { lang: 'en' });

scenario('where the clipboard is refused, the link shows to copy by hand', async (page) => {
  await page.addInitScript(() => {
    navigator.clipboard.writeText = async () => {
      throw new DOMException('refused', 'NotAllowedError');
    };
  });
  await open(page, `/d/${DISTRICT}/shops/1`);
  await page.getByRole('button', { name: t('ko', 'share_action') }).click();
  const link = page.getByLabel(t('ko', 'share_by_hand'));
  await link.waitFor();
  assert.equal(await link.inputValue(), `${BASE_URL}/d/${DISTRICT}/shops/1`);
});
