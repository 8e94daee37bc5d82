// Shops' answers: shown above the comments with the shop, its stance and its pledge, in
// both languages; counted on the district's cards.
import assert from 'node:assert/strict';
import { BASE_URL, DISTRICT, exact, open, scenario, t } from './support.mjs';

const NIGHT_MARKET = `/d/${DISTRICT}/proposals/2`; // 맹꽁이 여름밤 야시장: the bakery takes part, with a pledge
const STREETLIGHTS = `/d/${DISTRICT}/proposals/1`; // 가로등: no shop has answered

function answers(page, lang) {
  return page.getByRole('region', { name: new RegExp(`^${t(lang, 'answers_heading')}`) });
}

for (const lang of ['ko', 'en']) {
  scenario(`a proposal shows the shops' answers above the comments (${lang})`, async (page) => {
    await open(page, NIGHT_MARKET);
    const section = answers(page, lang);
    const item = section.getByRole('listitem').first();
    await item.waitFor();
    const text = await item.innerText();
    assert.ok(text.includes(lang === 'ko' ? '은구비 베이커리' : 'Eungubi Bakery'), text);
    assert.ok(text.includes(t(lang, 'stance_take_part')), text);
    assert.ok(text.includes(t(lang, 'pledge_label')) && text.includes('야시장 날 밤 10시까지 문 열어요'), text);
    // Above the comments, in the page's order.
    const order = await page.evaluate(() => {
      const a = document.querySelector('.answers');
      const c = document.querySelector('.comments');
      return a && c ? a.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    assert.ok(order, 'answers come before comments');
  }, { lang });
}

scenario('no section for a proposal no shop has answered, and the cards count answers and pledges', async (page) => {
  await open(page, STREETLIGHTS);
  await page.getByRole('region', { name: new RegExp(`^${t('ko', 'comments_heading')}`) }).waitFor();
  assert.equal(await answers(page, 'ko').count(), 0);

  await open(page, `/d/${DISTRICT}`);
  const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: '맹꽁이 여름밤 야시장' }) });
  await card.waitFor();
  const counts = await card.innerText();
  assert.ok(counts.includes(t('ko', 'answer_count', { count: 1 })), counts);
  assert.ok(counts.includes(t('ko', 'pledge_count', { count: 1 })), counts);
});

scenario('a comment written before "show more" appears once', async (page) => {
  // A proposal with a full first page of comments and more after it, made through the API.
  const id = Date.now().toString(36);
  const register = await fetch(`${BASE_URL}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `talk-${id}@example.com`, password: `pw-${id}-secret`, display_name: `이웃 ${id.slice(-5)}` }),
  });
  const { token, user } = await register.json();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const proposal = await (
    await fetch(`${BASE_URL}/api/v1/districts/${DISTRICT}/proposals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'improvement', title: '골목 의자 이야기', body: '쉬어 갈 의자가 있으면 좋겠어요.' }),
    })
  ).json();
  for (let i = 1; i <= 21; i += 1) {
    await fetch(`${BASE_URL}/api/v1/proposals/${proposal.id}/comments`, { method: 'POST', headers, body: JSON.stringify({ body: `의견 ${i}` }) });
  }
  await page.context().addInitScript(
    ([stored]) => localStorage.setItem('golmok.session', stored),
    [JSON.stringify({ token, user })],
  );
  await open(page, `/d/${DISTRICT}/proposals/${proposal.id}`);
  const comments = page.getByRole('region', { name: new RegExp(`^${t('ko', 'comments_heading')}`) });
  await comments.getByRole('list').getByRole('listitem').nth(19).waitFor();
  const mine = `나중에 쓴 댓글 ${id}`;
  await page.getByLabel(t('ko', 'comment_label'), { exact: true }).fill(mine);
  await comments.getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();
  await comments.getByText(mine).waitFor();
  await comments.getByRole('button', { name: exact(t('ko', 'load_more')) }).click();
  await comments.getByText('의견 21', { exact: true }).waitFor();
  assert.equal(await comments.getByText(mine).count(), 1, 'the new comment is listed once');
  assert.equal(await comments.getByRole('list').getByRole('listitem').count(), 22);
});
