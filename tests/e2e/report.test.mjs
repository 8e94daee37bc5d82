// Reports: a resident reports a comment, the district's moderator hides it from the
// console's reports tab with a note, the comment is gone for everyone, and its writer
// reads why in "My alley"; a shop's announcement is reported from the district's news
// the same way. At 390x844, in both languages.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, DISTRICT, api, exact, logIn, logOut, newMerchant, open, scenario, t } from './support.mjs';

const MODERATOR = { email: 'moderator@example.com', password: DEMO_PASSWORD, name: '은구비서로 상인회' };

async function account(prefix) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = { email: `${prefix}-${id}@example.com`, password: `pw-${id}-secret`, name: `${prefix} ${id.slice(-5)}` };
  const auth = await api('/auth/register', { method: 'POST', body: { email: user.email, password: user.password, display_name: user.name } });
  return { user, token: auth.token, id };
}

for (const lang of ['ko', 'en']) {
  scenario(`a resident reports a comment and a moderator hides it (${lang})`, async (page) => {
    const writer = await account('writer');
    const text = `광고: 싸게 팔아요 ${writer.id}`;
    await api('/proposals/3/comments', { method: 'POST', token: writer.token, body: { body: text } });
    const reporter = await account('reporter');
    const path = `/d/${DISTRICT}/proposals/3`;

    await logIn(page, reporter.user, lang);
    await open(page, path);
    const comment = page.getByRole('listitem').filter({ hasText: text });
    const reportButton = comment.getByRole('button', { name: exact(t(lang, 'report_action')) });
    // Each "report" button is told apart by the byline of what it reports.
    const described = await reportButton.getAttribute('aria-describedby');
    assert.ok((await page.locator(`#${described}`).innerText()).includes(writer.user.name));
    await reportButton.click();
    assert.equal(await reportButton.getAttribute('aria-expanded'), 'true');
    // The reason is what comes next: the cursor is there; cancelling brings it back.
    const reason = comment.getByLabel(t(lang, 'report_reason_label'));
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    assert.ok(await reason.evaluate((el) => el === document.activeElement));
    await comment.getByRole('button', { name: exact(t(lang, 'cancel')) }).click();
    assert.equal(await reportButton.getAttribute('aria-expanded'), 'false');
    assert.ok(await reportButton.evaluate((el) => el === document.activeElement), 'focus back on the button');
    await reportButton.click();
    await comment.getByRole('button', { name: exact(t(lang, 'report_submit')) }).click();
    await comment.getByText(t(lang, 'err_required')).waitFor();
    await comment.getByLabel(t(lang, 'report_reason_label')).fill(lang === 'ko' ? '전화번호가 있는 광고예요.' : 'An ad with a phone number.');
    await comment.getByRole('button', { name: exact(t(lang, 'report_submit')) }).click();
    await comment.getByText(t(lang, 'reported')).waitFor();
    await page.waitForFunction(() => document.activeElement?.id?.endsWith('-done'));

    // The moderator finds it under the reports tab, with the reason, and hides it.
    await logOut(page, lang);
    await logIn(page, MODERATOR, lang);
    await open(page, '/manage');
    await page.getByRole('tab', { name: new RegExp(t(lang, 'tab_reports')) }).first().click();
    const item = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: text }).first();
    await item.getByText(lang === 'ko' ? '전화번호가 있는 광고예요.' : 'An ad with a phone number.').waitFor();
    assert.ok(!(await item.innerText()).includes(reporter.user.name), 'the reporter is not named');
    await item.getByRole('button', { name: exact(t(lang, 'hide_comment')) }).click();
    await item.getByText(t(lang, 'err_required')).waitFor();
    const note = lang === 'ko' ? '광고라서 가렸어요.' : 'Hidden: advertising.';
    await item.getByLabel(t(lang, 'hide_note_label')).fill(note);
    await item.getByRole('button', { name: exact(t(lang, 'hide_comment')) }).click();
    await item.waitFor({ state: 'detached' });

    // Gone from the proposal for everyone.
    await open(page, path);
    await page.getByRole('region', { name: new RegExp(`^${t(lang, 'comments_heading')}`) }).getByRole('listitem').first().waitFor();
    assert.equal(await page.getByText(text).count(), 0);

    // Its writer reads why.
    await logOut(page, lang);
    await logIn(page, writer.user, lang);
    await open(page, '/alley');
    const hidden = page.getByRole('region', { name: t(lang, 'my_hidden_heading') });
    await hidden.getByText(text).waitFor();
    assert.ok((await hidden.innerText()).includes(note));
  }, { lang });
}

