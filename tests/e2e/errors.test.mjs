// When the API fails, a page says so in plain words with a retry button, and retrying
// after the server is back loads the page.
import assert from 'node:assert/strict';
import { DISTRICT, DISTRICT_NAME, FAILED_REQUEST, heading, ready, scenario, t } from './support.mjs';

const DISTRICT_API = `**/api/v1/districts/${DISTRICT}`;

for (const [failure, text] of [
  ['503', 'error_server'],
  ['network failure', 'error_network'],
]) {
  scenario(`district load fails (${failure}): error with retry, retry loads`, async (page, session) => {
    session.allowConsoleError(FAILED_REQUEST);
    let calls = 0;
    await page.route(DISTRICT_API, (route) => {
      calls += 1;
      if (failure === 'network failure') return route.abort('connectionrefused');
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'down for maintenance' } }),
      });
    });
    await page.goto(`/d/${DISTRICT}`);
    const alert = page.getByRole('main').getByRole('alert');
    await alert.waitFor();
    await alert.getByRole('heading', { name: t('ko', 'error_title') }).waitFor();
    assert.ok((await alert.innerText()).includes(t('ko', text)), await alert.innerText());
    assert.ok(calls >= 1);

    await page.unroute(DISTRICT_API);
    await alert.getByRole('button', { name: t('ko', 'retry'), exact: true }).click();
    await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.ko }).waitFor();
    await ready(page);
    assert.equal(await heading(page), DISTRICT_NAME.ko);
    await page.getByRole('region', { name: t('ko', 'proposals_heading') }).getByRole('listitem').first().waitFor();
    assert.equal(await page.getByRole('main').getByRole('alert').count(), 0, 'the error is gone');
  });
}

scenario('the proposal list fails on its own: its retry loads it', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  const LIST = `**/api/v1/districts/${DISTRICT}/proposals?*`;
  await page.route(LIST, (route) => route.fulfill({ status: 500, body: '<html>proxy error</html>' }));
  await page.goto(`/d/${DISTRICT}`);
  await ready(page);
  const feed = page.getByRole('region', { name: t('ko', 'proposals_heading') });
  await feed.getByRole('alert').waitFor();
  await page.unroute(LIST);
  await feed.getByRole('button', { name: t('ko', 'retry'), exact: true }).click();
  await feed.getByRole('listitem').first().waitFor();
});

scenario('a proposal that fails to load offers a retry', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  const API = '**/api/v1/proposals/3';
  await page.route(API, (route) => route.abort('timedout'));
  await page.goto('/d/eungubi-seo/proposals/3');
  const alert = page.getByRole('main').getByRole('alert');
  await alert.waitFor();
  await page.unroute(API);
  await alert.getByRole('button', { name: t('ko', 'retry'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '온누리상품권 사용 안내 스티커를 붙여 주세요' }).waitFor();
});
