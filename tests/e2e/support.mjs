// Shared helpers of the end-to-end tests (not a test file itself).
//
// Each scenario gets its own Chromium and browser context (a phone-sized viewport, Korean
// by default), collects console errors and uncaught exceptions of every page, and fails
// on any it did not announce as expected. On failure it saves a screenshot of each open
// page into tests/e2e/test-results/.
//
// Texts come from locales/*.json, the same files the app is built from, so the tests find
// elements by the words people see (roles and labels), in either language.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '../..');

export const BASE_URL = process.env.GOLMOK_BASE_URL;
if (!BASE_URL) {
  throw new Error('GOLMOK_BASE_URL is not set: run the tests with scripts/e2e.sh (make e2e)');
}

export const DISTRICT = 'eungubi-seo';
export const DISTRICT_NAME = { ko: '은구비서로 골목형상점가', en: 'Eungubi-seo-ro Alley Shopping District' };
export const DEMO_PASSWORD = 'golmok-demo-2026';
export const RESIDENT = { email: 'resident@example.com', password: DEMO_PASSWORD, name: '노은동 주민' };

/** The words of the UI, per language, straight from the locale files. */
export const TEXT = {
  ko: JSON.parse(readFileSync(path.join(ROOT, 'locales/ko.json'), 'utf8')),
  en: JSON.parse(readFileSync(path.join(ROOT, 'locales/en.json'), 'utf8')),
};

/** A UI text with its `{{ name }}` placeholders filled in. */
export function t(lang, key, vars = {}) {
  const text = TEXT[lang][key];
  assert.ok(text !== undefined, `no text ${key} in locales/${lang}.json`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => String(vars[name] ?? `{{ ${name} }}`));
}

/**
 * A name that is exactly `text`, give or take decoration around it: an icon or a
 * CSS-generated check mark ("✓ 행사") is part of an accessible name.
 */
export function exact(text) {
  return new RegExp(`^[^\\p{L}\\p{N}]*${escape(text)}[^\\p{L}\\p{N}]*$`, 'u');
}

export function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A text with `{{ count }}` as a regular expression capturing the number. */
export function counted(lang, key) {
  const [before, after] = TEXT[lang][key].split(/\{\{\s*count\s*\}\}/);
  return new RegExp(`${escape(before)}(\\d+)${escape(after ?? '')}`);
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries an assertion until it passes or the time is up (the machine may be slow). */
export async function eventually(check, { timeout = 30_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await sleep(interval);
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function launchChromium() {
  const headed = process.env.GOLMOK_E2E_HEADED === '1';
  return chromium.launch({
    executablePath: process.env.GOLMOK_CHROMIUM ?? '/usr/bin/chromium',
    args: headed ? CHROMIUM_ARGS.filter((a) => a !== '--headless') : CHROMIUM_ARGS,
    headless: !headed,
  });
}

export const PHONE = { width: 390, height: 844 };

export function contextOptions(lang = 'ko', extra = {}) {
  return {
    baseURL: BASE_URL,
    viewport: PHONE,
    locale: lang === 'en' ? 'en-US' : 'ko-KR',
    reducedMotion: 'reduce',
    // The service worker (public/sw.js) would serve later visits from its caches, and
    // answer requests a scenario reroutes: only tests/e2e/offline.test.mjs lets it run.
    serviceWorkers: 'block',
    ...extra,
  };
}

/**
 * Everything a scenario works with: the browser context, its first page, and the errors
 * seen so far.
 */
class Session {
  constructor(context) {
    this.context = context;
    this.errors = [];
    this.allowed = [];
    context.on('page', (page) => this.watch(page));
  }

  watch(page) {
    page.setDefaultTimeout(30_000);
    page.setDefaultNavigationTimeout(60_000);
    page.on('pageerror', (error) => this.errors.push(`uncaught exception: ${error.stack ?? error}`));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        const where = message.location()?.url ? ` (${message.location().url})` : '';
        this.errors.push(`console.error: ${message.text()}${where}`);
      }
    });
  }

  /** Console errors matching `pattern` are part of the scenario (a failed request, say). */
  allowConsoleError(pattern) {
    this.allowed.push(pattern);
  }

  unexpectedErrors() {
    return this.errors.filter((e) => !this.allowed.some((p) => p.test(e)));
  }
}

