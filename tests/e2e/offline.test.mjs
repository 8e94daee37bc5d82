// Reading offline (issue 9): after one visit, a resident whose connection is gone sees the
// district and a proposal they read, with a notice that they are offline; a comment they
// write then is kept and sent exactly once when the connection returns.
//
// The cut is the server itself stopping (a browser's offline switch may not cover the
// service worker's own requests), so this test runs a server of its own, on a port it
// keeps across the stop, over a database of its own. Every other test blocks service
// workers (support.mjs), so none of them is served from a cache.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';

import {
  DEMO_PASSWORD,
  DISTRICT,
  FAILED_REQUEST,
  RESIDENT,
  ROOT,
  api,
  escape,
  eventually,
  exact,
  logIn,
  logOut,
  open,
  ready,
  scenario,
  signUp,
  t,
} from './support.mjs';

const PROPOSAL = 3; // 골목 벼룩시장: has a conversation in the demo data

/** A free port on loopback, for a server that must come back where it was. */
async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The release server over `dir`'s database with the demo data and dist/, on `port`. */
class OwnServer {
  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.base = `http://127.0.0.1:${port}`;
    this.process = null;
  }

  async start() {
    const bin = path.join(ROOT, process.env.CARGO_TARGET_DIR ?? 'target', 'release', 'golmok-server');
    const args = ['--demo', '--static', path.join(ROOT, 'dist'), '--database', path.join(this.dir, 'golmok.db'), '--listen', `127.0.0.1:${this.port}`];
    // None of the caller's server settings (GOLMOK_*): the flags above are the whole of it.
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('GOLMOK_')));
    this.process = spawn(bin, args, { stdio: 'ignore', env: { ...env, RUST_LOG: 'warn' } });
    await eventually(async () => assert.ok((await fetch(`${this.base}/api/v1/health`)).ok), { timeout: 60_000, interval: 200 });
  }

  async stop() {
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.process.kill('SIGKILL');
    await exited;
    await eventually(async () => assert.ok(await fetch(`${this.base}/api/v1/health`).then(() => false, () => true)));
  }

  /** A JSON request to this server's API (support.mjs `api`). */
  api(pathname, options = {}) {
    return api(pathname, { ...options, base: this.base });
  }

  async comments(id) {
    return (await this.api(`/proposals/${id}/comments?limit=50`)).items.map((c) => c.body);
  }
}

const cacheNames = (page) => page.evaluate(() => caches.keys());
const cached = (page, name) =>
  page.evaluate(async (name) => (await caches.has(name) ? (await (await caches.open(name)).keys()).map((r) => r.url) : []), name);
/** The answers kept, by address (without the worker's mark of whose they are). */
const kept = async (page) => (await cached(page, 'golmok-data')).map((url) => url.replace(/[?&]golmok-reader=[0-9a-f]+$/, ''));
const notice = (page) => page.locator('body > .offline-bar');
/** How many times the server has refused each kept write. */
const refusals = (page) =>
  page.evaluate(async () => {
    const queue = await caches.open('golmok-queue');
    const kept = await Promise.all((await queue.keys()).map(async (r) => (await queue.match(r)).json()));
    return kept.map((entry) => entry.refusals ?? 0);
  });
const commentsRegion = (page) => page.getByRole('region', { name: new RegExp(`^${t('ko', 'comments_heading')}`) });

let server;
let dir;

