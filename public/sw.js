// Golmok's service worker (issue 9): a resident on a subway platform opens the portal and
// sees the proposals and news they last read, with a notice that they are offline; what
// they write there is kept and sent once when the connection returns.
//
// Registered by public/offline.js once a page has shown its content, so it never makes a
// first visit heavier. scripts/build-offline.mjs writes it to dist/sw.js (a fixed name,
// revalidated on every visit) with VERSION replaced by a digest of the build's index.html,
// so a deploy is a new worker.
//
// What it keeps, in the Cache API:
//   golmok-shell-VERSION  index.html and the files it names (hashed, so a name is one
//                         content for good), and the chunks fetched since. One cache per
//                         deploy, read as a whole: an old index.html is never served with
//                         new files or the reverse. Older deploys' caches go when this one
//                         takes over.
//   golmok-data           the API's answers to the last reads (GET), by address and by
//                         reader (a digest of the token they were read with, so nobody
//                         is shown another's answers), the last DATA_LIMIT of them.
//   golmok-queue          writes made offline (a comment, a proposal, a support, a follow),
//                         each with the Idempotency-Key it is sent with every time, so the
//                         server does it once however often it arrives
//                         (crates/golmok-server/src/idempotency.rs).
//   golmok-sent           for ten minutes, the keys of comments and proposals that went
//                         out, so the same one sent again from a form that still shows it
//                         (the app saw it fail or time out) gets the first answer instead
//                         of being written twice.
// Signing in, signing out, leaving, and a token the API no longer takes (401) empty all but
// the shell: nothing of one person's stays for the next.
//
// Pages: the network first (a deploy shows at once), the shell's index.html when there is
// no answer. Hashed files: the cache first. API reads: the network first, the last answer
// when there is none. The widget (/embed/…) and embed.js are left to the network: they
// live in other sites' pages.
const VERSION = 'GOLMOK_VERSION';
const SHELL = `golmok-shell-${VERSION}`;
const DATA = 'golmok-data';
const QUEUE = 'golmok-queue';
const SENT = 'golmok-sent';
const SCOPE = self.registration.scope;
const INDEX = SCOPE;
// A name the build gave by content (scripts/build-wasm.mjs): `name-0123456789abcdef.ext`.
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css|svg|png)$/;
// The writes kept when offline, by their path under /api/v1.
const QUEUED = [
  ['POST', /^\/proposals\/\d+\/comments$/],
  ['POST', /^\/districts\/[^/]+\/proposals$/],
  ['PUT', /^\/proposals\/\d+\/vote$/],
  ['DELETE', /^\/proposals\/\d+\/vote$/],
  ['PUT', /^\/shops\/\d+\/follow$/],
  ['DELETE', /^\/shops\/\d+\/follow$/],
];
// Sessions begin or end here: what the last person read or queued goes.
const SESSION = /^\/auth\/(login|register|me)$/;
const SENT_FOR = 10 * 60 * 1000;
const DATA_LIMIT = 300;
// How long a page waits for the network before its last copy is shown instead.
const PAGE_WAIT = 6000;

self.addEventListener('install', (event) => event.waitUntil(keepShell().then(() => self.skipWaiting())));

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('golmok-shell-') && name !== SHELL) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// index.html and the files it names, as one deploy: fetched afresh (the HTTP cache has the
// hashed files already, so this costs the page, not the app).
async function keepShell() {
  const page = await fetch(INDEX, { cache: 'no-cache' });
  if (!page.ok) throw new Error(`${INDEX}: ${page.status}`);
  const html = await page.clone().text();
  const files = new Set();
  for (const [, ref] of html.matchAll(/"\.\/([^"?#]+)"/g)) {
    if (HASHED.test(`/${ref}`)) files.add(new URL(ref, SCOPE).href);
  }
  const cache = await caches.open(SHELL);
  await cache.addAll([...files]);
  await cache.put(INDEX, page);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  const api = url.pathname.indexOf('/api/v1/');
  if (api >= 0) {
    apiRoot = url.origin + url.pathname.slice(0, api + '/api/v1'.length);
    const path = url.pathname.slice(api + '/api/v1'.length);
    if (request.method === 'GET') event.respondWith(read(event, path));
    else event.respondWith(write(request, path));
    return;
  }
  if (request.method !== 'GET' || !url.href.startsWith(SCOPE)) return;
  const own = url.href.slice(SCOPE.length);
  if (/^(embed[/.]|sw\.js)/.test(own)) return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (HASHED.test(url.pathname)) event.respondWith(file(request));
});