/**
 * Run in every frame of every scenario, the widget's and a host page's included: a
 * Content-Security-Policy violation becomes a console error, which fails the scenario
 * unless it is the point of it. (Chromium prints most violations itself, but not all.)
 */
function reportPolicyViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} on ${location.href}`);
  });
}

/**
 * Declares a test that runs `body(page, session)` in a fresh context. Options:
 * `lang` ('ko'), `context` (extra Playwright context options), `timeout` (ms).
 */
export function scenario(name, body, { lang = 'ko', context: extra = {}, timeout = 240_000 } = {}) {
  test(name, { timeout }, async () => {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext(contextOptions(lang, extra));
      await context.addInitScript(reportPolicyViolations);
      const session = new Session(context);
      const page = await context.newPage();
      try {
        await body(page, session);
        const unexpected = session.unexpectedErrors();
        assert.deepEqual(unexpected, [], `console errors or uncaught exceptions during "${name}"`);
      } catch (error) {
        await saveFailureScreenshots(name, context);
        throw error;
      } finally {
        await context.close();
      }
    } finally {
      await browser.close();
    }
  });
}

async function saveFailureScreenshots(name, context) {
  const dir = path.join(ROOT, 'tests/e2e/test-results');
  mkdirSync(dir, { recursive: true });
  const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);
  let i = 0;
  for (const page of context.pages()) {
    const file = path.join(dir, `${slug}${i ? `-${i}` : ''}.png`);
    i += 1;
    try {
      await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
      console.log(`# screenshot of the failure: ${path.relative(ROOT, file)} (${page.url()})`);
    } catch {
      // The page may be gone; the assertion message is what matters.
    }
  }
}

/** Waits until the app has started and the page has its content (no skeletons left). */
export async function ready(page) {
  await page.locator('.boot-screen').waitFor({ state: 'detached', timeout: 60_000 });
  await page.locator('main h1').first().waitFor({ state: 'visible', timeout: 60_000 });
  await eventually(async () => assert.equal(await page.locator('main [aria-busy="true"]').count(), 0));
}

/** Opens a path of the app (relative to the server) and waits until it is ready. */
export async function open(page, url) {
  await page.goto(url);
  await ready(page);
}

export async function reload(page) {
  await page.reload();
  await ready(page);
}

/** The text of the page's heading (its one h1). */
export async function heading(page) {
  return (await page.locator('main h1').first().innerText()).trim();
}

export const banner = (page) => page.getByRole('banner');