scenario("a resident reports a shop's announcement from the district's news and a moderator hides it (en)", async (page) => {
  const merchant = await newMerchant(DISTRICT, MODERATOR.email);
  const title = `Everything half price, call 010 ${merchant.shopId}`;
  await api(`/shops/${merchant.shopId}/announcements`, {
    method: 'POST',
    token: merchant.token,
    body: { kind: 'sale', title, body: 'Call now, today only.' },
  });
  const reporter = await account('reporter');
  const news = `/d/${DISTRICT}/announcements`;

  await logIn(page, reporter.user, 'en');
  await open(page, news);
  const card = page.getByRole('listitem').filter({ hasText: title });
  const reportButton = card.getByRole('button', { name: exact(t('en', 'report_action')) });
  // Told apart from the other announcements' buttons by the title it reports.
  const described = await reportButton.getAttribute('aria-describedby');
  assert.equal(await page.locator(`#${described}`).innerText(), title);
  await reportButton.click();
  await card.getByLabel(t('en', 'report_reason_label')).fill('A phone number ad, not a sale.');
  await card.getByRole('button', { name: exact(t('en', 'report_submit')) }).click();
  await card.getByText(t('en', 'reported')).waitFor();

  await logOut(page, 'en');
  await logIn(page, MODERATOR, 'en');
  await open(page, '/manage');
  await page.getByRole('tab', { name: new RegExp(t('en', 'tab_reports')) }).first().click();
  const item = page.getByRole('tabpanel').getByRole('listitem').filter({ hasText: title }).first();
  await item.getByText(t('en', 'target_announcement')).first().waitFor();
  await item.getByLabel(t('en', 'hide_note_label')).fill('Hidden: an advertisement.');
  await item.getByRole('button', { name: exact(t('en', 'hide_announcement')) }).click();
  await item.waitFor({ state: 'detached' });

  // Gone from the district's news for everyone.
  await open(page, news);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.locator('.announcements, .empty').first().waitFor();
  assert.equal(await page.getByText(title).count(), 0);
}, { lang: 'en' });

scenario('a moderator suspends a reported writer, who is told when writing, and lets them write again', async (page, session) => {
  session.allowConsoleError(/status of 403/);
  const writer = await account('spammer');
  const text = `또 광고: 싸게 팔아요 ${writer.id}`;
  const comment = await api('/proposals/3/comments', { method: 'POST', token: writer.token, body: { body: text } });
  const reporter = await account('reporter');
  await api('/reports', { method: 'POST', token: reporter.token, body: { target: 'comment', target_id: comment.id, reason: '같은 광고를 또 올렸어요.' } });

  await logIn(page, MODERATOR);
  await open(page, '/manage');
  await page.getByRole('tab', { name: new RegExp(t('ko', 'tab_reports')) }).first().click();
  const panel = page.getByRole('tabpanel');
  const item = panel.getByRole('listitem').filter({ hasText: text }).first();
  await item.getByRole('button', { name: exact(t('ko', 'suspend_action')) }).click();
  await item.getByLabel(t('ko', 'suspend_note_label')).fill('광고만 계속 올려요.');
  await item.getByRole('button', { name: exact(t('ko', 'suspend_submit')) }).click();
  const suspended = panel.getByRole('region', { name: t('ko', 'suspensions_heading') }).getByRole('listitem').filter({ hasText: writer.user.name });
  await suspended.getByText('광고만 계속 올려요.').waitFor();
  // Who stopped them, in words; "let them write again" is told apart by whose it is.
  const by = t('ko', 'suspended_by', { name: MODERATOR.name, date: '' }).replace(/ · $/, '');
  assert.ok((await suspended.innerText()).includes(by), await suspended.innerText());
  const lift = suspended.getByRole('button', { name: exact(t('ko', 'lift_action')) });
  assert.equal(await page.locator(`#${await lift.getAttribute('aria-describedby')}`).innerText(), writer.user.name);

  // The writer reads as before, but a comment is refused with the reason in words.
  await logOut(page);
  await logIn(page, writer.user);
  await open(page, `/d/${DISTRICT}/proposals/3`);
  await page.getByLabel(t('ko', 'comment_label'), { exact: true }).fill('다시 올리는 광고');
  await page.getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();
  await page.getByText(t('ko', 'error_suspended')).waitFor();
  assert.equal(await page.getByLabel(t('ko', 'comment_label'), { exact: true }).inputValue(), '다시 올리는 광고', 'nothing typed is lost');

  // Lifted, the same comment goes through.
  await logOut(page);
  await logIn(page, MODERATOR);
  await open(page, '/manage');
  await page.getByRole('tab', { name: new RegExp(t('ko', 'tab_reports')) }).first().click();
  const again = page.getByRole('tabpanel').getByRole('region', { name: t('ko', 'suspensions_heading') }).getByRole('listitem').filter({ hasText: writer.user.name });
  await again.getByRole('button', { name: exact(t('ko', 'lift_action')) }).click();
  await again.waitFor({ state: 'detached' });
  await api('/proposals/3/comments', { method: 'POST', token: writer.token, body: { body: '이제 광고 안 할게요' } });
});
