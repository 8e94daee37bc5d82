// The alley's shops: the directory with its filters in the address, a shop's page, becoming
// a regular (단골), and the alley's news on the district home and its own page.
import assert from 'node:assert/strict';
import {
  DISTRICT, FAILED_REQUEST, counted, eventually, exact, numberIn, open, reload, scenario, signUp, t,
} from './support.mjs';

const DIRECTORY = `/d/${DISTRICT}/shops`;
const ONNURI_SHOPS = ['은구비 베이커리', '맹꽁이 치킨', '은구비 칼국수', '골목 꽃집', '노은 철물', '엄마손 반찬'];

/** The names on the directory's cards, in order. */
function shopNames(page) {
  return page.locator('.shop-card .card-title').allInnerTexts();
}

function chip(page, lang, key) {
  return page.getByRole('button', { name: exact(t(lang, key)) });
}

scenario('a resident filters shops by "accepts Onnuri", and the address keeps it through a reload', async (page) => {
  await open(page, `/d/${DISTRICT}`);
  await page.getByRole('navigation', { name: t('ko', 'district_links') }).getByRole('link', { name: exact(t('ko', 'nav_shops')) }).click();
  await page.waitForURL(`**${DIRECTORY}`);
  await page.locator('.shop-card').first().waitFor();
  const all = await shopNames(page);
  assert.ok(all.includes('카페 노은'), `every listed shop at first: ${all}`);

  await chip(page, 'ko', 'filter_onnuri').click();
  await page.waitForURL(/onnuri=1/);
  await eventually(async () => assert.deepEqual((await shopNames(page)).sort(), [...ONNURI_SHOPS].sort()));
  assert.equal(await chip(page, 'ko', 'filter_onnuri').getAttribute('aria-pressed'), 'true');
  for (const card of await page.locator('.shop-card').all()) {
    assert.ok((await card.innerText()).includes(t('ko', 'shop_onnuri')), 'each card shows the Onnuri mark');
  }

  await reload(page);
  assert.match(page.url(), /onnuri=1/);
  assert.equal(await chip(page, 'ko', 'filter_onnuri').getAttribute('aria-pressed'), 'true');
  await eventually(async () => assert.deepEqual((await shopNames(page)).sort(), [...ONNURI_SHOPS].sort()));

  // A category on top, then clearing everything.
  await page.getByLabel(t('ko', 'shop_category_label')).selectOption('florist');
  await page.waitForURL(/category=florist/);
  await eventually(async () => assert.deepEqual(await shopNames(page), ['골목 꽃집']));
  await page.getByLabel(t('ko', 'shop_search_label')).fill('철물');
  await page.getByRole('button', { name: t('ko', 'search_submit'), exact: true }).click();
  await page.getByText(t('ko', 'shops_empty')).waitFor();
  await page.getByRole('link', { name: t('ko', 'filters_clear') }).click();
  await eventually(async () => assert.ok((await shopNames(page)).length >= 7));
  assert.equal(await page.getByLabel(t('ko', 'shop_search_label')).inputValue(), '', 'the search box follows the address');
  await eventually(async () => assert.equal(await page.getByLabel(t('ko', 'shop_category_label')).inputValue(), '', 'so does the category'));
  await page.goBack();
  await page.waitForURL(/category=florist/);
  await eventually(async () => assert.equal(await page.getByLabel(t('ko', 'shop_category_label')).inputValue(), 'florist', 'back again'));
});

scenario('a shared, filtered address opens filtered, in English', async (page) => {
  await open(page, `${DIRECTORY}?q=${encodeURIComponent('noeun')}&lang=en`);
  await eventually(async () => assert.deepEqual((await shopNames(page)).sort(), ['Café Noeun', 'Noeun Hardware']));
  assert.equal(await page.getByLabel(t('en', 'shop_search_label')).inputValue(), 'noeun');
  await page.getByRole('link', { name: 'Café Noeun' }).click();
  await page.locator('main h1', { hasText: 'Café Noeun' }).waitFor();
  const main = await page.getByRole('main').innerText();
  // Open late, across midnight; a KakaoTalk channel that looks like KakaoTalk.
  assert.ok(main.includes('10:00–01:00'), main);
  assert.ok(main.includes(t('en', 'shop_hours_heading')), main);
  const kakao = page.getByRole('link', { name: t('en', 'shop_kakao_link') });
  assert.equal(await kakao.getAttribute('href'), 'https://pf.kakao.com/_cafenoeun');
  assert.equal(await page.getByRole('link', { name: '042-823-1234' }).getAttribute('href'), 'tel:0428231234');
  // A visitor is asked to log in to become a regular.
  await page.getByRole('link', { name: t('en', 'login_to_follow') }).waitFor();
}, { lang: 'en' });

