// "My alley" (내 골목): the news and answers of the shops one is a regular of, reached from
// one's name in the header.
import assert from 'node:assert/strict';
import { DISTRICT, banner, open, scenario, signUp, t } from './support.mjs';

scenario('a visitor is asked to log in, and comes back to My alley', async (page) => {
  await open(page, '/alley');
  const login = page.getByRole('main').getByRole('link', { name: t('ko', 'login'), exact: true });
  assert.match(await login.getAttribute('href'), /login\?next=%2Falley$/);
  await page.getByText(t('ko', 'alley_login')).waitFor();
});

for (const lang of ['ko', 'en']) {
  scenario(`a new regular finds the shop's news and answers in My alley (${lang})`, async (page) => {
    const user = await signUp(page, lang);
    await open(page, `/d/${DISTRICT}/shops/1${lang === 'en' ? '?lang=en' : ''}`);
    await page.locator('button.follow-toggle[aria-pressed="false"]').click();
    await page.locator('button.follow-toggle[aria-pressed="true"]').waitFor();

    // Their name in the header leads there.
    const name = lang === 'ko' ? `${user.name}님` : user.name;
    await banner(page).getByRole('link', { name: new RegExp(`^${name}`) }).click();
    await page.waitForURL('**/alley**');
    await page.locator('main h1', { hasText: t(lang, 'alley_title') }).waitFor();
    const feed = page.locator('.alley-feed');
    await feed.getByText('금요일은 우유식빵 1+1').waitFor();
    const text = await feed.innerText();
    assert.ok(text.includes('맹꽁이 여름밤 야시장'), `the bakery's answer, with the proposal: ${text}`);
    assert.ok(text.includes(t(lang, 'pledge_label')), text);
    assert.ok(!text.includes('추석 연휴 영업 안내'), 'nothing that is over');
    assert.ok(!text.includes('크리스마스 케이크'), 'nothing that has not started');
    assert.ok(!text.includes('대청소'), "the district's own notices are on the district's home, not here");
  }, { lang });
}

scenario('My alley lists my proposals and the ones I support (en)', async (page) => {
  const user = await signUp(page, 'en');
  // A proposal of theirs, and a support for a demo one, through the app.
  await open(page, `/d/${DISTRICT}/proposals/new`);
  await page.getByRole('radio', { name: new RegExp(t('en', 'kind_improvement')) }).check();
  const title = `Benches by the park ${user.name.slice(-4)}`;
  await page.getByLabel(t('en', 'field_title'), { exact: true }).fill(title);
  await page.getByLabel(t('en', 'field_body'), { exact: true }).fill('Two benches where the alley meets the park.');
  await page.getByRole('button', { name: t('en', 'publish'), exact: true }).click();
  await page.locator('main h1', { hasText: title }).waitFor();
  await open(page, `/d/${DISTRICT}/proposals/2`);
  await page.locator('button.vote-toggle[aria-pressed="false"]').click();
  await page.locator('button.vote-toggle[aria-pressed="true"]').waitFor();

  await open(page, '/alley');
  const mine = page.getByRole('region', { name: t('en', 'my_proposals_heading') });
  await mine.getByRole('link', { name: title }).waitFor();
  const supported = page.getByRole('region', { name: t('en', 'my_supports_heading') });
  await supported.getByRole('link', { name: '맹꽁이 여름밤 야시장' }).waitFor();
  assert.equal(await supported.getByRole('listitem').count(), 1, 'only what they support');
  assert.equal(await mine.getByRole('listitem').count(), 1, 'only their own');
}, { lang: 'en' });
