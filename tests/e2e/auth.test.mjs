// Accounts: sign up, stay logged in across a reload, log out, log in again.
import assert from 'node:assert/strict';
import { BASE_URL, FAILED_REQUEST, RESIDENT, banner, eventually, heading, logIn, loggedIn, open, reload, scenario, signUp, t } from './support.mjs';

scenario('sign up lands logged in; a reload keeps the session; log out', async (page) => {
  const problems = [];
  const user = await signUp(page);
  assert.equal(new URL(page.url()).pathname, '/', 'after signing up the app goes home');
  const greeting = banner(page).getByText(t('ko', 'account_greeting', { name: user.name }), { exact: true });
  const logout = banner(page).getByRole('button', { name: t('ko', 'logout'), exact: true });
  // Checked softly (reported at the end) so that the rest of the flow is still tested.
  const nameShown = async (when) => {
    if (!(await greeting.isVisible())) {
      const box = await page.evaluate(() => `${window.innerWidth}x${window.innerHeight}`);
      problems.push(`${when}: the header does not show the display name "${user.name}" at ${box}`);
    }
  };
  await nameShown('after signing up');

  await reload(page);
  await loggedIn(page);
  await nameShown('after a reload');

  await logout.click();
  const loginLink = banner(page).getByRole('link', { name: t('ko', 'login'), exact: true });
  await loginLink.waitFor();
  assert.equal(await greeting.count(), 0, 'the greeting is gone after logging out');
  assert.equal(await logout.count(), 0);

  await reload(page);
  await loginLink.waitFor();
  assert.equal(await logout.count(), 0, 'still logged out after a reload');
  assert.deepEqual(problems, [], 'the header names who is logged in');
});

scenario('logging out is immediate while the server is slow, and the server is still told', async (page) => {
  await logIn(page);
  // Hold the revocation as a server that does not answer would.
  let held;
  await page.route('**/api/v1/auth/logout', (route) => {
    held = route;
  });
  await banner(page).getByRole('button', { name: t('ko', 'logout'), exact: true }).click();
  await banner(page).getByRole('link', { name: t('ko', 'login'), exact: true }).waitFor({ timeout: 3000 });

  await eventually(() => assert.ok(held, 'the server is told'));
  const authorization = held.request().headers().authorization;
  assert.match(authorization, /^Bearer \S+$/, 'the revocation carries the forgotten token');
  await held.continue();
  await eventually(async () => {
    const me = await page.request.get(`${BASE_URL}/api/v1/auth/me`, { headers: { authorization } });
    assert.equal(me.status(), 401, 'the token is revoked once the server hears of it');
  });
  await reload(page);
  await banner(page).getByRole('link', { name: t('ko', 'login'), exact: true }).waitFor();
});

scenario('log in from a proposal comes back to it; wrong password is explained', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST); // the 401 of the wrong password
  await open(page, '/d/eungubi-seo/proposals/3');
  const title = await heading(page);
  await banner(page).getByRole('link', { name: t('ko', 'login'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: t('ko', 'login_title') }).waitFor();

  await page.getByLabel(t('ko', 'field_email'), { exact: true }).fill(RESIDENT.email);
  await page.getByLabel(t('ko', 'field_password'), { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: t('ko', 'login_submit'), exact: true }).click();
  await page.getByRole('main').getByText(t('ko', 'invalid_credentials')).waitFor();

  await page.getByLabel(t('ko', 'field_password'), { exact: true }).fill(RESIDENT.password);
  await page.getByRole('button', { name: t('ko', 'login_submit'), exact: true }).click();
  await loggedIn(page);
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/d/eungubi-seo/proposals/3', 'back on the proposal');
});

scenario('on a wide screen the header names who is logged in', async (page) => {
  await open(page, '/login');
  await page.getByLabel(t('ko', 'field_email'), { exact: true }).fill(RESIDENT.email);
  await page.getByLabel(t('ko', 'field_password'), { exact: true }).fill(RESIDENT.password);
  await page.getByRole('button', { name: t('ko', 'login_submit'), exact: true }).click();
  await banner(page).getByText(t('ko', 'account_greeting', { name: RESIDENT.name }), { exact: true }).waitFor();
}, { context: { viewport: { width: 1280, height: 800 } } });

scenario('after too many wrong passwords the form says how long to wait (en)', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST); // the 401s and the 429
  const email = `guessed-${Date.now().toString(36)}@example.com`;
  // Ten failures for one email (the default), whether or not it has an account.
  for (let i = 0; i < 10; i++) {
    const response = await fetch(`${BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: `guess ${i}` }),
    });
    assert.equal(response.status, 401);
  }
  await open(page, '/login?lang=en');
  await page.getByLabel(t('en', 'field_email'), { exact: true }).fill(email);
  await page.getByLabel(t('en', 'field_password'), { exact: true }).fill('one more guess');
  await page.getByRole('button', { name: t('en', 'login_submit'), exact: true }).click();
  // The window is 15 minutes: the wait is some whole number of minutes up to that.
  const said = page.getByRole('main').getByText(/Too many tries in a short time\. Please try again in \d+ min\./);
  await said.waitFor();
  const minutes = Number((await said.innerText()).match(/in (\d+) min/)[1]);
  assert.ok(minutes >= 1 && minutes <= 15, `${minutes} minutes`);
}, { lang: 'en' });
