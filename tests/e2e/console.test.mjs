// The district console's news tab, in English: a moderator moves between the tabs
// (claims, waiting, reports, news) with the arrow keys, posts the association's news, pins it to the top of the district's
// home, and unpins and deletes it again. In the second district, whose home no other
// test reads.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, FAILED_REQUEST, api, banner, exact, logIn, open, scenario, t, withGoals } from './support.mjs';

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
  const waiting = page.getByRole('tab', { name: new RegExp(t(lang, 'tab_waiting')) });
  const reports = page.getByRole('tab', { name: new RegExp(t(lang, 'tab_reports')) });
  const news = page.getByRole('tab', { name: t(lang, 'tab_news') });
  await claims.focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(await waiting.getAttribute('aria-selected'), 'true');
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

scenario('a proposal that reached the goals waits in the console, and leaves it once answered', async (page) => {
  // The second district asks for one support and no pledge for the length of this test.
  await withGoals({ support_threshold: 1, pledge_threshold: 0 }, async () => {
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const register = (who) =>
      api('/auth/register', {
        method: 'POST',
        body: { email: `${who}-${id}@example.com`, password: `pw-${id}-secret`, display_name: `${who} ${id.slice(-4)}` },
      });
    const title = `골목 등불 축제 ${id.slice(-4)}`;
    const proposal = await api(`/districts/${DISTRICT2}/proposals`, {
      method: 'POST',
      token: (await register('waiting-author')).token,
      body: { kind: 'event', title, body: '골목을 따라 종이 등불을 하루 저녁 걸어요.' },
    });
    await api(`/proposals/${proposal.id}/vote`, { method: 'PUT', token: (await register('waiting-fan')).token });

    await logIn(page, MODERATOR2, 'ko');
    await open(page, '/manage');
    const tab = page.getByRole('tab', { name: new RegExp(t('ko', 'tab_waiting')) });
    await tab.click();
    const panel = page.getByRole('tabpanel', { name: new RegExp(t('ko', 'tab_waiting')) });
    const card = panel.getByRole('listitem').filter({ hasText: title });
    await card.getByText(`${t('ko', 'goal_supports')} 1 / 1`).waitFor();
    assert.match(await tab.innerText(), /[1-9]/, 'the tab counts what waits');

    // Accepting says why, for the proposer and its supporters.
    await card.getByLabel(t('ko', 'answer_note_label')).fill('상인회가 등불 서른 개를 마련할게요.');
    await card.getByRole('button', { name: exact(t('ko', 'move_accepted')) }).click();
    await page.getByRole('status').filter({ hasText: t('ko', 'moved') }).waitFor({ state: 'attached' });
    await card.waitFor({ state: 'detached' });
    const moved = await api(`/proposals/${proposal.id}`);
    assert.equal(moved.status, 'accepted');
    assert.equal(moved.ready, false, 'answered: no longer waiting');
  });
});

scenario("a moderator sets the district's goals in the console, a bad number refused at its field (en)", async (page) => {
  const moderator = await api('/auth/login', { method: 'POST', body: { email: MODERATOR2.email, password: DEMO_PASSWORD } });
  const settings = `/districts/${DISTRICT2}/settings`;
  const before = await api(settings, { token: moderator.token });
  try {
    await logIn(page, MODERATOR2, lang);
    await open(page, '/manage');
    await page.getByRole('tab', { name: t(lang, 'tab_settings') }).click();
    const panel = page.getByRole('tabpanel', { name: t(lang, 'tab_settings') });
    const supports = panel.getByLabel(t(lang, 'settings_supports'));
    assert.equal(await supports.inputValue(), String(before.support_threshold));
    assert.equal(await panel.getByLabel(t(lang, 'settings_name'), { exact: true }).inputValue(), before.name);

    // Out of range: said at the field, the cursor put there, nothing saved.
    await supports.fill('0');
    await panel.getByRole('button', { name: t(lang, 'settings_save'), exact: true }).click();
    await panel.getByText(t(lang, 'err_invalid')).waitFor();
    assert.equal(await supports.evaluate((e) => e === document.activeElement), true);
    assert.equal((await api(settings, { token: moderator.token })).support_threshold, before.support_threshold);

    // Meanwhile another moderator rewrites the English introduction: saving this form
    // must not put the old one back.
    const theirs = `Dongmyeong's alleys, edited elsewhere ${Date.now().toString(36)}`;
    await api(settings, { method: 'PATCH', token: moderator.token, body: { description_en: theirs } });
    const newName = `${before.name_en} Alley`;
    await supports.fill('15');
    await panel.getByLabel(t(lang, 'settings_days')).fill('30');
    await panel.getByLabel(t(lang, 'settings_name_en'), { exact: true }).fill(newName);
    await panel.getByRole('button', { name: t(lang, 'settings_save'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: t(lang, 'settings_saved') }).waitFor({ state: 'attached' });
    const saved = await api(settings, { token: moderator.token });
    assert.equal(saved.support_threshold, 15);
    assert.equal(saved.expiry_days, 30);
    assert.equal(saved.name_en, newName);
    assert.equal(saved.name, before.name, 'what was not changed stays');
    assert.equal(saved.description_en, theirs, "the other moderator's change stays");
    // The form shows what the server keeps, theirs included; the console its new name.
    assert.equal(await panel.getByLabel(t(lang, 'settings_description_en'), { exact: true }).inputValue(), theirs);
    await page.getByRole('heading', { name: t(lang, 'console_label', { district: newName }) }).waitFor();
  } finally {
    await api(settings, {
      method: 'PATCH',
      token: moderator.token,
      body: {
        support_threshold: before.support_threshold,
        expiry_days: before.expiry_days,
        name_en: before.name_en,
        description_en: before.description_en,
      },
    });
  }
}, { lang });

scenario("a moderator appoints another by email and removes them, never the district's last", async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST); // the unknown email's 404, the last one's 409
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const helper = { email: `helper-${id}@example.com`, name: `상인회 총무 ${id.slice(-4)}` };
  const account = await api('/auth/register', {
    method: 'POST',
    body: { email: helper.email, password: `pw-${id}-secret`, display_name: helper.name },
  });
  try {
    await appointAndRemove(page, helper, id);
  } finally {
    // Whatever failed, the district is left with its one moderator, as later tests expect.
    const moderator = await api('/auth/login', { method: 'POST', body: { email: MODERATOR2.email, password: DEMO_PASSWORD } });
    const now = await api(`/districts/${DISTRICT2}/moderators`, { token: moderator.token });
    if (now.some((m) => m.id === account.user.id)) {
      await fetch(`${process.env.GOLMOK_BASE_URL}/api/v1/districts/${DISTRICT2}/moderators/${account.user.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${moderator.token}` },
      });
    }
  }
});

