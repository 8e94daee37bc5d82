// The first seconds of a visit: before the wasm has arrived the boot screen already shows
// the district (drawn into the HTML by the server, or by public/boot.js), the app then
// takes over the same page without anything moving, and it reuses the requests the boot
// screen made instead of asking twice.
import assert from 'node:assert/strict';
import { DISTRICT, DISTRICT_NAME, RESIDENT, logIn, open, ready, scenario, t } from './support.mjs';

const PARTS = {
  hero: 'main section.hero',
  heading: 'main h1',
  description: 'main section.hero p.lede',
  more: 'main .more-toggle',
  links: 'main .district-links',
  news: 'main .district-news',
  feedHeading: 'main .feed h2.section-title',
  controls: 'main .feed-controls',
  firstCard: 'main .skeleton-card, main .proposal-card',
  action: '.sticky-action',
};

/** Where each part of the district page is, rounded to half pixels. */
function layout(page) {
  return page.evaluate((parts) => {
    const boxes = {};
    for (const [name, selector] of Object.entries(parts)) {
      const el = document.querySelector(selector);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      boxes[name] = { x: Math.round(r.x * 2) / 2, y: Math.round(r.y * 2) / 2, width: Math.round(r.width * 2) / 2 };
      // The first card's height is the card's (a skeleton stands in for it).
      if (name !== 'firstCard') boxes[name].height = Math.round(r.height * 2) / 2;
    }
    return boxes;
  }, PARTS);
}

/** Holds every request for the app's wasm until `release()`. */
async function holdTheApp(page) {
  const held = [];
  let released = false;
  await page.route('**/*_bg.wasm', (route) => (released ? route.continue() : held.push(route)));
  return async () => {
    released = true;
    await Promise.all(held.map((route) => route.continue()));
  };
}

/**
 * Serves the district's page as a CDN would: index.html as built, without the district
 * the reference server draws into it (crates/golmok-server/src/first_paint.rs), so
 * public/boot.js draws it.
 */
async function asFromACdn(page) {
  await page.route(`**/d/${DISTRICT}*`, async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    route.fulfill({ response: await page.request.get('/index.html') });
  });
}

// Who draws the district before the app: the server, in the language it can tell (the
// address here); boot.js when the files come from elsewhere; boot.js again when the
// reader's remembered language is not the one the server guessed.
for (const [lang, drawnBy] of [
  ['ko', 'the server'],
  ['en', 'the server'],
  ['ko', 'boot.js'],
  ['en', 'boot.js, over the server'],
]) {
  scenario(`the boot screen draws the district as the app does, so nothing moves (${lang}, ${drawnBy})`, async (page) => {
    if (drawnBy === 'boot.js') await asFromACdn(page);
    const remembered = drawnBy.endsWith('over the server');
    if (remembered) await page.addInitScript(() => localStorage.setItem('golmok.lang', '"en"'));
    const release = await holdTheApp(page);
    await page.goto(`/d/${DISTRICT}${lang === 'en' && !remembered ? '?lang=en' : ''}`);
    const boot = page.locator('.boot-screen');
    await boot.locator('h1').waitFor();
    const server = await page.evaluate(() => document.documentElement.dataset.drawn ?? null);
    assert.equal(server, drawnBy === 'boot.js' ? null : DISTRICT, 'drawn into the HTML by the server');
    if (remembered) await boot.locator('h1', { hasText: DISTRICT_NAME.en }).waitFor();
    assert.equal((await boot.locator('h1').innerText()).trim(), DISTRICT_NAME[lang]);
    if (!remembered) assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    const before = await layout(page);
    for (const part of ['hero', 'heading', 'description', 'more', 'links', 'news', 'feedHeading', 'controls', 'firstCard', 'action']) {
      assert.ok(before[part], `the boot screen has no ${part}`);
    }

    await release();
    await boot.waitFor({ state: 'detached', timeout: 60_000 });
    const after = await layout(page);
    assert.deepEqual(after, before, 'the app laid the page out exactly where the boot screen had');
    await ready(page);
    assert.equal(await page.locator('main .feed h2.section-title').innerText(), t(lang, 'proposals_heading'));
  });
}

scenario('a short introduction is drawn whole, by the boot screen and by the app alike', async (page) => {
  // The same district with an introduction under 90 characters (no "read more") that
  // still takes more than three lines on a phone.
  await page.route(`**/api/v1/districts/${DISTRICT}`, async (route) => {
    const district = await (await route.fetch()).json();
    district.description = '맹꽁이가 사는 골목이에요. 빵집과 카페, 꽃집과 식당이 모여 있어요. 주민과 상인이 함께 가꾸는 골목에 놀러 오세요. 토요일에는 작은 장터가 열려요!';
    await route.fulfill({ json: district });
  });
  await asFromACdn(page);
  const release = await holdTheApp(page);
  await page.goto(`/d/${DISTRICT}`);
  await page.locator('.boot-screen h1').waitFor();
  const before = await layout(page);
  assert.equal(before.more, undefined, 'no "read more" for a short introduction');
  assert.equal(await page.locator('.boot-screen p.lede.clamped').count(), 0, 'drawn whole, not clamped');
  await release();
  await page.locator('.boot-screen').waitFor({ state: 'detached', timeout: 60_000 });
  assert.deepEqual(await layout(page), before);
});

scenario('nothing shifts while the district page loads', async (page) => {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) window.__shifts.push({ value: e.value, nodes: e.sources.map((s) => s.node?.className ?? '') });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await open(page, `/d/${DISTRICT}`);
  await page.getByRole('region', { name: t('ko', 'proposals_heading') }).getByRole('listitem').first().waitFor();
  await page.waitForTimeout(1000);
  assert.deepEqual(await page.evaluate(() => window.__shifts), []);
});

for (const who of ['a visitor', 'a logged-in resident']) {
  scenario(`the app takes over the boot screen's requests: one each for the district and its list (${who})`, async (page) => {
    if (who !== 'a visitor') await logIn(page, RESIDENT);
    const asked = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith(`/api/v1/districts/${DISTRICT}`)) asked.push(`${path}${new URL(r.url()).search}`);
    });
    await open(page, `/d/${DISTRICT}?kind=event`);
    const feed = page.getByRole('region', { name: t('ko', 'proposals_heading') });
    await feed.getByRole('listitem').first().waitFor();
    assert.deepEqual(asked.sort(), [
      `/api/v1/districts/${DISTRICT}`,
      `/api/v1/districts/${DISTRICT}/proposals?sort=top&kind=event`,
    ]);
    // What the app shows came with the viewer's token: the filter is the address's.
    assert.equal(await feed.getByRole('button', { name: t('ko', 'filter_event') }).getAttribute('aria-pressed'), 'true');
  });
}
