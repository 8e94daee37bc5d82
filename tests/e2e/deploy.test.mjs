// Deploy-time settings (PRODUCT.md): the same dist/ works from a sub-path and against an
// API on another origin, configured in dist/index.html without rebuilding.
//
// The portal is played by the browser itself: requests to PORTAL are answered from
// dist/ (index.html for paths without an extension, with <base href="/portal/"> and
// <meta name="golmok-api"> pointing at the test server), under the same strict CSP the
// reference server sends, plus the API origin in connect-src. The test server allows
// PORTAL through CORS (scripts/with-server.sh). The pretend portal counts as a public
// site and the test API is on loopback, which Chromium's Local Network Access lets
// through only with the user's permission, granted here (real deployments are public).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BASE_URL,
  DISTRICT_NAME,
  ROOT,
  eventually,
  heading,
  loggedIn,
  numberIn,
  readQrCode,
  ready,
  scenario,
  t,
} from './support.mjs';

const PORTAL = process.env.GOLMOK_E2E_PORTAL_ORIGIN ?? 'http://portal.localhost:8123';
const DIST = path.join(ROOT, 'dist');
const TYPES = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
  `connect-src 'self' ${BASE_URL}; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'`;

function deployedIndex() {
  const html = readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const edited = html
    .replace(/<base href="[^"]*">/, '<base href="/portal/">')
    .replace(/<meta name="golmok-api" content="[^"]*">/, `<meta name="golmok-api" content="${BASE_URL}">`);
  assert.notEqual(edited, html, 'dist/index.html has the <base href> and <meta name="golmok-api"> to edit');
  assert.ok(edited.includes('<base href="/portal/">') && edited.includes(`content="${BASE_URL}"`));
  return edited;
}

async function servePortal(page) {
  const index = deployedIndex();
  await page.route(`${PORTAL}/**`, (route) => {
    const { pathname } = new URL(route.request().url());
    const headers = { 'content-security-policy': CSP, 'cache-control': 'no-cache' };
    if (!pathname.startsWith('/portal/')) return route.fulfill({ status: 404, headers, body: 'not the portal' });
    const name = pathname.slice('/portal/'.length);
    const ext = path.extname(name);
    if (!ext) return route.fulfill({ status: 200, headers, contentType: 'text/html', body: index });
    const file = path.join(DIST, name);
    if (!existsSync(file) || !file.startsWith(DIST)) return route.fulfill({ status: 404, headers, body: '' });
    return route.fulfill({ status: 200, headers, contentType: TYPES[ext] ?? 'application/octet-stream', body: readFileSync(file) });
  });
}

scenario('served from /portal/ with the API on another origin', async (page) => {
  await servePortal(page);
  const apiCalls = [];
  page.on('request', (r) => r.url().includes('/api/v1/') && apiCalls.push(r.url()));

  await page.goto(`${PORTAL}/portal/`);
  await ready(page);
  assert.equal(await heading(page), t('ko', 'home_title'));
  await page.getByRole('link', { name: DISTRICT_NAME.ko }).click();
  await page.getByRole('heading', { level: 1, name: DISTRICT_NAME.ko }).waitFor();
  assert.equal(page.url(), `${PORTAL}/portal/d/eungubi-seo`, 'links stay under the sub-path');
  await page.getByRole('region', { name: t('ko', 'proposals_heading') }).getByRole('listitem').first().waitFor();
  assert.ok(apiCalls.length > 0 && apiCalls.every((u) => u.startsWith(`${BASE_URL}/api/v1/`)), apiCalls.join('\n'));

  // A deep link under the sub-path, reloaded.
  await page.goto(`${PORTAL}/portal/d/eungubi-seo/proposals/3`);
  await ready(page);
  assert.equal(await heading(page), '온누리상품권 사용 안내 스티커를 붙여 주세요');

  // Its poster's code opens the proposal under the sub-path.
  await page.goto(`${PORTAL}/portal/d/eungubi-seo/proposals/3/poster`);
  await ready(page);
  assert.equal(await readQrCode(page.locator('.poster-code img.qr')), `${PORTAL}/portal/d/eungubi-seo/proposals/3`);
  await page.goto(`${PORTAL}/portal/d/eungubi-seo/proposals/3`);
  await ready(page);

  // Logging in and supporting: authenticated cross-origin calls (CORS preflight).
  await page.getByRole('banner').getByRole('link', { name: t('ko', 'login'), exact: true }).click();
  await page.getByRole('heading', { level: 1, name: t('ko', 'login_title') }).waitFor();
  assert.ok(page.url().startsWith(`${PORTAL}/portal/login`), page.url());
  await page.getByLabel(t('ko', 'field_email'), { exact: true }).fill('moderator@example.com');
  await page.getByLabel(t('ko', 'field_password'), { exact: true }).fill('golmok-demo-2026');
  await page.getByRole('button', { name: t('ko', 'login_submit'), exact: true }).click();
  await loggedIn(page);
  await page.getByRole('heading', { level: 1, name: '온누리상품권 사용 안내 스티커를 붙여 주세요' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/portal/d/eungubi-seo/proposals/3', 'back where the login started');

  const toggle = page.getByRole('main').getByRole('button', { name: new RegExp(`^(${t('ko', 'support')}|${t('ko', 'supported')})`) });
  // The moderator already supports this demo proposal: withdraw, then support again.
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const count = await numberIn(toggle);
  await toggle.click();
  await eventually(async () => {
    assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
    assert.equal(await toggle.getAttribute('aria-busy'), null);
    assert.equal(await numberIn(toggle), count - 1);
  });
  await toggle.click();
  await eventually(async () => {
    assert.equal(await toggle.getAttribute('aria-busy'), null);
    assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
    assert.equal(await numberIn(toggle), count);
  });
  assert.equal(await page.getByText(t('ko', 'vote_failed')).count(), 0);
}, { context: { permissions: ['local-network-access'] } });