async function appointAndRemove(page, helper, id) {
  await logIn(page, MODERATOR2, 'ko');
  await open(page, '/manage');
  await page.getByRole('tab', { name: t('ko', 'tab_settings') }).click();
  const panel = page.getByRole('tabpanel', { name: t('ko', 'tab_settings') });
  const moderators = panel.getByRole('region', { name: t('ko', 'moderators_heading') });
  const list = moderators.getByRole('list');
  await list.getByRole('listitem').first().waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1, 'the second district has one moderator');

  // An email nobody signed up with is said as such; then the helper's, in capitals.
  const email = moderators.getByLabel(t('ko', 'moderator_email'));
  await email.fill(`nobody-${id}@example.com`);
  await moderators.getByRole('button', { name: t('ko', 'moderator_appoint'), exact: true }).click();
  await moderators.getByRole('alert').filter({ hasText: t('ko', 'moderator_no_account') }).waitFor();
  await email.fill(helper.email.toUpperCase());
  await moderators.getByRole('button', { name: t('ko', 'moderator_appoint'), exact: true }).click();
  const added = list.getByRole('listitem').filter({ hasText: helper.name });
  await added.waitFor();
  assert.equal(await email.inputValue(), '', 'the field is ready for the next one');

  // Removed after a second tap. Each button is described by the name it acts on; asked,
  // the cursor waits on "cancel", and cancelling brings it back.
  const remove = added.getByRole('button', { name: t('ko', 'moderator_remove'), exact: true });
  const described = await remove.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${described}`).innerText(), helper.name);
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
  await remove.click();
  const confirm = added.getByRole('group', { name: t('ko', 'moderator_remove_confirm') });
  await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, t('ko', 'cancel'));
  await confirm.getByRole('button', { name: t('ko', 'cancel'), exact: true }).click();
  await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, t('ko', 'moderator_remove'));
  await remove.click();
  await confirm.getByRole('button', { name: t('ko', 'moderator_remove'), exact: true }).click();
  await added.waitFor({ state: 'detached' });
  await page.waitForFunction((text) => document.activeElement?.textContent?.trim() === text, t('ko', 'moderators_heading'));
  assert.equal(await focused(), t('ko', 'moderators_heading'), 'focus on the list, not lost');

  // The last one, oneself, would step down: refused, and said why.
  const me = list.getByRole('listitem').first();
  await me.getByRole('button', { name: t('ko', 'moderator_step_down'), exact: true }).click();
  await me.getByRole('group', { name: t('ko', 'moderator_step_down_confirm') }).getByRole('button', { name: t('ko', 'moderator_step_down'), exact: true }).click();
  await me.getByRole('alert').filter({ hasText: t('ko', 'moderator_last') }).waitFor();
  assert.equal(await list.getByRole('listitem').count(), 1);
}

scenario('a moderator steps down from the console, which then goes with the role (en)', async (page) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const helper = { email: `stepping-${id}@example.com`, password: `pw-${id}-secret`, name: `Treasurer ${id.slice(-4)}` };
  const account = await api('/auth/register', {
    method: 'POST',
    body: { email: helper.email, password: helper.password, display_name: helper.name },
  });
  const moderator = await api('/auth/login', { method: 'POST', body: { email: MODERATOR2.email, password: DEMO_PASSWORD } });
  const moderators = `/districts/${DISTRICT2}/moderators`;
  await api(moderators, { method: 'POST', token: moderator.token, body: { email: helper.email } });
  try {
    await logIn(page, helper, 'en');
    await open(page, '/manage');
    await page.getByRole('tab', { name: t('en', 'tab_settings') }).click();
    const mine = page
      .getByRole('region', { name: t('en', 'moderators_heading') })
      .getByRole('listitem')
      .filter({ hasText: helper.name });
    await mine.getByRole('button', { name: t('en', 'moderator_step_down'), exact: true }).click();
    await mine
      .getByRole('group', { name: t('en', 'moderator_step_down_confirm') })
      .getByRole('button', { name: t('en', 'moderator_step_down'), exact: true })
      .click();
    await page.getByRole('status').filter({ hasText: t('en', 'moderator_left') }).waitFor({ state: 'attached' });
    await page.getByRole('tab', { name: t('en', 'tab_settings') }).waitFor({ state: 'detached' });
    const left = await api(moderators, { token: moderator.token });
    assert.equal(left.some((m) => m.id === account.user.id), false, 'no longer a moderator');
  } finally {
    const now = await api(moderators, { token: moderator.token });
    if (now.some((m) => m.id === account.user.id)) {
      await fetch(`${process.env.GOLMOK_BASE_URL}/api/v1${moderators}/${account.user.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${moderator.token}` },
      });
    }
  }
}, { lang: 'en' });
