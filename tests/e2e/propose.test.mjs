// Proposing: field errors show next to the field before anything is sent, what is typed
// survives a reload as a draft, and publishing lands on the new proposal.
import assert from 'node:assert/strict';
import { DISTRICT, eventually, heading, open, reload, scenario, signUp, t } from './support.mjs';

const FORM = `/d/${DISTRICT}/proposals/new`;

/** The error text tied to a field (aria-describedby), or null. */
async function fieldError(page, field) {
  if ((await field.getAttribute('aria-invalid')) !== 'true') return null;
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = [];
  for (const id of ids) texts.push((await page.locator(`[id="${id}"]`).innerText()).trim());
  return texts.join(' | ');
}

/** Counts the proposals the page sends to the API. */
function countPosts(page) {
  let n = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().endsWith(`/api/v1/districts/${DISTRICT}/proposals`)) n += 1;
  });
  return () => n;
}

scenario('propose: a field error shows next to the field once it is left, before anything is sent', async (page) => {
  await signUp(page);
  const sent = countPosts(page);
  await open(page, FORM);
  assert.equal(await heading(page), t('ko', 'new_title'));
  const title = page.getByLabel(t('ko', 'field_title'), { exact: true });

  // A one-letter title: its error appears once the field is left, tied to the field.
  await title.fill('골');
  assert.equal(await fieldError(page, title), null, 'no error while still typing');
  await title.press('Tab');
  await eventually(async () => {
    const error = await fieldError(page, title);
    assert.ok(error?.includes(t('ko', 'err_too_short', { limit: 2 })), `title error: ${error}`);
  });
  const titleField = page.locator('.field').filter({ has: title });
  assert.ok(
    await titleField.getByText(t('ko', 'err_too_short', { limit: 2 })).isVisible(),
    'the error is shown right with the title field',
  );
  assert.equal(sent(), 0);
});

scenario('propose: publishing with errors sends nothing and moves focus to the first bad field', async (page) => {
  await signUp(page);
  const sent = countPosts(page);
  await open(page, FORM);
  const title = page.getByLabel(t('ko', 'field_title'), { exact: true });
  const body = page.getByLabel(t('ko', 'field_body'), { exact: true });
  // Someone types a too-short title, moves on to the details, then taps publish.
  await title.fill('골');
  await title.press('Tab');
  await page.getByRole('button', { name: t('ko', 'publish'), exact: true }).click();
  await eventually(async () => {
    const error = await fieldError(page, body);
    assert.ok(error?.includes(t('ko', 'err_required')), `body error after publishing: ${error}`);
  });
  const announced = page.getByRole('status').filter({ hasText: t('ko', 'fix_errors') });
  await eventually(async () =>
    assert.equal(await announced.count(), 1, `the publish tap was handled: "${t('ko', 'fix_errors')}" is announced`),
  );
  await eventually(async () =>
    assert.equal(
      await title.evaluate((el) => el === document.activeElement),
      true,
      `the publish tap was handled and focus moved to the title (focus is on ${await page.evaluate(
        () => document.activeElement?.outerHTML.slice(0, 80),
      )})`,
    ),
  );
  assert.equal(sent(), 0, 'nothing was sent while the form had errors');
});

scenario('propose: the draft survives a reload, then publish lands on the new proposal', async (page) => {
  await signUp(page);
  const sent = countPosts(page);
  await open(page, FORM);
  const title = page.getByLabel(t('ko', 'field_title'), { exact: true });
  const body = page.getByLabel(t('ko', 'field_body'), { exact: true });
  const improvement = page.getByRole('radio', { name: new RegExp(t('ko', 'kind_improvement')) });

  const unique = Date.now().toString(36);
  const proposal = {
    title: `골목 벤치를 놓아 주세요 ${unique}`,
    body: '맹꽁이길 중간에 잠깐 앉아 쉴 벤치가 있으면 좋겠어요.\n\n어르신들이 장을 보고 오다 쉬어 가실 수 있게요.',
  };
  await improvement.check();
  await title.fill(proposal.title);
  await body.fill(proposal.body);
  await eventually(async () => assert.equal(await fieldError(page, title), null));

  await reload(page);
  await page.getByText(t('ko', 'draft_restored')).waitFor();
  assert.equal(await title.inputValue(), proposal.title, 'title restored');
  assert.equal(await body.inputValue(), proposal.body, 'body restored');
  assert.equal(await improvement.isChecked(), true, 'kind restored');

  await page.getByRole('button', { name: t('ko', 'publish'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: proposal.title }).waitFor();
  assert.match(new URL(page.url()).pathname, new RegExp(`^/d/${DISTRICT}/proposals/\\d+$`), 'on the new proposal');
  assert.equal(sent(), 1, 'published once');
  const text = await page.getByRole('main').innerText();
  assert.ok(text.includes('어르신들이 장을 보고 오다 쉬어 가실 수 있게요.'), 'the body is shown');
  assert.ok(text.includes(t('ko', 'kind_improvement')), 'the kind is shown');
  assert.ok(text.includes(t('ko', 'status_open')), 'a new proposal is open');

  // It is in the district's newest-first list, and the draft is gone.
  await open(page, `/d/${DISTRICT}?sort=new`);
  await page.getByRole('link', { name: proposal.title, exact: true }).waitFor();
  await open(page, FORM);
  assert.equal(await title.inputValue(), '', 'the draft was cleared after publishing');
  assert.equal(await page.getByText(t('ko', 'draft_restored')).count(), 0);
});

scenario('logged out, a finished draft asks to log in and keeps the text', async (page) => {
  await open(page, FORM);
  await page.getByLabel(t('ko', 'field_title'), { exact: true }).fill('골목 화단을 가꿔요');
  await page.getByLabel(t('ko', 'field_body'), { exact: true }).fill('빈 화분에 꽃을 심어 골목을 밝게 해요.');
  await page.getByRole('button', { name: t('ko', 'publish'), exact: true }).click();
  await page.getByRole('main').getByText(t('ko', 'login_to_propose')).waitFor();
  await reload(page);
  assert.equal(await page.getByLabel(t('ko', 'field_title'), { exact: true }).inputValue(), '골목 화단을 가꿔요');
});
