// The merchant's home on /manage: answering a proposal with a pledge, which the resident
// then sees on the proposal and in My alley, and posting news, which shows on the
// district's home.
import assert from 'node:assert/strict';
import { BASE_URL, DEMO_PASSWORD, DISTRICT, banner, logIn, open, scenario, t } from './support.mjs';

const MERCHANT = { email: 'merchant@example.com', password: DEMO_PASSWORD };

/** A new resident who follows the bakery and proposes something, made through the API. */
async function residentWithProposal(title) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = { email: `m-${id}@example.com`, password: `pw-${id}-secret`, name: `주민 ${id.slice(-5)}` };
  const auth = await (
    await fetch(`${BASE_URL}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password, display_name: user.name }),
    })
  ).json();
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${auth.token}` };
  const proposal = await (
    await fetch(`${BASE_URL}/api/v1/districts/${DISTRICT}/proposals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ kind: 'event', title, body: '골목 아이들과 함께 쿠키를 구워 나눠요. 가게들이 함께하면 좋겠어요.' }),
    })
  ).json();
  // One support, so it ranks among the first page of the most supported.
  await fetch(`${BASE_URL}/api/v1/proposals/${proposal.id}/vote`, { method: 'PUT', headers });
  return { user, proposal };
}

scenario('the merchant answers with a pledge and posts news; residents see both', async (page) => {
  const stamp = Date.now().toString(36).slice(-5);
  const title = `맹꽁이 쿠키 굽는 날 ${stamp}`;
  const { user, proposal } = await residentWithProposal(title);

  await logIn(page, MERCHANT);
  await open(page, '/manage');
  const home = page.getByRole('region', { name: t('ko', 'merchant_heading', { shop: '은구비 베이커리' }) });
  const card = home.getByRole('region', { name: t('ko', 'waiting_heading') }).getByRole('listitem').filter({ hasText: title });
  await card.getByRole('button', { name: t('ko', 'answer_cta') }).click();
  await card.getByLabel(t('ko', 'stance_take_part')).check();
  await card.getByRole('button', { name: t('ko', 'answer_submit') }).click();
  await card.getByText(t('ko', 'err_required')).waitFor(); // a message is needed
  // The cursor goes to that card's message, not a field of the same name elsewhere.
  assert.match(await page.evaluate(() => document.activeElement?.id ?? ''), /^message-\d+$/);
  await card.getByLabel(t('ko', 'field_message')).fill('반죽과 오븐을 빌려 드릴게요.');
  await card.getByLabel(t('ko', 'field_pledge')).fill('그날 쿠키 반죽 2kg 무료');
  await card.getByRole('button', { name: t('ko', 'answer_submit') }).click();
  await page.getByRole('status').filter({ hasText: t('ko', 'answer_posted') }).waitFor({ state: 'attached' });
  await card.waitFor({ state: 'detached' });

  const news = `토요일 쿠키 클래스 ${stamp}`;
  await home.getByRole('button', { name: t('ko', 'post_cta') }).click();
  await home.getByLabel(t('ko', 'field_news_kind')).selectOption('event');
  await home.getByLabel(t('ko', 'field_news_title')).fill(news);
  await home.getByLabel(t('ko', 'field_news_body')).fill('토요일 오후 2시, 아이들과 쿠키를 구워요. 재료는 가게에서 준비해요.');
  await home.getByRole('button', { name: t('ko', 'post_submit'), exact: true }).click();
  await page.getByRole('status').filter({ hasText: t('ko', 'news_posted') }).waitFor({ state: 'attached' });
  await home.getByText(news).waitFor();

  // An unplanned day off, in one tap: the shop's page says so, and back.
  const closed = home.getByRole('button', { name: t('ko', 'closed_today_label') });
  await closed.click();
  await page.getByRole('status').filter({ hasText: t('ko', 'closed_today_on') }).waitFor({ state: 'attached' });
  assert.equal(await closed.getAttribute('aria-pressed'), 'true');
  await open(page, `/d/${DISTRICT}/shops/1`);
  await page.locator('main .badge-closed', { hasText: t('ko', 'shop_closed_today') }).first().waitFor();
  await open(page, '/manage');
  assert.equal(await closed.getAttribute('aria-pressed'), 'true', 'the server remembers');
  await closed.click();
  await page.getByRole('status').filter({ hasText: t('ko', 'closed_today_off') }).waitFor({ state: 'attached' });
  assert.equal(await closed.getAttribute('aria-pressed'), 'false');

  // On the district's home, for everyone.
  await banner(page).getByRole('button', { name: t('ko', 'logout'), exact: true }).click();
  await open(page, `/d/${DISTRICT}`);
  await page.getByRole('region', { name: t('ko', 'news_heading') }).getByText(news).waitFor();

  // The resident: the answer on the proposal, and both in My alley (they follow nobody:
  // the answer comes as one to their own proposal).
  await logIn(page, user);
  await open(page, `/d/${DISTRICT}/proposals/${proposal.id}`);
  const answers = page.getByRole('region', { name: new RegExp(`^${t('ko', 'answers_heading')}`) });
  await answers.getByText('그날 쿠키 반죽 2kg 무료').waitFor();
  await open(page, '/alley');
  const mine = page.locator('.alley-feed').getByRole('listitem').filter({ hasText: title });
  await mine.getByText(t('ko', 'alley_to_you')).waitFor();
  assert.ok((await mine.innerText()).includes('그날 쿠키 반죽 2kg 무료'));
});