/** A new account, made through the sign-up page; the browser ends up logged in at `/`. */
export async function signUp(page, lang = 'ko') {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const user = { email: `e2e-${id}@example.com`, password: `pw-${id}-secret`, name: `이웃 ${id.slice(-6)}` };
  await open(page, '/register');
  await page.getByLabel(t(lang, 'field_display_name'), { exact: true }).fill(user.name);
  await page.getByLabel(t(lang, 'field_email'), { exact: true }).fill(user.email);
  await page.getByLabel(t(lang, 'field_password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: t(lang, 'register_submit'), exact: true }).click();
  await loggedIn(page, lang);
  return user;
}

/** Logs in through the login page as `user` ({email, password, name}). */
export async function logIn(page, user = RESIDENT, lang = 'ko') {
  await open(page, '/login');
  await page.getByLabel(t(lang, 'field_email'), { exact: true }).fill(user.email);
  await page.getByLabel(t(lang, 'field_password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: t(lang, 'login_submit'), exact: true }).click();
  await loggedIn(page, lang);
}

/** Logs out with the header's button and waits for its log-in link. */
export async function logOut(page, lang = 'ko') {
  await banner(page).getByRole('button', { name: t(lang, 'logout'), exact: true }).click();
  await banner(page).getByRole('link', { name: t(lang, 'login'), exact: true }).waitFor();
}

/** Waits until the header shows the logged-in state (its log-out button). */
export async function loggedIn(page, lang = 'ko') {
  await banner(page).getByRole('button', { name: t(lang, 'logout'), exact: true }).waitFor();
}

/** The number in an element's text (the last one, as in "공감해요 12"). */
export async function numberIn(locator) {
  const text = await locator.innerText();
  const numbers = text.match(/\d+/g);
  assert.ok(numbers, `no number in ${JSON.stringify(text)}`);
  return Number(numbers.at(-1));
}

/** Chrome's own log line for a request that failed or answered an error status. */
export const FAILED_REQUEST = /Failed to load resource/;

/**
 * A JSON request to the API, as `token` when given; answers the parsed body. `base`: a
 * server of a test's own instead of the suite's.
 */
export async function api(pathname, { method = 'GET', token, body, base = BASE_URL } = {}) {
  const headers = { accept: 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}/api/v1${pathname}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  assert.ok(response.ok, `${method} ${pathname}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Runs `body` while the second demo district (or `district`, through its moderator) asks
 * for `goals` (`{ support_threshold, pledge_threshold }`), then puts its own numbers back,
 * whatever happened.
 */
export async function withGoals(goals, body, district = 'dongmyeong', moderatorEmail = 'moderator2@example.com') {
  const moderator = await api('/auth/login', { method: 'POST', body: { email: moderatorEmail, password: DEMO_PASSWORD } });
  const settings = `/districts/${district}/settings`;
  const before = await api(settings, { token: moderator.token });
  await api(settings, { method: 'PATCH', token: moderator.token, body: goals });
  try {
    return await body();
  } finally {
    await api(settings, {
      method: 'PATCH',
      token: moderator.token,
      body: { support_threshold: before.support_threshold, pledge_threshold: before.pledge_threshold },
    });
  }
}

/**
 * A new user who owns a new, verified shop in `district`, made through the API (a claim,
 * confirmed by the district's demo moderator): a merchant no other test shares.
 */
export async function newMerchant(district = 'dongmyeong', moderatorEmail = 'moderator2@example.com') {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = { email: `shop-${id}@example.com`, password: `pw-${id}-secret`, name: `사장 ${id.slice(-5)}` };
  const auth = await api('/auth/register', {
    method: 'POST',
    body: { email: user.email, password: user.password, display_name: user.name },
  });
  const shopName = `새 가게 ${id.slice(-5)}`;
  const claim = await api(`/districts/${district}/shops`, {
    method: 'POST',
    token: auth.token,
    body: { name: shopName, category: 'cafe', business_number: '123-45-67890', note: '' },
  });
  const moderator = await api('/auth/login', { method: 'POST', body: { email: moderatorEmail, password: DEMO_PASSWORD } });
  await api(`/shops/${claim.shop_id}/verification`, {
    method: 'POST',
    token: moderator.token,
    body: { decision: 'verify', note: '' },
  });
  return { user, token: auth.token, shopId: claim.shop_id, shopName, district };
}

/**
 * What the QR code shown by `locator` (an image) says, read the way a phone reads it: from
 * the pixels on screen, by a QR reading library (jsQR).
 */
export async function readQrCode(locator) {
  const png = await locator.screenshot();
  // The browser decodes the PNG into pixels (a data: image, which the CSP allows).
  const { width, height, pixels } = await locator.page().evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, pixels: Array.from(data) };
  }, png.toString('base64'));
  const code = jsQR(Uint8ClampedArray.from(pixels), width, height);
  assert.ok(code, 'the QR code reads');
  return code.data;
}
