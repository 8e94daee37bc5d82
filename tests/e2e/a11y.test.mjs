// Accessibility: axe-core finds no violations on the main pages, in both languages,
// logged out and logged in, including a form showing its errors.
//
// axe is injected as an inline script, which the app's strict CSP (rightly) forbids, so
// this context alone bypasses CSP.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { DISTRICT, RESIDENT, api, eventually, logIn, open, scenario, t } from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core');

async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.addScriptTag({ path: axePath });
  }
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`),
    }));
  });
}

function report(found) {
  return found
    .map(({ where, violations }) =>
      violations.map((v) => `${where}: [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join('\n    ')}`).join('\n'),
    )
    .join('\n');
}

for (const lang of ['ko', 'en']) {
  scenario(`axe: no violations on the main pages (${lang})`, async (page) => {
    const found = [];
    const check = async (where) => {
      const violations = await axe(page);
      if (violations.length) found.push({ where: `${lang} ${where}`, violations });
    };
    const visit = async (path, where = path) => {
      await open(page, `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
      await check(where);
    };

    // Logged out.
    await visit('/');
    await visit(`/d/${DISTRICT}`);
    await visit(`/d/${DISTRICT}/proposals/2`, 'proposal (logged out)');
    await visit(`/d/${DISTRICT}/shops`);
    await visit(`/d/${DISTRICT}/shops?onnuri=1&category=florist`, 'shops, filtered');
    await visit(`/d/${DISTRICT}/shops?q=nothing-like-this`, 'shops, none found');
    await visit(`/d/${DISTRICT}/shops/3`, 'shop (logged out)');
    await visit(`/d/${DISTRICT}/announcements`);
    await visit('/alley', 'my alley (logged out)');
    await visit('/manage', 'manage (logged out)');
    await visit(`/d/${DISTRICT}/embed`, 'put this on your website');
    await open(page, `/d/${DISTRICT}/proposals/3/poster?lang=${lang}`);
    await page.locator('.poster-code img.qr').waitFor();
    await check('a proposal poster');
    await page.getByLabel(t(lang, 'poster_sheet'), { exact: true }).selectOption('card');
    await check('a proposal poster, as a counter card');
    // The widget a district's website frames: its own page, not the app's.
    await page.goto(`/embed/d/${DISTRICT}?lang=${lang}`);
    await page.locator('.widget-item').first().waitFor();
    await check('the widget');
    await visit('/login');
    await visit('/register');
    await page.getByRole('button', { name: t(lang, 'register_submit'), exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('/register with errors shown');
    await visit('/nope', 'not found');

    // Logged in: the vote toggle, the comment form, the proposal form.
    await logIn(page, RESIDENT, lang);
    await visit(`/d/${DISTRICT}/proposals/3`, 'proposal (logged in)');
    await page.locator('.comment').first().getByRole('button', { name: t(lang, 'report_action'), exact: true }).click();
    await page.getByRole('button', { name: t(lang, 'report_submit'), exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('proposal (logged in), reporting a comment without a reason');
    await visit(`/d/${DISTRICT}/proposals/8`, 'proposal (its author)');
    await page.getByRole('button', { name: t(lang, 'update_action'), exact: true }).click();
    await page.getByRole('button', { name: t(lang, 'update_submit'), exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('proposal (its author), an empty update refused');
    await page.getByRole('button', { name: t(lang, 'move_withdrawn'), exact: true }).click();
    await page.getByText(t(lang, 'withdraw_question')).waitFor();
    await check('proposal (its author), withdrawing asked');
    await visit(`/d/${DISTRICT}/shops/1`, 'shop (logged in)');
    await page.getByRole('button', { name: t(lang, 'shop_news_past') }).click();
    await page.locator('.announcement-past').first().waitFor();
    await check('shop with its past news');
    await visit('/alley', 'my alley (logged in)');
    await page.getByRole('button', { name: t(lang, 'leave_open'), exact: true }).click();
    await page.getByRole('button', { name: t(lang, 'leave_submit'), exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('my alley, deleting the account without a password refused');
    await visit('/manage', 'manage (a resident)');
    await visit(`/d/${DISTRICT}/claim?shop=2`, 'claim a shop');
    await page.getByRole('button', { name: t(lang, 'claim_submit') }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('claim a shop, with errors shown');
    const resident = await api('/auth/login', { method: 'POST', body: { email: RESIDENT.email, password: RESIDENT.password } });
    await api('/reports', { method: 'POST', token: resident.token, body: { target: 'proposal', target_id: 4, reason: `axe ${lang}` } });
    await page.getByRole('button', { name: t(lang, 'logout'), exact: true }).click();
    await logIn(page, { email: 'moderator@example.com', password: 'golmok-demo-2026' }, lang);
    await visit(`/d/${DISTRICT}/proposals/1`, 'proposal (a moderator)');
    await page.getByRole('button', { name: t(lang, 'move_declined'), exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('proposal (a moderator), declining without a note refused');
    await visit('/manage', 'manage (a moderator)');
    await page.getByRole('tab', { name: new RegExp(t(lang, 'tab_reports')) }).click();
    await page.getByRole('tabpanel', { name: new RegExp(t(lang, 'tab_reports')) }).getByRole('listitem').first().waitFor();
    await check('manage (a moderator), the reports tab');
    await page.getByRole('tab', { name: new RegExp(t(lang, 'tab_waiting')) }).click();
    await page.getByText(t(lang, 'queue_waiting_empty')).waitFor();
    await check('manage (a moderator), the tab of proposals awaiting an answer');
    await page.getByRole('tab', { name: t(lang, 'tab_settings') }).click();
    const settings = page.getByRole('tabpanel', { name: t(lang, 'tab_settings') });
    await settings.getByLabel(t(lang, 'settings_supports')).fill('0');
    await settings.getByRole('button', { name: t(lang, 'settings_save'), exact: true }).click();
    await settings.locator('[aria-invalid="true"]').first().waitFor();
    await settings.getByRole('region', { name: t(lang, 'moderators_heading') }).getByRole('listitem').first().waitFor();
    await check('manage (a moderator), the settings tab, a number refused');
    await page.getByRole('tab', { name: t(lang, 'tab_news') }).click();
    await page.getByRole('button', { name: t(lang, 'news_pin') }).first().waitFor();
    await page.getByRole('button', { name: t(lang, 'district_post_cta') }).click();
    await check('manage (a moderator), the news tab with its form open');
    await page.getByRole('button', { name: t(lang, 'logout'), exact: true }).click();
    await logIn(page, { email: 'merchant@example.com', password: 'golmok-demo-2026' }, lang);
    await visit('/manage', 'manage (a merchant)');
    await page.getByRole('button', { name: t(lang, 'answer_cta') }).first().click();
    await page.getByRole('button', { name: t(lang, 'post_cta') }).click();
    await page.getByRole('button', { name: t(lang, 'answer_submit') }).first().click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await check('manage (a merchant) with both forms open, errors shown');
    await page.getByRole('button', { name: t(lang, 'profile_cta') }).click();
    await page.getByRole('group', { name: t(lang, 'shop_hours_heading') }).waitFor();
    await page.getByRole('button', { name: t(lang, 'edit'), exact: true }).first().click();
    await page.getByRole('button', { name: t(lang, 'delete'), exact: true }).first().click();
    await check('manage (a merchant): the profile, an edit and a delete to confirm');
    await visit(`/d/${DISTRICT}/proposals/new`);
    await page.getByRole('radio', { name: new RegExp(t(lang, 'kind_event')) }).check();
    await page.getByRole('button', { name: t(lang, 'publish'), exact: true }).click();
    await eventually(async () => assert.ok((await page.locator('[aria-invalid="true"]').count()) > 0));
    await check('new proposal (event) with errors shown');

    assert.equal(found.length, 0, `axe found violations:\n${report(found)}`);
  }, { lang, context: { bypassCSP: true } });
}