scenario('a resident becomes a regular of a shop and stops being one', async (page) => {
  // A new account: the demo resident is a regular of the bakery already.
  await signUp(page);
  await open(page, DIRECTORY);
  await page.getByRole('link', { name: '은구비 베이커리' }).click();
  await page.locator('main h1', { hasText: '은구비 베이커리' }).waitFor();
  // Its name changes with its state ("단골 맺기" / "단골이에요"); aria-pressed says which.
  const toggle = page.locator('button.follow-toggle');
  await toggle.waitFor();
  assert.match(await toggle.innerText(), new RegExp(t('ko', 'follow')));
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const before = await numberIn(toggle);

  await toggle.click();
  await page.getByRole('status').filter({ hasText: t('ko', 'follow_added') }).waitFor({ state: 'attached' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await numberIn(toggle), before + 1);
  await reload(page);
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true', 'the server remembers');
  assert.match(await toggle.innerText(), new RegExp(t('ko', 'following')));
  assert.equal(await numberIn(toggle), before + 1);

  await toggle.click();
  await page.getByRole('status').filter({ hasText: t('ko', 'follow_removed') }).waitFor({ state: 'attached' });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  assert.equal(await numberIn(toggle), before);

  // The shop's news: what shows now, and what is over on demand.
  const news = page.getByRole('region', { name: t('ko', 'shop_news_heading') });
  await news.getByText('금요일은 우유식빵 1+1').waitFor();
  assert.equal(await news.getByText('추석 연휴 영업 안내').count(), 0, 'what is over is not news');
  assert.equal(await news.getByText('크리스마스 케이크 예약을 받아요').count(), 0, 'nor what has not started');
  await news.getByRole('button', { name: t('ko', 'shop_news_past') }).click();
  await news.getByText('추석 연휴 영업 안내').waitFor();

  // Its answers to proposals, each leading to the proposal.
  const answered = page.getByRole('region', { name: t('ko', 'shop_answers_heading') });
  await answered.getByRole('link', { name: '맹꽁이 여름밤 야시장' }).click();
  await page.locator('main h1', { hasText: '맹꽁이 여름밤 야시장' }).waitFor();
});

scenario('the district home shows the alley news above the proposals, pinned first', async (page) => {
  await open(page, `/d/${DISTRICT}`);
  const news = page.getByRole('region', { name: t('ko', 'news_heading') });
  const items = news.getByRole('listitem');
  await items.first().waitFor();
  const first = await items.first().innerText();
  assert.ok(first.includes(t('ko', 'announcement_pinned')) && first.includes('골목 대청소'), first);
  const order = await page.evaluate(() => {
    const n = document.querySelector('.district-news');
    const f = document.querySelector('.feed');
    return n && f ? n.compareDocumentPosition(f) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
  });
  assert.ok(order, 'the news comes before the proposals');
  const kakao = page.getByRole('link', { name: t('ko', 'district_kakao') });
  assert.equal(await kakao.getAttribute('href'), 'https://pf.kakao.com/_golmokdemo');

  await news.getByRole('link', { name: t('ko', 'news_all') }).click();
  await page.locator('main h1', { hasText: t('ko', 'news_title') }).waitFor();
  const feed = page.getByRole('main').getByRole('listitem');
  await feed.first().waitFor();
  const all = await page.getByRole('main').innerText();
  assert.ok(all.includes('금요일은 우유식빵 1+1') && all.includes('은구비 베이커리'), all);
  assert.ok(!all.includes('추석 연휴 영업 안내'), 'what is over has left the feed');
});

// [where, address, a card, the list's section (the district's introduction has a "더 보기" of its own)]
for (const [where, list, card, section] of [
  ['the district page', `/d/${DISTRICT}`, '.proposal-card', '.feed'],
  ['the shop directory', DIRECTORY, '.shop-card', '.shops-page'],
]) {
  scenario(`a failed "show more" on ${where} keeps the list and tries that page again`, async (page, session) => {
    session.allowConsoleError(FAILED_REQUEST);
    // Small pages, so there is a next one; the first request for it fails.
    let failures = 0;
    await page.route(/\/api\/v1\/districts\/[^/]+\/(proposals|shops)(\?|$)/, async (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set('limit', '2');
      if (url.searchParams.has('cursor') && failures === 0) {
        failures += 1;
        return route.abort('internetdisconnected');
      }
      return route.continue({ url: url.href });
    });
    await open(page, list);
    await eventually(async () => assert.equal(await page.locator(card).count(), 2));
    const shown = await page.locator(`${card} .card-title`).allInnerTexts();

    await page.locator(section).getByRole('button', { name: exact(t('ko', 'load_more')) }).click();
    await page.getByRole('alert').filter({ hasText: t('ko', 'error_network') }).waitFor();
    assert.deepEqual(await page.locator(`${card} .card-title`).allInnerTexts(), shown, 'the list stays');

    await page.locator(section).getByRole('button', { name: exact(t('ko', 'retry')) }).click();
    await eventually(async () => assert.equal(await page.locator(card).count(), 4));
    assert.deepEqual((await page.locator(`${card} .card-title`).allInnerTexts()).slice(0, 2), shown);
    assert.equal(await page.getByRole('alert').filter({ hasText: t('ko', 'error_network') }).count(), 0);
    assert.equal(failures, 1);
  });
}

scenario('"open now" and the counts read as words, and a regular count is shown to everyone', async (page) => {
  await open(page, DIRECTORY);
  const card = page.locator('.shop-card').filter({ hasText: '은구비 베이커리' });
  const text = await card.innerText();
  assert.ok(
    text.includes(t('ko', 'shop_open')) || text.includes(t('ko', 'shop_closed')) || text.includes(t('ko', 'shop_closed_today')),
    `open or closed, in words: ${text}`,
  );
  assert.match(text, counted('ko', 'follower_count'));
});
