// Supporting a proposal: the toggle (aria-pressed) changes at once, the count by one,
// the server keeps it; when the server fails, the toggle rolls back and says so.
import assert from 'node:assert/strict';
import { BASE_URL, FAILED_REQUEST, eventually, exact, numberIn, open, reload, scenario, signUp, t } from './support.mjs';

/** The support toggle of the proposal page, whatever its state. */
function voteButton(page, lang = 'ko') {
  const label = new RegExp(`^\\s*(${t(lang, 'support')}|${t(lang, 'supported')})`);
  return page.getByRole('main').getByRole('button', { name: label });
}

async function state(button) {
  return { pressed: await button.getAttribute('aria-pressed'), count: await numberIn(button) };
}

async function settled(button) {
  await eventually(async () => assert.equal(await button.getAttribute('aria-busy'), null, 'request finished'));
  return state(button);
}

async function serverCount(page, id) {
  const response = await page.request.get(`${BASE_URL}/api/v1/proposals/${id}`);
  assert.equal(response.status(), 200);
  return (await response.json()).vote_count;
}

scenario('support and withdraw: aria-pressed and the count change by one and persist', async (page) => {
  await signUp(page);
  const id = 7; // 분리수거함: no other test votes on it
  await open(page, `/d/eungubi-seo/proposals/${id}`);
  const button = voteButton(page);
  const before = await settled(button);
  assert.equal(before.pressed, 'false', 'a new account has not supported it yet');
  assert.equal(before.count, await serverCount(page, id), 'the count is the server’s');

  await button.click();
  await eventually(async () => assert.deepEqual(await settled(button), { pressed: 'true', count: before.count + 1 }));
  assert.match(await button.innerText(), new RegExp(t('ko', 'supported')));
  assert.equal(await serverCount(page, id), before.count + 1, 'the server counted the support');

  await reload(page);
  assert.deepEqual(await settled(voteButton(page)), { pressed: 'true', count: before.count + 1 }, 'kept after reload');

  await voteButton(page).click();
  await eventually(async () => assert.deepEqual(await settled(voteButton(page)), { pressed: 'false', count: before.count }));
  assert.equal(await serverCount(page, id), before.count);

  await reload(page);
  assert.deepEqual(await settled(voteButton(page)), { pressed: 'false', count: before.count }, 'kept after reload');
});

for (const failure of ['network error', 'server error 500']) {
  scenario(`a failed support rolls back and says so (${failure})`, async (page, session) => {
    session.allowConsoleError(FAILED_REQUEST);
    await signUp(page);
    const id = 4; // 단골 스탬프 투어
    await open(page, `/d/eungubi-seo/proposals/${id}`);
    const button = voteButton(page);
    const before = await settled(button);
    assert.equal(before.pressed, 'false');

    // Hold the request until the optimistic state has been seen, then fail it.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    let attempts = 0;
    await page.route('**/api/v1/proposals/*/vote', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      attempts += 1;
      await held;
      if (failure === 'network error') return route.abort('failed');
      return route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'internal', message: 'test failure' } }),
      });
    });

    await button.click();
    await eventually(async () =>
      assert.deepEqual(await state(button), { pressed: 'true', count: before.count + 1 }, 'optimistic at once'),
    );
    release();
    await eventually(async () => assert.deepEqual(await settled(button), before, 'rolled back'));
    const message = page.getByRole('main').getByText(t('ko', 'vote_failed'));
    await message.waitFor();
    assert.equal(attempts, 1);
    assert.equal(await serverCount(page, id), before.count, 'the server has nothing');
    await page.getByRole('status').filter({ hasText: t('ko', 'vote_failed') }).waitFor({ state: 'attached' });

    // The server is back: the next click works and the message goes away.
    await page.unroute('**/api/v1/proposals/*/vote');
    await button.click();
    await eventually(async () => assert.deepEqual(await settled(button), { pressed: 'true', count: before.count + 1 }));
    await eventually(async () => assert.equal(await message.count(), 0, 'the failure message is gone'));
    await button.click();
    await eventually(async () => assert.deepEqual(await settled(button), before));
  });
}

scenario('logged out, the proposal offers to log in to support', async (page) => {
  await open(page, '/d/eungubi-seo/proposals/4');
  assert.equal(await voteButton(page).count(), 0, 'no toggle without an account');
  await page.getByRole('main').getByRole('link', { name: exact(t('ko', 'login_to_support')) }).click();
  await page.getByRole('heading', { level: 1, name: t('ko', 'login_title') }).waitFor();
  assert.equal(new URL(page.url()).searchParams.get('next'), '/d/eungubi-seo/proposals/4');
});
