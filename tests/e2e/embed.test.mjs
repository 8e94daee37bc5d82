// A district's website embeds the widget with one line (PRODUCT.md "Embedding"). The
// host site is a page served from another origin (its own port): two widgets, one of
// each kind, from two copies of the same script tag.
import assert from 'node:assert/strict';
import http from 'node:http';

import {
  BASE_URL,
  DEMO_PASSWORD,
  DISTRICT,
  DISTRICT_NAME,
  FAILED_REQUEST,
  api,
  eventually,
  logIn,
  open,
  scenario,
  sleep,
  t,
} from './support.mjs';

/** A website on its own origin, answering `pages[path]` as HTML; `close()` stops it. */
async function hostSite(pages) {
  const server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://host').pathname;
    if (path === '/favicon.ico') return res.writeHead(204).end();
    const body = pages[path];
    res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // `localhost`, not the portal's 127.0.0.1: another origin on the same machine.
  const origin = `http://localhost:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

const tag = (district, attributes = '') =>
  `<script src="${BASE_URL}/embed.js" data-district="${district}" ${attributes} async></script>`;

const hostPage = (title, ...body) =>
  `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><h1>${title}</h1>${body.join('\n')}</body></html>`;

/** The iframe the script put in the host page, `n`th, and its frame. */
async function widget(host, n) {
  const element = host.locator('iframe[data-golmok-instance]').nth(n);
  await element.waitFor();
  const frame = await (await element.elementHandle()).contentFrame();
  return { element, frame };
}

const heightOf = async (element) => (await element.boundingBox()).height;

scenario('a district site embeds its proposals and its news, each sized to its content', async (host, session) => {
  const site = await hostSite({
    '/': hostPage(
      '은구비서로 상인회',
      '<p id="before-proposals">주민 제안</p>',
      tag(DISTRICT, 'data-show="proposals" data-limit="3" data-title="은구비서로 주민 제안"'),
      '<p id="before-news">소식</p>',
      // The same script again, as a site editor pasting the snippet twice would.
      tag(DISTRICT, 'data-show="announcements" data-lang="en" data-accent="#b04a1a" data-title="Eungubi-seo news"'),
    ),
  });
  try {
    await host.goto(`${site.origin}/`);
    const proposals = await widget(host, 0);
    const news = await widget(host, 1);
    assert.equal(await host.locator('iframe[data-golmok-instance]').count(), 2, 'one frame a tag, though the script ran twice');
    // Each frame stands where its tag does.
    const order = await host.evaluate(() =>
      [...document.body.children].map((e) => e.id || e.getAttribute('data-district') || e.tagName.toLowerCase()),
    );
    assert.deepEqual(order, ['h1', 'before-proposals', 'iframe', DISTRICT, 'before-news', 'iframe', DISTRICT]);
    assert.equal(await proposals.element.getAttribute('title'), '은구비서로 주민 제안');

    // The proposals: three, with their counts, in Korean; no news.
    const list = proposals.frame.getByRole('region', { name: t('ko', 'proposals_heading') });
    await list.getByRole('listitem').first().waitFor();
    assert.equal(await list.getByRole('listitem').count(), 3);
    assert.match(await list.getByRole('listitem').first().innerText(), /공감 \d+ · 댓글 \d+/);
    assert.equal(await proposals.frame.getByRole('region', { name: t('ko', 'news_heading') }).count(), 0);
    await proposals.frame.getByRole('link', { name: new RegExp(DISTRICT_NAME.ko) }).waitFor();

    // The news, in English, in the host's colour; no proposals.
    const feed = news.frame.getByRole('region', { name: t('en', 'news_heading') });
    await feed.getByRole('listitem').first().waitFor();
    assert.equal(await news.frame.getByRole('region', { name: t('en', 'proposals_heading') }).count(), 0);
    await news.frame.getByRole('link', { name: new RegExp(DISTRICT_NAME.en) }).waitFor();
    assert.equal(await news.frame.locator('.widget').evaluate((w) => getComputedStyle(w).borderTopColor), 'rgb(176, 74, 26)');

    // Each frame takes its content's height, and follows it when it grows.
    for (const { element, frame } of [proposals, news]) {
      await eventually(async () => {
        const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
        assert.equal(Math.round(await heightOf(element)), content);
      });
    }
    const before = { proposals: await heightOf(proposals.element), news: await heightOf(news.element) };
    await proposals.frame.evaluate(() => {
      const more = document.createElement('p');
      more.style.height = '300px';
      document.querySelector('.widget').append(more);
    });
    await eventually(async () => assert.ok((await heightOf(proposals.element)) >= before.proposals + 300));
    assert.equal(await heightOf(news.element), before.news, 'the other widget stays as it was');

    // A resize message forged by the host page, naming a real instance, changes nothing.
    const grown = await heightOf(proposals.element);
    await host.evaluate(() => {
      const instance = document.querySelector('iframe[data-golmok-instance]').getAttribute('data-golmok-instance');
      window.postMessage({ golmok: 'height', instance, height: 40 }, '*');
      // Even sent through the frame's own window, it comes from the host's origin.
      document.querySelector('iframe').contentWindow.parent.postMessage({ golmok: 'height', instance, height: 41 }, '*');
    });
    await sleep(500);
    assert.equal(await heightOf(proposals.element), grown);

    // Links open the portal in a new tab.
    const first = list.getByRole('link').first();
    assert.equal(await first.getAttribute('target'), '_blank');
    const [tab] = await Promise.all([host.context().waitForEvent('page'), first.click()]);
    await tab.waitForLoadState();
    assert.match(tab.url(), new RegExp(`^${BASE_URL}/d/${DISTRICT}/proposals/\\d+$`));
    assert.equal(host.url(), `${site.origin}/`, 'the host page stays');
    await tab.close();
  } finally {
    await site.close();
  }
  assert.deepEqual(session.unexpectedErrors(), []);
});

scenario("a site not on a district's list cannot frame its widget", async (host, session) => {
  // dongmyeong lets only https://district.example show it (the demo data).
  session.allowConsoleError(/frame-ancestors/);
  session.allowConsoleError(/Refused to frame/);
  const site = await hostSite({ '/': hostPage('다른 사이트', tag('dongmyeong'), tag(DISTRICT, 'data-show="proposals"')) });
  try {
    const refused = host.waitForEvent('console', (m) => /frame-ancestors 'self' https:\/\/district\.example/.test(m.text()));
    await host.goto(`${site.origin}/`);
    await refused;
    // The other district allows any site: its widget shows on the same page.
    const allowed = await widget(host, 1);
    await allowed.frame.getByRole('region', { name: t('ko', 'proposals_heading') }).getByRole('listitem').first().waitFor();
    const blocked = await widget(host, 0);
    assert.ok(!blocked.frame || (await blocked.frame.locator('.widget').count()) === 0, 'nothing of the widget shows');
  } finally {
    await site.close();
  }
});

scenario('the widget on the portal itself: any district, even one that keeps others out', async (page, session) => {
  // What the district page's preview shows: the portal may always frame its own widget.
  await page.goto(`${BASE_URL}/embed/d/dongmyeong?lang=en&limit=2`);
  await page.getByRole('region', { name: t('en', 'proposals_heading') }).waitFor();
  await page.getByRole('region', { name: t('en', 'news_heading') }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.ok((await page.getByRole('region', { name: t('en', 'proposals_heading') }).getByRole('listitem').count()) <= 2);
  // Not a district: said so, with a way to the portal.
  session.allowConsoleError(FAILED_REQUEST);
  await page.goto(`${BASE_URL}/embed/d/nowhere`);
  await page.getByText(t('en', 'widget_not_found')).waitFor();
  await page.getByRole('link', { name: new RegExp(t('en', 'widget_open_portal')) }).waitFor();
}, { lang: 'en' });

scenario("'Put this on your website': the options, a live preview, and a line that works as copied", async (page) => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: BASE_URL });
  await page.goto(`/d/${DISTRICT}`);
  await page.getByRole('link', { name: t('ko', 'district_embed_link') }).click();
  await page.getByRole('heading', { level: 1, name: t('ko', 'embed_title') }).waitFor();
  assert.equal(page.url(), `${BASE_URL}/d/${DISTRICT}/embed`);

  await page.getByLabel(t('ko', 'embed_show')).selectOption('announcements');
  await page.getByLabel(t('ko', 'embed_limit')).selectOption('3');
  const line = page.getByLabel(t('ko', 'embed_script_label'));
  await eventually(async () => {
    const code = await line.inputValue();
    assert.ok(code.startsWith(`<script src="${BASE_URL}/embed.js" data-district="${DISTRICT}" data-show="announcements" data-limit="3"`), code);
  });

  // The preview follows the choices, and takes its content's height.
  const preview = page.locator('iframe.embed-frame');
  const frame = page.frameLocator('iframe.embed-frame');
  await frame.getByRole('region', { name: t('ko', 'news_heading') }).getByRole('listitem').first().waitFor();
  assert.equal(await frame.getByRole('region', { name: t('ko', 'proposals_heading') }).count(), 0);
  await eventually(async () => {
    const content = await (await preview.elementHandle()).contentFrame().then((f) => f.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)));
    assert.equal(Math.round((await preview.boundingBox()).height), content);
  });

  // Copied, then pasted into another site as is: the widget shows there.
  await page.getByRole('button', { name: t('ko', 'embed_copy_script') }).click();
  await page.getByText(t('ko', 'embed_copied')).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await line.inputValue());
  const site = await hostSite({ '/': hostPage('붙여 넣은 누리집', copied) });
  try {
    const host = await page.context().newPage();
    await host.goto(`${site.origin}/`);
    const pasted = await widget(host, 0);
    await pasted.frame.getByRole('region', { name: t('ko', 'news_heading') }).getByRole('listitem').first().waitFor();
    assert.equal(await pasted.frame.getByRole('region', { name: t('ko', 'news_heading') }).getByRole('listitem').count() <= 3, true);
    await host.close();
  } finally {
    await site.close();
  }
  // The plain frame, for editors that strip scripts, names the same widget.
  const iframe = await page.getByLabel(t('ko', 'embed_iframe_label')).inputValue();
  assert.match(iframe, new RegExp(`^<iframe src="${BASE_URL}/embed/d/${DISTRICT}\\?show=announcements&amp;limit=3" title="`));
});

