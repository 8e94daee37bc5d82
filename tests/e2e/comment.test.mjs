// Comments: write one, it joins the list and the count goes up, and it is still there
// after a reload.
import assert from 'node:assert/strict';
import { eventually, exact, numberIn, open, reload, scenario, signUp, t } from './support.mjs';

const PROPOSAL = '/d/eungubi-seo/proposals/5'; // 공영주차장 안내판: no other test comments on it

function comments(page) {
  return page.getByRole('region', { name: new RegExp(`^${t('ko', 'comments_heading')}`) });
}

async function commentCount(page) {
  return numberIn(comments(page).getByRole('heading', { level: 2 }));
}

async function listed(page) {
  return comments(page).getByRole('list').getByRole('listitem').allInnerTexts();
}

scenario('write a comment: it is listed and the count goes up by one', async (page) => {
  const user = await signUp(page);
  await open(page, PROPOSAL);
  await comments(page).getByRole('list').waitFor();
  const before = await commentCount(page);
  const items = await listed(page);
  assert.equal(items.length, before, 'the heading counts the listed comments');

  const text = `안내판 덕분에 주차가 쉬워졌어요! (${Date.now().toString(36)})`;
  const box = page.getByLabel(t('ko', 'comment_label'), { exact: true });
  await box.fill(text);
  await comments(page).getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();

  await eventually(async () => {
    const now = await listed(page);
    assert.equal(now.length, before + 1);
    assert.ok(now.at(-1).includes(text) && now.at(-1).includes(user.name), `new comment last: ${now.at(-1)}`);
  });
  await eventually(async () => assert.equal(await commentCount(page), before + 1, 'count in the heading'));
  assert.equal(await box.inputValue(), '', 'the box is emptied for the next comment');

  await reload(page);
  await comments(page).getByRole('list').waitFor();
  await eventually(async () => assert.equal((await listed(page)).length, before + 1));
  assert.ok((await listed(page)).some((c) => c.includes(text)), 'the comment is stored');
  assert.equal(await commentCount(page), before + 1);
});

scenario('an empty comment is not sent and says why', async (page) => {
  await signUp(page);
  await open(page, PROPOSAL);
  let sent = 0;
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/comments') && (sent += 1));
  await comments(page).getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();
  const box = page.getByLabel(t('ko', 'comment_label'), { exact: true });
  await eventually(async () => assert.equal(await box.getAttribute('aria-invalid'), 'true'));
  await comments(page).getByText(t('ko', 'err_required')).waitFor();
  assert.equal(sent, 0);
});

scenario('logged out, the comment form is a link to log in', async (page) => {
  await open(page, PROPOSAL);
  await comments(page).getByRole('link', { name: exact(t('ko', 'login_to_comment')) }).waitFor();
  assert.equal(await page.getByLabel(t('ko', 'comment_label'), { exact: true }).count(), 0);
});

scenario('a comment says where it stands, and the tally counts it (en)', async (page) => {
  await signUp(page, 'en');
  await open(page, '/d/eungubi-seo/proposals/2?lang=en');
  const region = page.getByRole('region', { name: new RegExp(`^${t('en', 'comments_heading')}`) });
  const tally = region.locator('.stance-tally');
  await tally.waitFor();
  const against = async () => Number((await tally.innerText()).match(/Against (\d+)/)[1]);
  const before = await against();

  const stances = region.getByRole('group', { name: t('en', 'stance_legend') });
  assert.ok(await stances.getByRole('radio', { name: t('en', 'stance_neutral') }).isChecked(), 'neutral until chosen');
  await stances.getByRole('radio', { name: t('en', 'stance_against') }).check();
  const text = `Too loud for the night, I think (${Date.now().toString(36)})`;
  await page.getByLabel(t('en', 'comment_label'), { exact: true }).fill(text);
  await region.getByRole('button', { name: exact(t('en', 'comment_submit')) }).click();

  const mine = region.getByRole('listitem').filter({ hasText: text });
  await mine.getByText(t('en', 'stance_against'), { exact: true }).waitFor();
  await eventually(async () => assert.equal(await against(), before + 1));
  assert.ok(await stances.getByRole('radio', { name: t('en', 'stance_neutral') }).isChecked(), 'back to neutral for the next');
}, { lang: 'en' });
