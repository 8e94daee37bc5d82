// Deleting one's account from "My alley": a wrong password is said and keeps everything
// (the session too); the right one deletes it, signs out, and what it wrote stays under
// "former member". A district's last moderator is told to appoint another first.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, DISTRICT, FAILED_REQUEST, api, banner, logIn, loggedIn, open, scenario, signUp, t } from './support.mjs';

const section = (page, lang) => page.getByRole('region', { name: t(lang, 'leave_heading') });

for (const lang of ['ko', 'en']) {
  scenario(`a resident deletes their account with its password (${lang})`, async (page, session) => {
    session.allowConsoleError(FAILED_REQUEST);
    const user = await signUp(page, lang);
    const login = await api('/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
    const proposal = await api(`/districts/${DISTRICT}/proposals`, {
      method: 'POST',
      token: login.token,
      body: { kind: 'improvement', title: `떠나기 전 제안 ${Date.now().toString(36).slice(-4)}`, body: '골목에 쓰레기통을 하나 더 두면 좋겠어요.' },
    });

    await open(page, '/alley');
    const leave = section(page, lang);
    const opener = leave.getByRole('button', { name: t(lang, 'leave_open'), exact: true });
    await opener.click();
    const password = leave.getByLabel(t(lang, 'leave_password'));
    assert.equal(await password.evaluate((e) => e === document.activeElement), true, 'the cursor is in the password');
    // Given up, the cursor goes back to the button; opened again, to the password.
    await leave.getByRole('button', { name: t(lang, 'cancel'), exact: true }).click();
    await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, t(lang, 'leave_open'));
    await opener.click();
    await page.waitForFunction(() => document.activeElement?.type === 'password');

    // A wrong password: said at once, and nothing is lost, the session least of all.
    await password.fill('not-the-password');
    await leave.getByRole('button', { name: t(lang, 'leave_submit'), exact: true }).click();
    await leave.getByRole('alert').filter({ hasText: t(lang, 'leave_wrong_password') }).waitFor();
    await loggedIn(page, lang);

    await password.fill(user.password);
    await leave.getByRole('button', { name: t(lang, 'leave_submit'), exact: true }).click();
    await banner(page).getByRole('link', { name: t(lang, 'login'), exact: true }).waitFor();
    await page.getByRole('status').filter({ hasText: t(lang, 'leave_done') }).waitFor({ state: 'attached' });
    assert.equal(new URL(page.url()).pathname, '/');

    // Gone: the email no longer signs in, the old token no longer works, the proposal stays
    // under "former member".
    const again = await fetch(`${process.env.GOLMOK_BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    assert.equal(again.status, 401);
    const me = await fetch(`${process.env.GOLMOK_BASE_URL}/api/v1/auth/me`, { headers: { authorization: `Bearer ${login.token}` } });
    assert.equal(me.status, 401);
    const kept = await api(`/proposals/${proposal.id}`);
    assert.notEqual(kept.author.display_name, user.name);
  }, { lang });
}

scenario("a district's last moderator is told to appoint another first", async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  // The second district's only moderator: checked first, since the right password would
  // otherwise really delete the account every later test signs in with.
  const moderator = await api('/auth/login', { method: 'POST', body: { email: 'moderator2@example.com', password: DEMO_PASSWORD } });
  const moderators = await api('/districts/dongmyeong/moderators', { token: moderator.token });
  assert.equal(moderators.length, 1, 'dongmyeong has one moderator');
  await logIn(page, { email: 'moderator2@example.com', password: DEMO_PASSWORD });
  await open(page, '/alley');
  const leave = section(page, 'ko');
  await leave.getByRole('button', { name: t('ko', 'leave_open'), exact: true }).click();
  await leave.getByLabel(t('ko', 'leave_password')).fill(DEMO_PASSWORD);
  await leave.getByRole('button', { name: t('ko', 'leave_submit'), exact: true }).click();
  await leave.getByRole('alert').filter({ hasText: t('ko', 'leave_last_moderator') }).waitFor();
  await loggedIn(page);
});