scenario("a moderator lets a site show the district's widget, and it shows there", async (page) => {
  const moderator2 = { email: 'moderator2@example.com', password: DEMO_PASSWORD };
  const token = (await api('/auth/login', { method: 'POST', body: moderator2 })).token;
  const settings = '/districts/dongmyeong/settings';
  const site = await hostSite({ '/': hostPage('동명동 새 누리집', tag('dongmyeong', 'data-show="proposals"')) });
  try {
    await logIn(page, moderator2, 'en');
    await open(page, '/manage');
    await page.getByRole('tab', { name: t('en', 'tab_settings') }).click();
    const panel = page.getByRole('tabpanel', { name: t('en', 'tab_settings') });
    const sites = panel.getByLabel(t('en', 'settings_embed_origins'));
    assert.equal(await sites.inputValue(), 'https://district.example');

    // Not an origin: said at the field, nothing saved.
    await sites.fill(`https://district.example\n${site.origin}/news`);
    await panel.getByRole('button', { name: t('en', 'settings_save'), exact: true }).click();
    await panel.getByText(t('en', 'err_invalid')).waitFor();
    assert.deepEqual((await api(settings, { token })).embed_origins, ['https://district.example']);

    await sites.fill(`https://district.example\n\n${site.origin.toUpperCase().replace('HTTP://', 'http://')}/`);
    await panel.getByRole('button', { name: t('en', 'settings_save'), exact: true }).click();
    await page.getByRole('status').filter({ hasText: t('en', 'settings_saved') }).waitFor({ state: 'attached' });
    assert.deepEqual((await api(settings, { token })).embed_origins, ['https://district.example', site.origin]);
    await eventually(async () => assert.equal(await sites.inputValue(), `https://district.example\n${site.origin}`));

    // The new site now frames the widget.
    const host = await page.context().newPage();
    await host.goto(`${site.origin}/`);
    const shown = await widget(host, 0);
    await shown.frame.getByRole('region', { name: t('en', 'proposals_heading') }).waitFor();
    await host.close();
  } finally {
    await api(settings, { method: 'PATCH', token, body: { embed_origins: ['https://district.example'] } });
    await site.close();
  }
}, { lang: 'en' });
