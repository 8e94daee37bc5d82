// Code splitting: the district page and a proposal need nothing but the first load to
// show, every other page fetches its own code on its first visit, and a page or a part
// whose code cannot be fetched says so with a retry (or, after a deploy, reloads into the
// new build).
import assert from 'node:assert/strict';
import { DISTRICT, DISTRICT_NAME, FAILED_REQUEST, eventually, heading, open, ready, scenario, t } from './support.mjs';

const CHUNK = /\/(split|chunk)_[\w]+-[0-9a-f]{10}\.wasm$/;
// The rules only code in chunks draws (scripts/split-css.mjs).
const LATER_STYLES = /\/pages-[0-9a-f]{16}\.css$/;
const SHOPS_CHUNK = '**/split_page_shops-*.wasm';
const TALK_CHUNK = '**/split_proposal_talk-*.wasm';

/** Records when the app first drew `selector`, in the page's own clock. */
async function timeFirst(page, selector) {
  await page.addInitScript((selector) => {
    const seen = () => {
      if (window.__firstAt === undefined && document.querySelector(selector)) {
        window.__firstAt = performance.now();
      }
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  }, selector);
}

/** The comments of the proposal on screen, once their code and data are in. */
const comments = (page) => page.getByRole('region', { name: new RegExp(`^${t('ko', 'comments_heading')}`) });

/** The page's resource requests: name and when each started. */
const resources = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((r) => ({ url: r.name, start: r.startTime })));

scenario('the district page shows its proposals before any other page code is fetched', async (page) => {
  await timeFirst(page, '.proposal-card');
  await open(page, `/d/${DISTRICT}`);
  const feed = page.getByRole('region', { name: t('ko', 'proposals_heading') });
  await feed.getByRole('listitem').first().waitFor();
  const cardsAt = await page.evaluate(() => window.__firstAt);
  assert.ok(cardsAt > 0, 'the cards were seen appearing');
  const loaded = await resources(page);
  assert.ok(loaded.some((r) => /_bg\.wasm$/.test(r.url)), 'the main wasm was loaded');
  const later = (r) => CHUNK.test(new URL(r.url).pathname) || LATER_STYLES.test(new URL(r.url).pathname);
  const early = loaded.filter((r) => later(r) && r.start < cardsAt);
  assert.deepEqual(early, [], 'no chunk and no later stylesheet was fetched before the proposals showed');
});

scenario('a proposal shared as a link shows with no chunk at all, then its conversation comes', async (page) => {
  // Every chunk is held back until the proposal has shown: the first load alone must
  // draw it (timing the requests instead would race the chunks' fetch by microseconds).
  const held = [];
  let holding = true;
  await page.route(CHUNK, (route) => (holding ? held.push(route) : route.continue()));
  await page.goto('/d/eungubi-seo/proposals/3');
  const title = page.locator('main h1.proposal-title');
  await title.waitFor();
  assert.equal(await title.innerText(), '온누리상품권 사용 안내 스티커를 붙여 주세요');
  await page.locator('.proposal-body p').first().waitFor();
  await eventually(async () => assert.ok(held.length > 0, 'the conversation was asked for once the proposal showed'));
  holding = false;
  for (const route of held) await route.continue();
  await ready(page);
  await comments(page).getByRole('list').waitFor();
  const urls = (await resources(page)).map((r) => r.url);
  assert.ok(urls.some((u) => /split_proposal_talk-[0-9a-f]{10}\.wasm$/.test(u)), urls.join(', '));
});

scenario('the proposal form opens from a cold cache, fetching its own code', async (page) => {
  await open(page, `/d/${DISTRICT}`);
  const before = (await resources(page)).map((r) => r.url);
  await page.getByRole('link', { name: t('ko', 'propose_cta') }).click();
  await ready(page);
  assert.equal(await heading(page), t('ko', 'new_title'));
  const after = (await resources(page)).map((r) => r.url).filter((u) => !before.includes(u));
  assert.ok(
    after.some((u) => /split_page_new_proposal-[0-9a-f]{10}\.wasm$/.test(u)),
    `the form's chunk was fetched on its first visit: ${after.join(', ')}`,
  );
  // Its styles came with the chunks (here already with those fetched ahead, while the
  // district page sat idle), once: the kind choice is laid out as a grid, not stacked
  // as a browser's default fieldset.
  const styles = (await resources(page)).filter((r) => LATER_STYLES.test(new URL(r.url).pathname));
  assert.equal(styles.length, 1, 'the later stylesheet, once');
  assert.equal(await page.locator('fieldset.kind-choice').evaluate((e) => getComputedStyle(e).display), 'grid');
});

scenario('a page whose later stylesheet cannot be fetched still opens, and the next page asks again', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  let asked = 0;
  let failing = true;
  await page.route(LATER_STYLES, (route) => {
    asked += 1;
    return failing ? route.abort('internetdisconnected') : route.continue();
  });
  await open(page, `/d/${DISTRICT}`);
  await page.getByRole('link', { name: t('ko', 'nav_shops') }).first().click();
  await ready(page);
  assert.equal(await heading(page), t('ko', 'shops_title'));
  assert.ok(asked > 0, 'the stylesheet was asked for with the page');

  failing = false;
  const before = asked;
  await page.goBack();
  await ready(page);
  await page.getByRole('link', { name: t('ko', 'nav_news') }).first().click();
  await ready(page);
  assert.equal(await heading(page), t('ko', 'news_title'));
  assert.ok(asked > before, 'asked again with the next page');
  assert.equal(await page.locator('link[rel=stylesheet][href*="pages-"]').count(), 1, 'one link, the one that loaded');
});