scenario(
  'offline: the district and a proposal read before show from the cache, and a comment written offline is sent once',
  async (page, session) => {
    // The stop makes the app's requests fail, as they would on a platform with no signal.
    session.allowConsoleError(FAILED_REQUEST);
    session.allowConsoleError(/FetchEvent|Failed to fetch|ERR_CONNECTION_REFUSED|net::ERR_FAILED/);

    await logIn(page, RESIDENT);
    await open(page, `/d/${DISTRICT}`);
    // Registered once the page showed its content; it takes over this very page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
    // The answers this first visit read before the worker was there are kept as well.
    await eventually(async () => {
      const data = await kept(page);
      assert.ok(data.some((url) => url.endsWith(`/api/v1/districts/${DISTRICT}`)), `kept: ${data.join(', ')}`);
      assert.ok(data.some((url) => url.includes(`/api/v1/districts/${DISTRICT}/proposals?`)), `kept: ${data.join(', ')}`);
    });
    // One deploy, whole: index.html and every file it names.
    const shellName = (await cacheNames(page)).find((n) => n.startsWith('golmok-shell-'));
    assert.ok(shellName, 'a shell cache');
    const shell = await cached(page, shellName);
    const html = await (await fetch(`${server.base}/`)).text();
    const named = [...html.matchAll(/"\.\/([^"]+-[0-9a-f]{10,16}(?:_bg)?\.(?:js|wasm|css|svg))"/g)].map((m) => `${server.base}/${m[1]}`);
    assert.ok(named.length >= 5, `index.html names its files: ${named}`);
    for (const url of [`${server.base}/`, ...named]) assert.ok(shell.includes(url), `${url} is in the shell cache`);

    // A proposal, read with the worker there.
    const title = (await server.api(`/proposals/${PROPOSAL}`)).title;
    await page.getByRole('link', { name: new RegExp(escape(title)) }).first().click();
    await ready(page);
    await commentsRegion(page).getByRole('list').waitFor();
    const before = await server.comments(PROPOSAL);

    await server.stop();

    // The district, opened afresh: from the cache, with the notice.
    await open(page, `/d/${DISTRICT}`);
    await notice(page).getByText(t('ko', 'offline_notice'), { exact: true }).waitFor();
    assert.ok((await page.locator('main h1').innerText()).includes('은구비서로'), 'the district is shown');
    const card = page.getByRole('link', { name: new RegExp(escape(title)) }).first();
    await card.waitFor();

    // The proposal read before: from the cache too.
    await card.click();
    await ready(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), title);
    await commentsRegion(page).getByRole('list').waitFor();

    // A comment written offline: not sent, kept, and said so.
    const text = `지하철에서 남기는 댓글 (${Date.now().toString(36)})`;
    const box = page.getByLabel(t('ko', 'comment_label'), { exact: true });
    await box.fill(text);
    await commentsRegion(page).getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();
    await page.getByText(t('ko', 'error_network')).first().waitFor();
    await notice(page).getByText(t('ko', 'offline_waiting', { count: 1 }), { exact: true }).waitFor();
    assert.equal(await box.inputValue(), text, 'the draft stays in its box');
    assert.equal((await cached(page, 'golmok-queue')).length, 1, 'one write kept');

    // The connection returns: the kept comment goes out, once.
    await server.start();
    await notice(page).getByText(t('ko', 'offline_sent'), { exact: true }).waitFor({ timeout: 60_000 });
    await eventually(async () => assert.equal(await notice(page).getByText(t('ko', 'offline_notice')).count(), 0));
    assert.deepEqual(await server.comments(PROPOSAL), [...before, text]);
    assert.deepEqual(await cached(page, 'golmok-queue'), [], 'nothing left to send');

    // The form still shows it (the app saw it fail): sending it again is the same comment,
    // answered by the server with the first answer, not a second one.
    await commentsRegion(page).getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();
    await eventually(async () => assert.equal(await box.inputValue(), '', 'the draft is done'));
    await eventually(async () => {
      const listed = await commentsRegion(page).getByRole('list').getByRole('listitem').allInnerTexts();
      assert.equal(listed.filter((c) => c.includes(text)).length, 1, 'listed once');
    });
    assert.deepEqual(await server.comments(PROPOSAL), [...before, text], 'still one on the server');

    // Signing out leaves nothing of this person's: nothing queued, no answer read as them
    // (the proposals they support say so; read anew, as nobody, they do not).
    const theirs = () =>
      page.evaluate(async () => {
        if (!(await caches.has('golmok-data'))) return [];
        const data = await caches.open('golmok-data');
        const found = [];
        for (const request of await data.keys()) {
          const text = await (await data.match(request)).text();
          if (text.includes('"voted":true') || request.url.includes('/auth/me')) found.push(request.url);
        }
        return found;
      });
    assert.ok((await theirs()).length > 0, 'answers read as the resident are kept while signed in');
    await logOut(page);
    await eventually(async () => {
      assert.deepEqual(await theirs(), []);
      assert.deepEqual(await cached(page, 'golmok-queue'), []);
      assert.deepEqual(await cached(page, 'golmok-sent'), []);
    });
  },
  { context: { serviceWorkers: 'allow', get baseURL() { return server.base; } }, timeout: 300_000 },
);

