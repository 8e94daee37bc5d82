// Languages: Korean by default, the header button switches to English (and back),
// `?lang=` on any address picks one, and the choice is remembered across reloads.
import assert from 'node:assert/strict';
import { DISTRICT, DISTRICT_NAME, banner, eventually, heading, open, reload, scenario, t } from './support.mjs';

const htmlLang = (page) => page.evaluate(() => document.documentElement.lang);

scenario('switch language from the header; ?lang= switches back; the choice is remembered', async (page) => {
  await open(page, '/');
  assert.equal(await htmlLang(page), 'ko');
  assert.equal(await heading(page), t('ko', 'home_title'));

  await banner(page).getByRole('button', { name: t('ko', 'lang_switch_label'), exact: true }).click();
  await eventually(async () => assert.equal(await heading(page), t('en', 'home_title')));
  assert.equal(await htmlLang(page), 'en');
  const toKorean = banner(page).getByRole('button', { name: t('en', 'lang_switch_label'), exact: true });
  assert.ok(await toKorean.isVisible(), 'the button now offers Korean');
  assert.equal(await toKorean.getAttribute('lang'), 'ko', 'its own label is marked as Korean');
  const nav = await page.getByRole('navigation', { name: t('en', 'main_nav') }).innerText();
  assert.ok(nav.includes(t('en', 'login')), `header in English: ${nav}`);
  assert.ok((await page.title()).includes(t('en', 'home_title')), `tab title in English: ${await page.title()}`);

  await reload(page);
  assert.equal(await heading(page), t('en', 'home_title'), 'English is remembered');
  assert.equal(await htmlLang(page), 'en');

  await page.getByRole('link', { name: DISTRICT_NAME.en }).click();
  await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.en }).waitFor();
  await page.getByRole('region', { name: t('en', 'proposals_heading') }).getByRole('listitem').first().waitFor();

  await open(page, `/d/${DISTRICT}?lang=ko`);
  assert.equal(await heading(page), DISTRICT_NAME.ko);
  assert.equal(await htmlLang(page), 'ko');
  await page.getByRole('region', { name: t('ko', 'proposals_heading') }).waitFor();

  await open(page, '/');
  assert.equal(await heading(page), t('ko', 'home_title'), 'Korean is remembered without ?lang=');
  assert.equal(await htmlLang(page), 'ko');
});

scenario('?lang=en on a deep link, then the header button with ?lang= in the address', async (page) => {
  await open(page, '/d/eungubi-seo/proposals/3?lang=en');
  assert.equal(await htmlLang(page), 'en');
  const main = await page.getByRole('main').innerText();
  assert.ok(main.includes(t('en', 'back_to_list')) && main.includes(t('en', 'comments_heading')), main);

  // The address still says ?lang=en; switching must win over it, also after a reload.
  await banner(page).getByRole('button', { name: t('en', 'lang_switch_label'), exact: true }).click();
  await eventually(async () => assert.equal(await htmlLang(page), 'ko'));
  await reload(page);
  assert.equal(await htmlLang(page), 'ko', 'a reload after switching keeps Korean');
  assert.ok((await page.getByRole('main').innerText()).includes(t('ko', 'back_to_list')));
});

scenario('an English browser starts in English', async (page) => {
  await open(page, '/');
  assert.equal(await htmlLang(page), 'en');
  assert.equal(await heading(page), t('en', 'home_title'));
}, { lang: 'en' });
