#!/usr/bin/env node
// Screenshots of every page at phone size (390x844), in Korean and English, for review:
// tests/e2e/screenshots/{ko,en}-NAME.png is what the phone shows first, -full.png the
// whole page. Needs a running server: `make screenshots` starts one (scripts/with-server.sh).
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  DISTRICT,
  PHONE,
  RESIDENT,
  ROOT,
  contextOptions,
  launchChromium,
  logIn,
  open,
  t,
} from '../tests/e2e/support.mjs';

const OUT = path.join(ROOT, 'tests/e2e/screenshots');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

const MODERATOR = { email: 'moderator@example.com', password: 'golmok-demo-2026' };
const MERCHANT = { email: 'merchant@example.com', password: 'golmok-demo-2026' };

// [name, path, logged in? (or 'moderator'), what to do before the shot]
const PAGES = [
  ['home', '/', false],
  ['district', `/d/${DISTRICT}`, true],
  ['proposal-3', `/d/${DISTRICT}/proposals/3`, true],
  ['proposal-2-answers', `/d/${DISTRICT}/proposals/2`, false, async (page) => {
    await page.locator('.answer').first().scrollIntoViewIfNeeded();
  }],
  ['proposal-2-progress', `/d/${DISTRICT}/proposals/2`, false, async (page) => {
    await page.locator('.life .timeline-entry').first().scrollIntoViewIfNeeded();
  }],
  ['proposal-1-moderator', `/d/${DISTRICT}/proposals/1`, 'moderator', async (page) => {
    await page.locator('.life-answer').scrollIntoViewIfNeeded();
  }],
  ['proposal-8-author', `/d/${DISTRICT}/proposals/8`, true, async (page) => {
    await page.locator('.life').scrollIntoViewIfNeeded();
  }],
  [
    'new-proposal-error',
    `/d/${DISTRICT}/proposals/new`,
    true,
    async (page, lang) => {
      const title = page.getByLabel(t(lang, 'field_title'), { exact: true });
      await title.fill('골');
      await page.getByLabel(t(lang, 'field_body'), { exact: true }).focus();
      await page.locator('[aria-invalid="true"]').first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  ],
  ['shops', `/d/${DISTRICT}/shops`, false],
  ['shops-onnuri', `/d/${DISTRICT}/shops?onnuri=1&open_now=1`, false],
  ['shop-bakery', `/d/${DISTRICT}/shops/1`, true],
  ['shop-cafe', `/d/${DISTRICT}/shops/3`, false, async (page) => {
    await page.locator('.hours').scrollIntoViewIfNeeded();
  }],
  ['news', `/d/${DISTRICT}/announcements`, false],
  ['alley', '/alley', true],
  ['alley-leave', '/alley', true, async (page, lang) => {
    await page.getByRole('button', { name: t(lang, 'leave_open'), exact: true }).click();
    await page.getByRole('region', { name: t(lang, 'leave_heading') }).scrollIntoViewIfNeeded();
  }],
  ['claim', `/d/${DISTRICT}/claim?shop=2`, true],
  ['manage-moderator', '/manage', 'moderator'],
  ['manage-moderator-reports', '/manage', 'moderator', async (page, lang) => {
    const resident = await fetch(`${process.env.GOLMOK_BASE_URL}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'resident@example.com', password: 'golmok-demo-2026' }),
    }).then((r) => r.json());
    await fetch(`${process.env.GOLMOK_BASE_URL}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${resident.token}` },
      body: JSON.stringify({ target: 'comment', target_id: 1, reason: '이웃을 놀리는 말 같아요.' }),
    });
    await page.reload();
    await page.getByRole('tab', { name: new RegExp(t(lang, 'tab_reports')) }).click();
    await page.locator('.reported-card').first().waitFor();
  }],
  ['manage-moderator-news', '/manage', 'moderator', async (page, lang) => {
    await page.getByRole('tab', { name: t(lang, 'tab_news') }).click();
    await page.getByRole('button', { name: t(lang, 'news_pin') }).first().waitFor();
    await page.getByRole('button', { name: t(lang, 'district_post_cta') }).click();
    await page.getByRole('tab', { name: t(lang, 'tab_news') }).scrollIntoViewIfNeeded();
  }],
  ['manage-moderator-settings', '/manage', 'moderator', async (page, lang) => {
    await page.getByRole('tab', { name: t(lang, 'tab_settings') }).click();
    await page.getByRole('region', { name: t(lang, 'moderators_heading') }).getByRole('listitem').first().waitFor();
    await page.getByRole('heading', { name: t(lang, 'settings_goals_heading') }).scrollIntoViewIfNeeded();
  }],
  ['manage-merchant', '/manage', 'merchant', async (page, lang) => {
    await page.getByRole('button', { name: t(lang, 'answer_cta') }).first().click();
    await page.evaluate(() => window.scrollTo(0, 0));
  }],
  ['manage-merchant-profile', '/manage', 'merchant', async (page, lang) => {
    await page.getByRole('button', { name: t(lang, 'profile_cta') }).click();
    await page.getByRole('group', { name: t(lang, 'shop_hours_heading') }).scrollIntoViewIfNeeded();
  }],
  ['manage-merchant-news', '/manage', 'merchant', async (page, lang) => {
    await page.getByRole('button', { name: t(lang, 'edit'), exact: true }).first().click();
    await page.getByRole('region', { name: t(lang, 'my_news_heading') }).scrollIntoViewIfNeeded();
  }],
  // "Put this on your website", its preview (the widget itself) scrolled into view.
  ['embed', `/d/${DISTRICT}/embed`, false, async (page) => {
    await page.frameLocator('iframe.embed-frame').locator('.widget-item').first().waitFor();
    await page.locator('iframe.embed-frame').scrollIntoViewIfNeeded();
  }],
  // The posters: the district's on A4, a proposal's, and a shop's as a counter card.
  ['poster-district', `/d/${DISTRICT}/poster`, false, async (page) => {
    await page.locator('.poster-code img').waitFor();
  }],
  ['poster-proposal', `/d/${DISTRICT}/proposals/3/poster`, false, async (page) => {
    await page.locator('.poster-sheet').scrollIntoViewIfNeeded();
  }],
  ['poster-shop-card', `/d/${DISTRICT}/shops/1/poster`, false, async (page) => {
    await page.locator('#poster-sheet').selectOption('card');
    await page.locator('.sheet-card').scrollIntoViewIfNeeded();
  }],
  ['login', '/login', false],
  ['register', '/register', false],
  ['not-found', '/nope', false],
];

const browser = await launchChromium();
const saved = [];
try {
  for (const lang of ['ko', 'en']) {
    for (const loggedIn of [false, true, 'moderator', 'merchant']) {
      const context = await browser.newContext(contextOptions(lang));
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      if (loggedIn === true) await logIn(page, RESIDENT, lang);
      if (loggedIn === 'moderator') await logIn(page, MODERATOR, lang);
      if (loggedIn === 'merchant') await logIn(page, MERCHANT, lang);
      for (const [name, url, needsLogin, prepare] of PAGES) {
        if (needsLogin !== loggedIn) continue;
        await open(page, `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        if (prepare) await prepare(page, lang);
        await page.waitForTimeout(300); // let focus rings and fonts settle
        const file = path.join(OUT, `${lang}-${name}.png`);
        await page.screenshot({ path: file });
        await page.screenshot({ path: file.replace(/\.png$/, '-full.png'), fullPage: true });
        saved.push(path.relative(ROOT, file));
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`screenshots (${PHONE.width}x${PHONE.height}, plus -full.png):\n  ${saved.join('\n  ')}`);