scenario(
  'offline: a kept write the server refuses when the connection returns is shown as not sent, and sent again on request',
  async (page, session) => {
    session.allowConsoleError(FAILED_REQUEST);
    session.allowConsoleError(/FetchEvent|Failed to fetch|ERR_CONNECTION_REFUSED|net::ERR_FAILED/);
    const user = await signUp(page);
    const { user: me } = await server.api('/auth/login', { method: 'POST', body: { email: user.email, password: user.password } });
    const proposal = `/d/${DISTRICT}/proposals/${PROPOSAL}`;
    await open(page, proposal);
    await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 60_000 });
    await open(page, proposal);
    await commentsRegion(page).getByRole('list').waitFor();

    // A moderator suspends the writer, which the open page cannot know.
    const moderator = await server.api('/auth/login', { method: 'POST', body: { email: 'moderator@example.com', password: DEMO_PASSWORD } });
    const suspend = (method) =>
      server.api(`/districts/${DISTRICT}/suspensions/${me.id}`, { method, token: moderator.token, body: method === 'PUT' ? { note: '도배' } : undefined });
    await suspend('PUT');

    await server.stop();
    const text = `신호가 약한 곳에서 (${Date.now().toString(36)})`;
    await page.getByLabel(t('ko', 'comment_label'), { exact: true }).fill(text);
    await commentsRegion(page).getByRole('button', { name: exact(t('ko', 'comment_submit')) }).click();
    await notice(page).getByText(t('ko', 'offline_waiting', { count: 1 }), { exact: true }).waitFor();

    // The connection returns; the kept comment goes out, and the server refuses it: shown
    // as not sent, and kept.
    await server.start();
    const failed = notice(page).getByText(t('ko', 'offline_failed', { count: 1 }), { exact: true });
    await failed.waitFor({ timeout: 60_000 });
    assert.equal((await cached(page, 'golmok-queue')).length, 1, 'still kept');
    assert.deepEqual(await refusals(page), [1]);
    await notice(page).getByRole('button', { name: t('ko', 'offline_retry'), exact: true }).click();
    // Sent again, and refused again while the suspension lasts.
    await eventually(async () => assert.deepEqual(await refusals(page), [2]));
    await failed.waitFor();
    assert.ok(!(await server.comments(PROPOSAL)).includes(text), 'refused again while suspended');

    // Allowed again: sent on request, once.
    await suspend('DELETE');
    await notice(page).getByRole('button', { name: t('ko', 'offline_retry'), exact: true }).click();
    await notice(page).getByText(t('ko', 'offline_sent'), { exact: true }).waitFor({ timeout: 60_000 });
    assert.equal((await server.comments(PROPOSAL)).filter((c) => c === text).length, 1);
    assert.deepEqual(await cached(page, 'golmok-queue'), []);
  },
  { context: { serviceWorkers: 'allow', get baseURL() { return server.base; } }, timeout: 300_000 },
);

// The server of this file, started before the scenarios and gone after them.

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'golmok-offline-'));
  server = new OwnServer(dir, await freePort());
  await server.start();
});

after(async () => {
  if (server?.process && server.process.exitCode === null) server.process.kill('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});
