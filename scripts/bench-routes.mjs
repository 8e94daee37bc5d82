#!/usr/bin/env node
// What a browser really downloads, measured by a browser: the district page's first load
// (the HTML and every file it fetched before its proposals showed, chunks included), then
// what every other page adds when it is first visited, and everything a visitor of every
// page downloads. Sizes are the built files' own (raw, gzip -9, brotli -q 11), so the
// figures do not depend on the server's compression; API answers are listed apart.
//
//   GOLMOK_BASE_URL=http://127.0.0.1:PORT node scripts/bench-routes.mjs [DIST]
// (scripts/bench.sh runs it against a fresh server)
import { existsSync } from 'node:fs';
import path from 'node:path';

import { DEMO_PASSWORD, DISTRICT, RESIDENT, api, contextOptions, launchChromium, ready } from '../tests/e2e/support.mjs';
import { fileSizes, kb, printTable, sum } from './sizes.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const base = new URL(process.env.GOLMOK_BASE_URL);

// Every page of the app: [route, path, who is signed in]. The district page is the first
// load. Pages for members are measured as the member sees them.
const MERCHANT = { email: 'merchant@example.com', password: DEMO_PASSWORD };
const MODERATOR = { email: 'moderator@example.com', password: DEMO_PASSWORD };
const ROUTES = [
  ['district', `/d/${DISTRICT}`],
  ['home', '/'],
  ['proposal', `/d/${DISTRICT}/proposals/3`],
  ['+ its talk', `/d/${DISTRICT}/proposals/3`, RESIDENT],
  ['new proposal', `/d/${DISTRICT}/proposals/new`],
  ['news', `/d/${DISTRICT}/announcements`],
  ['shops', `/d/${DISTRICT}/shops`],
  ['shop', `/d/${DISTRICT}/shops/1`],
  ['login', '/login'],
  ['register', '/register'],
  ['claim a shop', `/d/${DISTRICT}/claim`, RESIDENT],
  ['My alley', '/alley', RESIDENT],
  ['manage: shop', '/manage', MERCHANT],
  ['manage: console', '/manage', MODERATOR],
  ['put on a website', `/d/${DISTRICT}/embed`],
  ['poster', `/d/${DISTRICT}/proposals/3/poster`],
  ['not found', '/nope'],
];

/** The session the app keeps in localStorage, for `user`. */
async function sessionOf(user) {
  if (!user) return null;
  return api('/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
}

/**
 * Opens `route` in a fresh browser (cold cache) and answers the app's files it fetched
 * before the page was ready, with when each request started, and the API calls.
 */
async function visit(browser, route, untilSelector, session) {
  const context = await browser.newContext(contextOptions('ko'));
  const page = await context.newPage();
  if (session) await page.addInitScript((stored) => localStorage.setItem('golmok.session', stored), JSON.stringify(session));
  await page.addInitScript((selector) => {
    const seen = () => {
      if (window.__readyAt === undefined && document.querySelector(selector)) window.__readyAt = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  }, untilSelector);
  await page.goto(new URL(route.replace(/^\//, ''), base).href);
  await ready(page);
  await page.locator(untilSelector).first().waitFor();
  const { readyAt, entries } = await page.evaluate(() => ({
    readyAt: window.__readyAt,
    entries: performance.getEntriesByType('resource').map((r) => ({ url: r.name, start: r.startTime })),
  }));
  const navigation = new URL(page.url());
  await context.close();
  const files = new Set(['index.html']);
  const api = [];
  for (const { url, start } of entries) {
    if (start > readyAt) continue; // fetched afterwards (an idle prefetch): not this page's cost
    const u = new URL(url);
    if (u.origin !== base.origin) continue;
    if (u.pathname.startsWith('/api/')) api.push(`${u.pathname}${u.search}`);
    // The widget in a page's preview frame: its own files, measured by bench-embed.mjs.
    else if (u.pathname.startsWith('/embed/')) continue;
    else files.add(u.pathname.replace(/^\//, ''));
  }
  return { files, api, navigation };
}

const sizeCache = new Map();
function rowsOf(files) {
  const rows = [];
  for (const name of [...files].sort()) {
    const file = path.join(dist, name);
    if (!existsSync(file)) throw new Error(`bench-routes: the page fetched ${name}, which dist/ does not have`);
    if (!sizeCache.has(name)) sizeCache.set(name, fileSizes(file));
    rows.push({ name, ...sizeCache.get(name) });
  }
  return rows;
}

const browser = await launchChromium();
try {
  // What each page shows once it is there: the district's and the home page's lists, or
  // the page's heading.
  const readySelector = {
    district: '.proposal-card',
    home: 'main li, main .card',
    // The rest of a proposal, which comes once it shows: the conversation with its form
    // and the support button of a member.
    '+ its talk': 'main:has(.comment-form):has(button.vote-toggle)',
    'manage: shop': '.merchant-home',
    'manage: console': '.console [role=tablist]',
  };
  const visits = new Map();
  for (const [name, route, user] of ROUTES) {
    visits.set(name, await visit(browser, route, readySelector[name] ?? 'main h1', await sessionOf(user)));
  }

  const first = visits.get('district');
  const firstRows = rowsOf(first.files);
  const firstTotal = printTable(`District page, first load (${ROUTES[0][1]}, until its proposals show; bytes)`, firstRows);
  console.log(`  API answers it waited for (not counted): ${first.api.join(', ')}`);
  const goal = 160 * 1024;
  console.log(`  gzip -9 total ${kb(firstTotal.gzip)}: ${firstTotal.gzip <= goal ? 'within' : 'OVER'} the 160 KB goal`);

  console.log('\nEvery other page, opened directly: what it adds to the first load (bytes), and the whole');
  console.log('first load of a visit that starts there (gzip -9)');
  console.log(
    `  ${'page'.padEnd(16)} ${'files'.padStart(5)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)} ${'brotli'.padStart(11)} ${'whole'.padStart(11)}  chunks`,
  );
  const everything = new Set(first.files);
  const whole = new Map();
  for (const [name] of ROUTES.slice(1)) {
    const added = [...visits.get(name).files].filter((f) => !first.files.has(f));
    for (const f of added) everything.add(f);
    const total = sum(rowsOf(added));
    const chunks = added.map((f) => f.replace(/-[0-9a-f]{10}\.wasm$/, '')).join(' ');
    console.log(
      `  ${name.padEnd(16)} ${String(added.length).padStart(5)} ${kb(total.raw).padStart(11)} ${kb(total.gzip).padStart(11)} ${kb(total.brotli).padStart(11)} ${kb(firstTotal.gzip + total.gzip).padStart(11)}  ${chunks || '-'}`,
    );
    whole.set(name, firstTotal.gzip + total.gzip);
  }
  // Residents share proposals as links: a visit often starts on one.
  const proposal = whole.get('proposal');
  console.log(`  a visit starting on a proposal: ${kb(proposal)}: ${proposal <= goal ? 'within' : 'OVER'} the 160 KB goal`);
  const all = sum(rowsOf(everything));
  console.log(
    `\nEvery page visited once: ${everything.size} files, ${kb(all.raw)} raw, ${kb(all.gzip)} gzip -9, ${kb(all.brotli)} brotli -q 11`,
  );
} finally {
  await browser.close();
}
