// A merchant keeps the shop from /manage: the profile and the week's hours (one day past
// midnight, one with a break), an answer edited, news posted with a last day, edited,
// scheduled and deleted. A new verified merchant of its own, in the second district, so
// nothing here moves what other tests read.
import assert from 'node:assert/strict';
import { api, logIn, newMerchant, open, reload, scenario, sleep, t } from './support.mjs';

/** `days` from today as a date field takes it, on Seoul's calendar. */
function seoulDay(days) {
  return new Date(Date.now() + 9 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

const status = (page, text) => page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' });

scenario('a merchant keeps the profile, the hours, an answer and the news', async (page) => {
  const merchant = await newMerchant();
  const proposal = await api(`/districts/${merchant.district}/proposals`, {
    method: 'POST',
    token: merchant.token,
    body: { kind: 'improvement', title: `카페거리 쓰레기통 ${merchant.shopName}`, body: '주말마다 컵이 길에 쌓여요. 가게 앞에 분리수거함을 두면 어떨까요?' },
  });
  await logIn(page, merchant.user);
  await open(page, '/manage');
  const home = page.getByRole('region', { name: t('ko', 'merchant_heading', { shop: merchant.shopName }) });

  // The profile: a wrong phone is refused where it was typed, and nothing is lost.
  const edit = home.getByRole('button', { name: t('ko', 'profile_cta') });
  await edit.click();
  assert.equal(await edit.getAttribute('aria-expanded'), 'true');
  await home.getByLabel(t('ko', 'field_shop_name_en')).fill('Test Cafe');
  await home.getByLabel(t('ko', 'shop_phone')).fill('12');
  await home.getByLabel(t('ko', 'field_kakao')).fill('pf.kakao.com/_golmok');
  await home.getByLabel(t('ko', 'accepts_onnuri')).check();
  const monday = home.getByRole('group', { name: t('ko', 'hours_day_legend', { day: t('ko', 'day_mon') }), exact: true });
  await monday.getByLabel(t('ko', 'hours_open_day')).check();
  await monday.getByLabel(t('ko', 'hours_from')).fill('18:00');
  await monday.getByLabel(t('ko', 'hours_until')).fill('02:00');
  const tuesday = home.getByRole('group', { name: t('ko', 'hours_day_legend', { day: t('ko', 'day_tue') }), exact: true });
  await tuesday.getByLabel(t('ko', 'hours_open_day')).check();
  await tuesday.getByLabel(t('ko', 'hours_has_break')).check();
  await tuesday.getByLabel(t('ko', 'hours_break_from')).fill('22:00'); // after closing: refused
  await home.getByRole('button', { name: t('ko', 'save'), exact: true }).click();
  await tuesday.getByText(t('ko', 'hours_invalid')).waitFor();
  assert.equal(await tuesday.getByLabel(t('ko', 'hours_break_from')).getAttribute('aria-invalid'), 'true');
  const phone = home.getByLabel(t('ko', 'shop_phone'));
  assert.equal(await phone.getAttribute('aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), `shop-${merchant.shopId}-phone`, 'the first problem has the cursor');
  await phone.fill('062-123-4567');
  await tuesday.getByLabel(t('ko', 'hours_break_from')).fill('15:00');
  await home.getByRole('button', { name: t('ko', 'save'), exact: true }).click();
  await status(page, t('ko', 'profile_saved'));
  assert.equal(await edit.getAttribute('aria-expanded'), 'false');

  // The shop's page says what the merchant set.
  await open(page, `/d/${merchant.district}/shops/${merchant.shopId}`);
  await page.getByRole('link', { name: '062-123-4567' }).waitFor();
  await page.getByRole('link', { name: t('ko', 'shop_kakao_link') }).waitFor();
  const hours = page.getByRole('region', { name: t('ko', 'shop_hours_heading') });
  assert.match(await hours.innerText(), /18:00–02:00/);
  assert.match(await hours.innerText(), /11:00–21:00 · .*15:00–17:00/);
  await page.locator('main').getByText(t('ko', 'shop_onnuri')).first().waitFor();

  // An answer, then edited where it is listed; the edit shows.
  await open(page, '/manage');
  const waiting = home.getByRole('region', { name: t('ko', 'waiting_heading') }).getByRole('listitem').filter({ hasText: proposal.title });
  await waiting.getByRole('button', { name: t('ko', 'answer_cta') }).click();
  await waiting.getByLabel(t('ko', 'field_message')).fill('분리수거함 하나 놓을게요.');
  // A reload loses nothing typed: the answer waits as a draft.
  await reload(page);
  await waiting.getByRole('button', { name: t('ko', 'answer_cta') }).click();
  assert.equal(await waiting.getByLabel(t('ko', 'field_message')).inputValue(), '분리수거함 하나 놓을게요.');
  await waiting.getByRole('button', { name: t('ko', 'answer_submit') }).click();
  await status(page, t('ko', 'answer_posted'));
  const answers = home.getByRole('region', { name: t('ko', 'my_answers_heading') });
  await answers.getByRole('listitem').filter({ hasText: proposal.title }).getByRole('button', { name: t('ko', 'edit') }).click();
  // Being edited, it is a form: the proposal's title stays above it.
  const answer = answers.getByRole('listitem').filter({ hasText: proposal.title });
  assert.equal(await answer.getByLabel(t('ko', 'field_message')).inputValue(), '분리수거함 하나 놓을게요.');
  await answer.getByLabel(t('ko', 'field_message')).fill('분리수거함 두 개 놓을게요.');
  await answer.getByLabel(t('ko', 'field_pledge')).fill('컵 가져오면 300원 할인');
  await sleep(1100); // times are kept to the second: an edit in the same second is no edit to see
  await answer.getByRole('button', { name: t('ko', 'save'), exact: true }).click();
  await status(page, t('ko', 'answer_saved'));
  const edited = answers.getByRole('listitem').filter({ hasText: '분리수거함 두 개 놓을게요.' });
  await edited.getByText(t('ko', 'answer_edited')).waitFor();
  await edited.getByText('컵 가져오면 300원 할인').waitFor();

  // News with a last day; edited; deleted after a second tap.
  const now = home.getByRole('region', { name: t('ko', 'my_news_heading') });
  await home.getByRole('button', { name: t('ko', 'post_cta') }).click();
  await home.getByLabel(t('ko', 'field_news_title')).fill('주말 라떼 할인');
  await home.getByLabel(t('ko', 'field_news_body')).fill('토요일과 일요일, 라떼를 천 원 싸게 드려요.');
  await home.getByLabel(t('ko', 'field_news_ends')).fill(seoulDay(7));
  await reload(page);
  await home.getByRole('button', { name: t('ko', 'post_cta') }).click();
  assert.equal(await home.getByLabel(t('ko', 'field_news_title')).inputValue(), '주말 라떼 할인', 'the draft survives a reload');
  assert.equal(await home.getByLabel(t('ko', 'field_news_ends')).inputValue(), seoulDay(7));
  await home.getByRole('button', { name: t('ko', 'post_submit'), exact: true }).click();
  await status(page, t('ko', 'news_posted'));
  const news = now.getByRole('listitem').filter({ hasText: '주말 라떼 할인' });
  await news.getByRole('button', { name: t('ko', 'edit') }).click();
  const editing = now.getByRole('listitem').filter({ has: page.getByRole('button', { name: t('ko', 'save'), exact: true }) });
  assert.equal(await editing.getByLabel(t('ko', 'field_news_ends')).inputValue(), seoulDay(7));
  assert.equal(await editing.getByLabel(t('ko', 'field_news_title')).inputValue(), '주말 라떼 할인');
  await editing.getByLabel(t('ko', 'field_news_title')).fill('주말 라떼 반값');
  await editing.getByRole('button', { name: t('ko', 'save'), exact: true }).click();
  await status(page, t('ko', 'news_saved'));
  const renamed = now.getByRole('listitem').filter({ hasText: '주말 라떼 반값' });
  await renamed.getByRole('button', { name: t('ko', 'delete') }).click();
  await renamed.getByText(t('ko', 'news_delete_confirm')).waitFor();
  await renamed.getByRole('button', { name: t('ko', 'delete') }).click();
  await status(page, t('ko', 'news_deleted'));
  await renamed.waitFor({ state: 'detached' });

  // News that starts tomorrow waits under "still to come", for the merchant's eyes only.
  await home.getByRole('button', { name: t('ko', 'post_cta') }).click();
  await home.getByLabel(t('ko', 'field_news_title')).fill('내일부터 겨울 메뉴');
  await home.getByLabel(t('ko', 'field_news_body')).fill('유자차와 쌍화차를 시작해요.');
  await home.getByLabel(t('ko', 'field_news_starts')).fill(seoulDay(1));
  // A last day before the first is refused in words, on that field.
  await home.getByLabel(t('ko', 'field_news_ends')).fill(seoulDay(0));
  await home.getByRole('button', { name: t('ko', 'post_submit'), exact: true }).click();
  await home.getByText(t('ko', 'err_ends_before_start')).waitFor();
  assert.equal(await home.getByLabel(t('ko', 'field_news_ends')).getAttribute('aria-invalid'), 'true');
  await home.getByLabel(t('ko', 'field_news_ends')).fill('');
  await home.getByRole('button', { name: t('ko', 'post_submit'), exact: true }).click();
  await status(page, t('ko', 'news_posted'));
  await home.getByRole('button', { name: t('ko', 'post_cta') }).click();
  assert.equal(await home.getByLabel(t('ko', 'field_news_title')).inputValue(), '', 'a posted draft is gone');
  await home.getByRole('button', { name: t('ko', 'cancel') }).click();
  const coming = home.getByRole('region', { name: t('ko', 'upcoming_news_heading') });
  await coming.getByText('내일부터 겨울 메뉴').waitFor();
  assert.equal(await now.getByText('내일부터 겨울 메뉴').count(), 0);
});