scenario('a later stylesheet that never answers holds a page a few seconds at most', async (page) => {
  const held = [];
  await page.route(LATER_STYLES, (route) => {
    held.push(route);
  });
  await open(page, `/d/${DISTRICT}`);
  const tapped = Date.now();
  await page.getByRole('link', { name: t('ko', 'nav_shops') }).first().click();
  await ready(page);
  assert.equal(await heading(page), t('ko', 'shops_title'));
  const waited = Date.now() - tapped;
  assert.ok(held.length > 0, 'the stylesheet was asked for');
  assert.ok(waited < 10_000, `the page came after ${waited} ms (the wait is 5 s at most)`);
  // When it comes after all, its rules apply to the page already there.
  for (const route of held) await route.continue();
  await eventually(async () =>
    assert.ok(
      await page.evaluate(() => [...document.styleSheets].some((s) => /\/pages-/.test(s.href ?? '') && s.cssRules.length > 0)),
      'the later rules are in the page',
    ),
  );
});

scenario('a page whose chunk fails to load shows the error with a retry, and the retry works', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  session.allowConsoleError(/Failed to fetch|NetworkError|net::ERR/i); // the chunk loader says why
  let failures = 0;
  await page.route(SHOPS_CHUNK, (route) => {
    failures += 1;
    return route.abort('internetdisconnected');
  });
  await open(page, `/d/${DISTRICT}`);
  await page.getByRole('link', { name: t('ko', 'nav_shops') }).first().click();

  const alert = page.getByRole('main').getByRole('alert');
  await alert.waitFor();
  await alert.getByRole('heading', { name: t('ko', 'error_title') }).waitFor();
  assert.ok((await alert.innerText()).includes(t('ko', 'error_network')), await alert.innerText());
  assert.ok(failures > 0, 'the visit asked for the chunk');
  assert.equal(await page.locator('main [aria-busy="true"]').count(), 0, 'no endless spinner');

  await page.unroute(SHOPS_CHUNK);
  await alert.getByRole('button', { name: t('ko', 'retry'), exact: true }).click();
  await ready(page);
  assert.match(page.url(), /\/d\/eungubi-seo\/shops$/);
  assert.notEqual(await heading(page), t('ko', 'error_title'));
  assert.equal(await page.getByRole('main').getByRole('alert').count(), 0, 'the error is gone');
});

scenario('a part whose chunk fails to load leaves the page readable, with a retry in its place', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  session.allowConsoleError(/Failed to fetch|NetworkError|net::ERR/i);
  await page.route(TALK_CHUNK, (route) => route.abort('internetdisconnected'));
  await open(page, '/d/eungubi-seo/proposals/3');
  assert.equal(await heading(page), '온누리상품권 사용 안내 스티커를 붙여 주세요');
  const alert = page.getByRole('main').getByRole('alert');
  await alert.waitFor();
  assert.ok((await alert.innerText()).includes(t('ko', 'error_network')), await alert.innerText());
  await alert.getByRole('heading', { level: 2, name: t('ko', 'error_title') }).waitFor(); // a section's, not the page's
  assert.equal(await heading(page), '온누리상품권 사용 안내 스티커를 붙여 주세요', 'the proposal stays');

  await page.unroute(TALK_CHUNK);
  await alert.getByRole('button', { name: t('ko', 'retry'), exact: true }).click();
  await comments(page).getByRole('list').waitFor();
  assert.equal(await page.getByRole('main').getByRole('alert').count(), 0, 'the error is gone');
});

scenario('a tab left open across a deploy reloads into the new build', async (page, session) => {
  session.allowConsoleError(FAILED_REQUEST);
  session.allowConsoleError(/WebAssembly|Failed to fetch|404/i);
  // The deploy: this build's chunks are gone (from the start, so the idle prefetch of a
  // proposal's conversation fails too), and index.html now starts another build.
  await page.route(TALK_CHUNK, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await open(page, `/d/${DISTRICT}`);
  const index = await (await page.request.get('/index.html')).text();
  const running = index.match(/golmok-web-[0-9a-f]{16}\.js/)[0];
  await page.route('**/index.html', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: index.replaceAll(running, 'golmok-web-0123456789abcdef.js') }),
  );
  const reloading = page.waitForRequest((r) => r.isNavigationRequest() && r.frame() === page.mainFrame());
  await page.getByRole('region', { name: t('ko', 'proposals_heading') }).getByRole('link').first().click();
  await reloading;
  // The reload lands on the new build (here: the same one, its chunks back).
  await page.unroute('**/index.html');
  await page.unroute(TALK_CHUNK);
  await page.waitForLoadState('load');
  await ready(page);
  assert.match(page.url(), /\/d\/eungubi-seo\/proposals\/\d+$/, 'the address is kept');
  const navigation = await page.evaluate(() => performance.getEntriesByType('navigation')[0].type);
  assert.equal(navigation, 'reload');
  assert.notEqual(await heading(page), DISTRICT_NAME.ko);
  assert.equal(await page.getByRole('main').getByRole('alert').count(), 0);
});
