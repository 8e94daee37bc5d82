// Addresses: every route works when opened directly or reloaded (the server answers
// index.html for them), and unknown ones show the not-found page.
import assert from 'node:assert/strict';
import { BASE_URL, DISTRICT_NAME, FAILED_REQUEST, eventually, heading, open, ready, reload, scenario, t } from './support.mjs';

scenario('deep link to a proposal renders it, also after a reload', async (page) => {
  const response = await page.goto('/d/eungubi-seo/proposals/3');
  assert.equal(response.status(), 200, 'the server answers the deep link with the app');
  await ready(page);
  assert.equal(await heading(page), '온누리상품권 사용 안내 스티커를 붙여 주세요');
  await reload(page);
  assert.equal(await heading(page), '온누리상품권 사용 안내 스티커를 붙여 주세요');
  await page.getByRole('link', { name: t('ko', 'back_to_list') }).click();
  await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.ko }).waitFor();
});

for (const [path, title] of [
  ['/d/eungubi-seo/proposals/new', 'new_title'],
  ['/login', 'login_title'],
  ['/register', 'register_title'],
]) {
  scenario(`deep link to ${path}`, async (page) => {
    await open(page, path);
    assert.equal(await heading(page), t('ko', title));
  });
}

scenario('back and forward show each page again, and another district on the same page', async (page) => {
  await open(page, '/d/eungubi-seo');
  await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.ko }).waitFor();
  const card = page.locator('.proposal-card .card-link').first();
  const title = (await card.innerText()).trim();
  await card.click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/d\/eungubi-seo\/proposals\/\d+$/, 'the address follows the click');
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.ko }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/d/eungubi-seo');
  await page.goForward();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  // The same page with another district: the page stays, its district changes.
  await page.evaluate(() => {
    history.pushState(null, '', '/d/dongmyeong');
    dispatchEvent(new PopStateEvent('popstate'));
  });
  await page.getByRole('heading', { level: 1, name: '동명동 카페거리' }).waitFor();
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
});

scenario('an unknown address shows the not-found page', async (page) => {
  await open(page, '/nope');
  assert.equal(await heading(page), t('ko', 'not_found_title'));
  await page.getByRole('link', { name: t('ko', 'go_home') }).click();
  await page.getByRole('heading', { level: 1, name: t('ko', 'home_title') }).waitFor();
});

scenario('an unknown proposal shows the not-found page', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST); // the API's 404
  await open(page, '/d/eungubi-seo/proposals/99999');
  assert.equal(await heading(page), t('ko', 'proposal_not_found_title'));
  assert.ok(await page.getByRole('link', { name: t('ko', 'go_home') }).isVisible());
});

scenario('an unknown district shows the not-found page', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST); // the API's 404
  await open(page, '/d/nowhere');
  assert.equal(await heading(page), t('ko', 'district_not_found_title'));
});

scenario('a missing asset is a 404, not the app', async (page) => {
  const response = await page.request.get(`${BASE_URL}/missing-file.js`);
  assert.equal(response.status(), 404);
});

scenario('a link inside the app moves focus to the new page heading; a first visit does not', async (page) => {
  await open(page, '/d/eungubi-seo');
  assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', 'a screen reader starts at the top');
  await page.getByRole('region', { name: t('ko', 'proposals_heading') }).getByRole('link').first().click();
  await ready(page);
  await eventually(async () => {
    const focused = await page.evaluate(() => [document.activeElement?.tagName, document.activeElement?.textContent]);
    assert.deepEqual(focused, ['H1', await heading(page)], 'the new page is announced by its heading');
  });
});
