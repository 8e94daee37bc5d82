// A district's home: who it is, then its proposals ranked by support, each card showing
// its kind, status and counts; the search, the filters and the order live in the address.
import assert from 'node:assert/strict';
import { DISTRICT, DISTRICT_NAME, counted, eventually, exact, heading, open, reload, scenario, t } from './support.mjs';

const KINDS = ['kind_event', 'kind_improvement'];
const STATUSES = ['status_open', 'status_under_review', 'status_accepted', 'status_done', 'status_declined'];

/** What each proposal card says, in list order. */
async function cards(page, lang = 'ko') {
  const feed = page.getByRole('region', { name: t(lang, 'proposals_heading') });
  const items = feed.getByRole('list').first().getByRole('listitem');
  await items.first().waitFor();
  const out = [];
  for (const item of await items.all()) {
    const text = await item.innerText();
    const title = (await item.getByRole('heading', { level: 3 }).innerText()).trim();
    // Where the link goes (hrefs are relative to <base href>, so resolve them).
    const link = await item.getByRole('link', { name: title }).evaluate((a) => new URL(a.href).pathname);
    const kind = KINDS.filter((k) => text.includes(t(lang, k)));
    const status = STATUSES.filter((s) => text.includes(t(lang, s)));
    const votes = text.match(counted(lang, 'support_count'));
    const comments = text.match(counted(lang, 'comment_count'));
    assert.equal(kind.length, 1, `card "${title}" names its kind: ${JSON.stringify(text)}`);
    assert.equal(status.length, 1, `card "${title}" names its status: ${JSON.stringify(text)}`);
    assert.ok(votes, `card "${title}" shows its support count: ${JSON.stringify(text)}`);
    assert.ok(comments, `card "${title}" shows its comment count: ${JSON.stringify(text)}`);
    out.push({ title, link, kind: kind[0], status: status[0], votes: Number(votes[1]), comments: Number(comments[1]) });
  }
  return out;
}

scenario('the district home lists proposals ranked by support', async (page) => {
  await open(page, '/');
  await page.getByRole('link', { name: DISTRICT_NAME.ko }).click();
  await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.ko }).waitFor();
  assert.equal(new URL(page.url()).pathname, `/d/${DISTRICT}`);

  const list = await cards(page);
  assert.ok(list.length >= 8, `the eight demo proposals are listed (got ${list.length})`);
  for (let i = 1; i < list.length; i += 1) {
    assert.ok(
      list[i - 1].votes >= list[i].votes,
      `ranked by support: "${list[i - 1].title}" (${list[i - 1].votes}) before "${list[i].title}" (${list[i].votes})`,
    );
  }
  // The most supported demo proposal: the summer night market, accepted, with 12 supports.
  assert.equal(list[0].title, '맹꽁이 여름밤 야시장');
  assert.equal(list[0].kind, 'kind_event');
  assert.equal(list[0].status, 'status_accepted');
  assert.ok(list[0].votes >= 12 && list[0].comments >= 3, JSON.stringify(list[0]));
  assert.match(list[0].link, new RegExp(`^/d/${DISTRICT}/proposals/\\d+$`));
  const kinds = new Set(list.map((c) => c.kind));
  assert.deepEqual([...kinds].sort(), ['kind_event', 'kind_improvement'], 'both kinds are in the demo list');

  // The link on a card opens the proposal.
  await page.getByRole('link', { name: list[0].title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: list[0].title }).waitFor();
  assert.equal(new URL(page.url()).pathname, list[0].link);
});

