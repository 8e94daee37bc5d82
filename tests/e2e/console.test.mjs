// The district console's news tab, in English: a moderator moves between the tabs
// (claims, reports, news) with the arrow keys, posts the association's news, pins it to the top of the district's
// home, and unpins and deletes it again. In the second district, whose home no other
// test reads.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, banner, logIn, open, scenario, t } from './support.mjs';

const MODERATOR2 = { email: 'moderator2@example.com', password: DEMO_PASSWORD };
const DISTRICT2 = 'dongmyeong';
const lang = 'en';

scenario('a moderator posts, pins, unpins and deletes the district news (en)', async (page) => {
  const title = `Street cleaning day ${Date.now().toString(36).slice(-5)}`;
  const status = (text) => page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' });
  await logIn(page, MODERATOR2, lang);
  await open(page, '/manage');

  // The tabs: one stop in the Tab order, the arrow keys choose.
  const claims = page.getByRole('tab', { name: new RegExp(t(lang, 'tab_claims')) });
  const reports = page.getByRole('tab', { name: new RegExp(t(lang, 'tab_reports')) });
  const news = page.getByRole('tab', { name: t(lang, 'tab_news') });
  await claims.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await reports.getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal(await news.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'tab');
  assert.equal(await claims.getAttribute('tabindex'), '-1');
  const panel = page.getByRole('tabpanel', { name: t(lang, 'tab_news') });

  await panel.getByRole('button', { name: t(lang, 'district_post_cta') }).click();
  await panel.getByLabel(t(lang, 'field_news_title')).fill(title);
  await panel.getByLabel(t(lang, 'field_news_body')).fill('Saturday at 9: brooms for everyone at the association office.');
  await panel.getByRole('button', { name: t(lang, 'post_submit'), exact: true }).click();
  await status(t(lang, 'news_posted'));
  const card = panel.getByRole('listitem').filter({ hasText: title });
  const pin = card.getByRole('button', { name: t(lang, 'news_pin') });
  assert.equal(await pin.getAttribute('aria-pressed'), 'false');
  await pin.click();
  await status(t(lang, 'news_pinned'));
  assert.equal(await card.getByRole('button', { name: t(lang, 'news_pin') }).getAttribute('aria-pressed'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id ?? ''), await pin.getAttribute('id'), 'the cursor stays on the pin');

  // Pinned: first on the district's home, for everyone.
  await banner(page).getByRole('button', { name: t(lang, 'logout'), exact: true }).click();
  await open(page, `/d/${DISTRICT2}?lang=${lang}`);
  const headlines = page.getByRole('region', { name: t(lang, 'news_heading') }).getByRole('listitem');
  assert.match(await headlines.first().innerText(), new RegExp(title));

  // Unpinned and deleted: gone from the home again.
  await logIn(page, MODERATOR2, lang);
  await open(page, '/manage');
  await page.getByRole('tab', { name: t(lang, 'tab_news') }).click();
  await card.getByRole('button', { name: t(lang, 'news_pin') }).click();
  await status(t(lang, 'news_unpinned'));
  await card.getByRole('button', { name: t(lang, 'delete'), exact: true }).click();
  await card.getByRole('button', { name: t(lang, 'delete'), exact: true }).click();
  await status(t(lang, 'news_deleted'));
  await card.waitFor({ state: 'detached' });
  await open(page, `/d/${DISTRICT2}?lang=${lang}`);
  assert.equal(await page.getByText(title).count(), 0);
}, { lang });