async function page(request) {
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), PAGE_WAIT)),
    ]);
    reached();
    return response;
  } catch {
    const shell = await caches.match(INDEX, { cacheName: SHELL });
    if (!shell) return Response.error();
    unreached();
    return shell;
  }
}

async function file(request) {
  const kept = await caches.match(request, { cacheName: SHELL });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(SHELL).then((cache) => cache.put(request, copy));
  }
  return response;
}

async function read(event, path) {
  const { request } = event;
  const reading = generation;
  const key = await dataKey(request.url, request.headers.get('authorization'));
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const kept = await caches.match(key, { cacheName: DATA, ignoreVary: true });
    if (!kept) throw error;
    unreached();
    return kept;
  }
  reached();
  await refused(request, path, response);
  // Kept after the page has its answer; a full cache costs the copy, not the answer.
  if (response.status === 200) event.waitUntil(keep(reading, key, response.clone()).catch(() => {}));
  return response;
}

// An answer's place in golmok-data: its address, and whose it is (a digest of the token it
// was read with; none for a reader signed out), never sent anywhere.
async function dataKey(url, authorization) {
  if (!authorization) return url;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(authorization));
  const reader = [...new Uint8Array(digest).slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${url}${url.includes('?') ? '&' : '?'}golmok-reader=${reader}`;
}

// Not for someone who has signed out since the read left; the last DATA_LIMIT answers.
async function keep(reading, key, response) {
  const data = await caches.open(DATA);
  if (reading !== generation) return;
  await data.put(key, response);
  const keys = await data.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - DATA_LIMIT))) await data.delete(old);
}

// A token the API no longer takes ends the session as signing out does (the app forgets
// it without telling the API): what was read or queued with it goes. Not a password
// refused at login, or when leaving (which keeps the session).
async function refused(request, path, response) {
  const credentials = /^\/auth\/(login|register)$/.test(path) || (request.method === 'DELETE' && path === '/auth/me');
  if (response.status === 401 && request.headers.has('authorization') && !credentials) await forget();
}

// Writes in flight, by what they send: a second, sent before the first is answered, goes
// with the same key.
const inflight = new Map();

async function write(request, path) {
  if (path === '/auth/logout') {
    await forget();
    return fetch(request);
  }
  if (!QUEUED.some(([method, pattern]) => method === request.method && pattern.test(path))) {
    // Every other write as the page made it: no key, nothing kept.
    let response;
    try {
      response = await fetch(request);
    } catch (error) {
      unreached();
      throw error;
    }
    reached();
    if (SESSION.test(path) && response.ok) await forget();
    await refused(request, path, response);
    return response;
  }
  const body = await request.clone().text();
  const entry = { method: request.method, url: request.url, body: body || null, headers: {} };
  for (const name of ['authorization', 'content-type', 'accept', 'accept-language']) {
    const value = request.headers.get(name);
    if (value !== null) entry.headers[name] = value;
  }
  const writing = generation;
  const same = signature(entry);
  const queued = await find(QUEUE, same);
  // A support or a follow is the same whenever it is sent again; only a new comment or
  // proposal is kept as sent, for the form that still shows it.
  const sent = queued || entry.method !== 'POST' ? null : await find(SENT, same, Date.now() - SENT_FOR);
  entry.key = request.headers.get('idempotency-key') ?? inflight.get(same) ?? queued?.entry.key ?? sent?.entry.key ?? crypto.randomUUID();
  inflight.set(same, entry.key);
  try {
    // With the page's signal: when the app gives up (its 15 s), so does this, and the
    // write is kept below, to be sent again with its key.
    const response = await send(entry, request.signal);
    reached();
    if (queued) await (await caches.open(QUEUE)).delete(queued.request);
    if (response.ok && entry.method === 'POST') await keepSent(writing, entry);
    await refused(request, path, response);
    tell();
    return response;
  } catch {
    unreached();
    const queue = await caches.open(QUEUE);
    if (!queued && writing === generation) {
      entry.id = `${Date.now().toString(36).padStart(10, '0')}-${entry.key}`;
      await queue.put(`${SCOPE}__queue/${entry.id}`, json(entry));
      maybeQueued = true;
      self.registration.sync?.register('golmok-queue').catch(() => {});
    }
    tell();
    // The page sees what it sees offline ("could not reach the server") and keeps its
    // draft; public/offline.js says the write is kept and will be sent.
    return Response.error();
  } finally {
    inflight.delete(same);
  }
}

const send = (entry, signal) =>
  fetch(entry.url, {
    method: entry.method,
    headers: { ...entry.headers, 'Idempotency-Key': entry.key },
    body: entry.body,
    mode: 'cors',
    credentials: 'omit',
    signal,
  });

// A comment or proposal that went out, for SENT_FOR; older ones go.
async function keepSent(writing, entry) {
  const sent = await caches.open(SENT);
  if (writing !== generation) return;
  const now = Date.now();
  await sent.put(`${SCOPE}__sent/${now.toString(36).padStart(10, '0')}-${entry.key}`, json({ ...entry, at: now }));
  for (const { request, entry: old } of await entries(SENT)) {
    if (old.at < now - SENT_FOR) await sent.delete(request);
  }
}

const signature = (entry) => JSON.stringify([entry.method, entry.url, entry.headers.authorization ?? '', entry.body]);
const json = (value) => new Response(JSON.stringify(value), { headers: { 'content-type': 'application/json' } });

// The entries of a store (queue or sent), oldest first.
async function entries(name) {
  if (!(await caches.has(name))) return [];
  const cache = await caches.open(name);
  const requests = (await cache.keys()).sort((a, b) => (a.url < b.url ? -1 : 1));
  const all = [];
  for (const request of requests) {
    const response = await cache.match(request);
    if (response) all.push({ request, entry: await response.json() });
  }
  return all;
}

async function find(name, same, since = 0) {
  return (await entries(name)).find(({ entry }) => signature(entry) === same && (entry.at ?? Infinity) >= since);
}

// Sends what was kept, oldest first, once each; stops at the first that cannot leave.
// (Whether anything may wait: not known when the worker starts, and no reason to open the
// queue on every read once it is known to be empty.)
let flushing = null;
let maybeQueued = true;
const flush = () => (maybeQueued ? (flushing ??= drain().finally(() => (flushing = null))) : Promise.resolve());

async function drain() {
  const draining = generation;
  const queue = await caches.open(QUEUE);
  const kept = await entries(QUEUE);
  maybeQueued = kept.some(({ entry }) => !entry.failed);
  for (const { request, entry } of kept) {
    if (entry.failed) continue;
    let response;
    try {
      response = await send(entry);
    } catch {
      unreached();
      return;
    }
    reached(false);
    // Signed out meanwhile (here, or the token refused): the queue is gone with the session.
    if (draining !== generation) return;
    if (response.status === 401) return forget();
    const code = response.ok ? null : ((await response.json().catch(() => null))?.error?.code ?? '');
    // Later: the server is busy, or still answering this very key.
    if (response.status === 429 || response.status >= 500 || code === 'request_in_progress') return;
    await queue.delete(request);
    if (response.ok) {
      if (entry.method === 'POST') await keepSent(draining, entry);
      sentNow += 1;
    } else {
      // Refused (signed out elsewhere, suspended, the proposal closed): shown as not sent,
      // for the person to send again or let go.
      await queue.put(request, json({ ...entry, failed: response.status, code, refusals: (entry.refusals ?? 0) + 1 }));
    }
    tell();
  }
}

// Online or not, as the last request found it; pages are told when it changes.
let offline = false;
let sentNow = 0;
function reached(andFlush = true) {
  if (offline) {
    offline = false;
    tell();
  }
  if (andFlush) flush();
}
function unreached() {
  if (!offline) {
    offline = true;
    tell();
  }
}

// Every page of the portal hears the whole state: offline or not, what waits, what failed,
// and how many kept writes went out since the last telling.
async function tell() {
  const kept = (await entries(QUEUE)).map(({ entry }) => entry);
  const state = {
    golmok: 'state',
    offline,
    waiting: kept.filter((e) => !e.failed).length,
    failed: kept.filter((e) => e.failed).length,
    sent: sentNow,
  };
  sentNow = 0;
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(state);
}

// Counts sign-ins and sign-outs: work begun before one puts nothing in the caches after it.
let generation = 0;

async function forget() {
  generation += 1;
  inflight.clear();
  for (const name of [DATA, QUEUE, SENT]) await caches.delete(name);
  maybeQueued = false;
  tell();
}

// Where the API is, as the last request to it said (it may be another origin than the
// portal's): asked whether it is back.
let apiRoot = null;

self.addEventListener('sync', (event) => {
  if (event.tag === 'golmok-queue') event.waitUntil(flush());
});

// From public/offline.js: `state` (tell me), `flush` (the connection may be back), `retry`
// and `discard` (what failed: send again, or let go), `warm` (addresses the page read
// before this worker took it over, to keep their answers too).
self.addEventListener('message', (event) => {
  const message = event.data ?? {};
  event.waitUntil(
    (async () => {
      if (message.golmok === 'flush') {
        // Back online? Asked of the API (else the portal), when nothing waits to be sent.
        if (offline) {
          const probe = apiRoot ? fetch(`${apiRoot}/health`, { cache: 'no-store' }) : fetch(INDEX, { method: 'HEAD', cache: 'no-store' });
          await probe.then(() => reached(false), () => {});
        }
        await flush();
      }
      if (message.golmok === 'retry' || message.golmok === 'discard') {
        const queue = await caches.open(QUEUE);
        for (const { request, entry } of await entries(QUEUE)) {
          if (!entry.failed) continue;
          if (message.golmok === 'discard') await queue.delete(request);
          else await queue.put(request, json({ ...entry, failed: 0 }));
        }
        if (message.golmok === 'retry') {
          maybeQueued = true;
          await flush();
        }
      }
      if (message.golmok === 'warm' && Array.isArray(message.urls)) {
        const [shell, data] = await Promise.all([caches.open(SHELL), caches.open(DATA)]);
        const headers = { accept: 'application/json' };
        if (typeof message.token === 'string') headers.authorization = `Bearer ${message.token}`;
        for (const url of message.urls.slice(0, 100)) {
          if (typeof url !== 'string') continue;
          const { pathname } = new URL(url);
          // A chunk the page loaded (from the HTTP cache now), or an answer it read.
          const [cache, init] = url.startsWith(SCOPE) && HASHED.test(pathname) ? [shell, {}] : pathname.includes('/api/v1/') ? [data, { headers }] : [];
          if (!cache) continue;
          const key = cache === data ? await dataKey(url, headers.authorization) : url;
          if (await cache.match(key)) continue;
          const response = await fetch(url, init).catch(() => null);
          if (response?.status === 200) await cache.put(key, response);
        }
      }
      await tell();
    })(),
  );
});