scenario('the kind filter and the newest-first order are kept in the address', async (page) => {
  await open(page, `/d/${DISTRICT}`);
  const filters = page.getByRole('group', { name: t('ko', 'filter_label') });
  const eventsOnly = filters.getByRole('button', { name: exact(t('ko', 'filter_event')) });
  await eventsOnly.click();
  await eventually(async () => assert.equal(await eventsOnly.getAttribute('aria-pressed'), 'true'));
  await eventually(async () => assert.equal(new URL(page.url()).search, '?kind=event'));
  await eventually(async () => {
    const list = await cards(page);
    assert.ok(list.length > 0 && list.every((c) => c.kind === 'kind_event'), JSON.stringify(list));
  });

  const order = page.getByRole('group', { name: t('ko', 'sort_label') });
  const newest = order.getByRole('button', { name: exact(t('ko', 'sort_new')) });
  await newest.click();
  await eventually(async () => assert.equal(new URL(page.url()).search, '?kind=event&sort=new'));
  await eventually(async () => assert.equal(await newest.getAttribute('aria-pressed'), 'true'));
  await eventually(async () => {
    const list = await cards(page);
    // The newest demo event is the children's drawing exhibition (five hours old).
    assert.equal(list[0].title, '맹꽁이길 어린이 그림 전시');
  });

  await reload(page);
  assert.equal(await heading(page), DISTRICT_NAME.ko);
  assert.equal(await eventsOnly.getAttribute('aria-pressed'), 'true', 'the filter survives a reload');
  assert.equal(await newest.getAttribute('aria-pressed'), 'true', 'the order survives a reload');
  const list = await cards(page);
  assert.ok(list.every((c) => c.kind === 'kind_event'));
});

scenario('a searched, filtered list in another order is kept in the address and survives a reload', async (page) => {
  await open(page, `/d/${DISTRICT}`);
  const feed = page.getByRole('region', { name: t('ko', 'proposals_heading') });
  const search = feed.getByRole('searchbox', { name: t('ko', 'proposal_search_label') });
  const status = feed.getByRole('combobox', { name: t('ko', 'status_filter_label') });
  const discussed = feed
    .getByRole('group', { name: t('ko', 'sort_label') })
    .getByRole('button', { name: exact(t('ko', 'sort_discussed')) });
  const parking = '공영주차장 안내판을 골목 입구에 세워 주세요';
  const query = () => Object.fromEntries(new URL(page.url()).searchParams);

  // Words in the title, a part of a word: case and position do not matter.
  await search.fill('주차');
  await search.press('Enter');
  await eventually(async () => assert.deepEqual(query(), { q: '주차' }));
  await eventually(async () => assert.deepEqual((await cards(page)).map((c) => c.title), [parking]));
  await status.selectOption({ label: t('ko', 'status_done') });
  await eventually(async () => assert.deepEqual(query(), { q: '주차', status: 'done' }));
  await discussed.click();
  await eventually(async () => assert.deepEqual(query(), { q: '주차', status: 'done', sort: 'discussed' }));
  await eventually(async () => assert.equal(await discussed.getAttribute('aria-pressed'), 'true'));
  await eventually(async () => assert.deepEqual((await cards(page)).map((c) => c.title), [parking]));

  await reload(page);
  assert.equal(await search.inputValue(), '주차', 'the words survive a reload');
  assert.equal(await status.inputValue(), 'done', 'the status survives a reload');
  assert.equal(await discussed.getAttribute('aria-pressed'), 'true', 'the order survives a reload');
  const after = await cards(page);
  assert.deepEqual(after.map((c) => [c.title, c.status]), [[parking, 'status_done']]);

  // Nothing matches: say so, and offer the way back to every proposal.
  await status.selectOption({ label: t('ko', 'status_open') });
  await feed.getByText(t('ko', 'proposals_no_match')).waitFor();
  await feed.getByRole('link', { name: t('ko', 'filters_clear') }).click();
  await eventually(async () => assert.deepEqual(query(), {}));
  await eventually(async () => assert.equal(await search.inputValue(), ''));
  await eventually(async () => assert.equal(await status.inputValue(), '', 'the status follows the address'));
  assert.ok((await cards(page)).length > 3, 'every proposal again');
  // Back: the filtered address again, and the controls with it.
  await page.goBack();
  await eventually(async () => assert.equal(query().status, 'open'));
  await eventually(async () => assert.equal(await status.inputValue(), 'open', 'the status follows back'));
  assert.equal(await search.inputValue(), '주차');
});
