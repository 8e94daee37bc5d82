// Starts the app without inline script, so the Content-Security-Policy can forbid it.
// Trunk and scripts/build-wasm.mjs write the hashed file names into
// <meta name="golmok-boot">; URLs resolve against <base href>, which is how the app runs
// under a sub-path.
//
// On a district's page (most visits start there, from a shared link) it does two more
// things while the wasm downloads, so a slow phone shows the district at once (the
// reference server draws the district into the HTML itself, `data-drawn` on <html>;
// then only a language other than the server's guess is drawn again):
//   - it asks the API for the district and its proposals, and leaves the answers in
//     window.golmokPrefetch for the app to take over (src/api/mod.rs): no second request;
//   - it draws the district's heading and description, in the app's own markup and
//     classes, into the boot screen. The app replaces the boot screen with the same
//     page, so nothing moves (tests/e2e/boot.test.mjs compares the two).
// Whatever fails here, the app still starts: this only ever adds.
//
// It is an async script: it runs as soon as it arrives, before the page is parsed, so
// the API requests leave as early as the wasm's. What needs the page waits for it.
const boot = document.querySelector('meta[name="golmok-boot"]');
let painted = null; // once the district is drawn: resolves when it is on screen
const parsed = new Promise((resolve) => {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', resolve, { once: true });
  else resolve();
});

// The rules only code in chunks draws (scripts/split-css.mjs), fetched with the first
// chunk (the chunk loader waits for them: scripts/build-wasm.mjs), once, and again after
// a failure. A page that must do without them still works, so this never fails; and one
// that neither loads nor fails (a stalled connection) holds the page STYLES_WAIT ms at
// most: it goes on, and the rules apply when they come.
const STYLES_WAIT = 5000;
let styles = null;
window.golmokStyles = () =>
  (styles ??= new Promise((resolve) => {
    const href = boot?.dataset.css;
    if (!href) return resolve();
    setTimeout(resolve, STYLES_WAIT);
    const link = el('link', '', undefined, { rel: 'stylesheet', href: new URL(href, document.baseURI).href });
    link.onload = resolve;
    link.onerror = () => {
      link.remove();
      styles = null;
      resolve();
    };
    document.head.append(link);
  }));

function fail() {
  const app = document.getElementById('app');
  if (!app) return;
  app.textContent = '';
  const p = document.createElement('p');
  p.className = 'boot-text boot-error';
  p.textContent = '골목을 불러오지 못했어요. 새로고침해 주세요. / Golmok could not start. Please reload.';
  app.append(p);
}

// The language the app will choose (src/state/lang.rs: `?lang=`, then the remembered
// choice, then the browser's languages, else Korean), a tag read as golmok_api::language
// reads it: `ko-KR` is `ko`, `kok` is none.
function language() {
  const known = (tag) => {
    const primary = String(tag ?? '').trim().split(/[-_]/)[0].toLowerCase();
    return primary === 'ko' || primary === 'en' ? primary : null;
  };
  let remembered = null;
  try {
    remembered = known(JSON.parse(localStorage.getItem('golmok.lang')));
  } catch {}
  const query = known(new URLSearchParams(location.search).get('lang'));
  return query ?? remembered ?? (navigator.languages ?? []).map(known).find(Boolean) ?? 'ko';
}

// The API root the app will use (src/config.rs: `api_root_from`).
function apiRoot() {
  const meta = document.querySelector('meta[name=golmok-api]');
  const configured = (meta?.getAttribute('content') ?? '').trim().replace(/\/+$/, '');
  const server = !configured ? location.origin : configured.startsWith('/') ? location.origin + configured : configured;
  return `${server}/api/v1`;
}

// `/d/{slug}` relative to <base href>, or null.
function districtSlug() {
  const base = new URL(document.baseURI).pathname;
  if (!location.pathname.startsWith(base)) return null;
  const m = location.pathname.slice(base.length).match(/^d\/([^/]+)\/?$/);
  return m ? decodeURIComponent(m[1]) : null;
}

// Starts a GET the app will make, exactly as it will make it (same URL, same token, and
// the same 15 s limit as src/api/mod.rs, so a stalled connection ends in the app's retry).
function prefetch(url, token) {
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = fetch(url, { headers, signal: AbortSignal.timeout(15000) });
  response.catch(() => {}); // offline: the app sees the failure and asks again itself
  window.golmokPrefetch ??= {};
  window.golmokPrefetch[url] = { token: token ?? null, response };
  return response;
}

function el(tag, className, text, attributes = {}) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

// The district page as src/pages/district.rs draws it while its proposals load. The boot
// screen is inert: these buttons only hold their place until the app's own arrive.
function drawDistrict(district, lang, text, query) {
  const main = document.querySelector('#app .boot-screen main');
  if (!main) return; // the app is already there
  // Drawn by the server already, in this language (crates/golmok-server/src/first_paint.rs).
  if (main.dataset.district === district.slug && main.dataset.lang === lang) return;
  const pick = (ko, en) => (lang === 'en' && en.trim() ? en : ko);
  const name = pick(district.name, district.name_en);
  const description = pick(district.description, district.description_en);
  const hero = el('section', 'hero district-hero');
  const region = el('p', 'hero-region');
  region.append(el('span', '', '📍 ', { 'aria-hidden': 'true' }), pick(district.region, district.region_en));
  // The app's test for an introduction too long to show whole: over 90 characters.
  const long = [...description].length > 90;
  hero.append(region, el('h1', '', name), el('p', long ? 'lede clamped' : 'lede', description));
  if (long) hero.append(el('button', 'more-toggle', text.show_more, { type: 'button' }));
  const links = el('nav', 'district-links', undefined, { 'aria-label': text.district_links });
  const link = (page, icon, label) => {
    const a = el('a', 'chip', undefined, { href: new URL(`d/${encodeURIComponent(district.slug)}/${page}`, document.baseURI).pathname });
    a.append(el('span', '', icon, { 'aria-hidden': 'true' }), label);
    return a;
  };
  links.append(link('shops', '🏪 ', text.nav_shops), link('announcements', '📣 ', text.nav_news));
  if (typeof district.kakao_channel_url === 'string') {
    const kakao = el('a', 'kakao-link', undefined, { href: district.kakao_channel_url, rel: 'noopener noreferrer', target: '_blank' });
    kakao.append(el('span', 'kakao-mark', 'TALK', { 'aria-hidden': 'true' }), text.district_kakao);
    links.append(kakao);
  }
  hero.append(links);

  const controls = el('form', 'feed-controls', undefined, { role: 'search' });
  fillControls(controls, text, query);
  const skeletons = el('div', 'skeletons');
  for (let i = 0; i < 3; i++) {
    const card = el('div', 'card skeleton-card', undefined, { 'aria-hidden': 'true' });
    for (const part of ['badge', 'title', 'line', 'counts']) card.append(el('span', `skeleton skeleton-${part}`));
    skeletons.append(card);
  }
  const feed = el('section', 'feed');
  feed.append(el('h2', 'section-title', text.proposals_heading), controls, skeletons);
  const action = el('div', 'sticky-action');
  action.append(el('a', 'button button-primary button-wide', `✍️ ${text.propose_cta}`));

  // The alley's news, which comes with the district.
  const parts = [hero];
  if (Array.isArray(district.news) && district.news.length) {
    const all = new URL(`d/${encodeURIComponent(district.slug)}/announcements`, document.baseURI).pathname;
    const news = el('section', 'district-news');
    const lines = el('ul', 'headlines', undefined, { role: 'list' });
    for (const headline of district.news) {
      const line = el('li', 'headline');
      if (headline.pinned) {
        const pin = el('span', 'badge badge-pinned');
        pin.append('📌 ', text.announcement_pinned);
        line.append(pin);
      }
      line.append(el('span', 'badge badge-news', text[`announcement_${headline.kind}`] ?? ''));
      line.append(el('a', 'headline-link', headline.title, { href: all }));
      if (headline.shop) line.append(el('span', 'headline-by', pick(headline.shop.name, headline.shop.name_en)));
      lines.append(line);
    }
    const more = el('a', 'more-link', text.news_all, { href: all });
    more.append(el('span', '', ' →', { 'aria-hidden': 'true' }));
    news.append(el('h2', 'section-title', text.news_heading), lines, more);
    parts.push(news);
  }
  main.replaceChildren(...parts, feed, action);
  document.title = `${name} · ${text.app_name}`;
  // Let the browser paint this before the app's start takes the main thread.
  painted = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

// The district feed's controls, as src/pages/district/filters.rs draws them, with the
// address's filters: in the boot screen, and in the app itself while the controls' code
// arrives (src/pages/district/feed.rs). Inert either way; no labels, which are for screen
// readers, and those skip inert parts.
function fillControls(form, text, query) {
  const chips = (className, choices) => {
    const group = el('div', 'chips');
    for (const [label, pressed] of choices) {
      group.append(el('button', className, label, { type: 'button', 'aria-pressed': String(pressed) }));
    }
    return group;
  };
  const kind = last(query, 'kind');
  const sort = last(query, 'sort');
  const status = STATUSES.includes(last(query, 'status')) ? last(query, 'status') : null;
  const search = el('div', 'search-row');
  const words = el('input', '', undefined, { id: 'proposal-search', name: 'q', type: 'search', placeholder: text.proposal_search_placeholder });
  words.value = last(query, 'q') ?? '';
  search.append(words, el('button', 'button button-secondary', text.search_submit, { type: 'submit' }));
  const select = el('select', 'status-filter', undefined, { id: 'proposal-status' });
  select.append(el('option', '', status ? text[`status_${status}`] : text.status_all));
  form.replaceChildren(
    search,
    chips('chip', [
      [text.filter_all, kind !== 'event' && kind !== 'improvement'],
      [text.filter_event, kind === 'event'],
      [text.filter_improvement, kind === 'improvement'],
    ]),
    chips('chip chip-quiet', [
      [text.sort_top, sort !== 'new' && sort !== 'discussed'],
      [text.sort_new, sort === 'new'],
      [text.sort_discussed, sort === 'discussed'],
    ]),
    select,
  );
}

// The UI words the boot screen needs, written into index.html from locales/ by the build.
const bootText = () => JSON.parse(document.getElementById('golmok-boot-text')?.textContent ?? '{}');
window.golmokControls = (form, lang) => {
  const text = bootText()[lang];
  if (text) fillControls(form, text, new URLSearchParams(location.search));
};

// The router reads a repeated parameter's last value.
const last = (query, name) => query.getAll(name).at(-1) ?? null;
// golmok_api::ProposalStatus, as the address and the API write them.
const STATUSES = ['open', 'under_review', 'accepted', 'done', 'declined', 'withdrawn'];

function startDistrict(slug, lang, text) {
  // The session the app restores (src/state/session.rs): a token and its user.
  let token = null;
  try {
    const session = JSON.parse(localStorage.getItem('golmok.session'));
    if (typeof session?.token === 'string' && session.user) token = session.token;
  } catch {}
  const path = `${apiRoot()}/districts/${encodeURIComponent(slug)}`;
  // The list as src/api/mod.rs asks for it, with the filters and order of the address.
  const query = new URLSearchParams(location.search);
  const sort = ['new', 'discussed'].includes(last(query, 'sort')) ? last(query, 'sort') : 'top';
  const kind = ['event', 'improvement'].includes(last(query, 'kind')) ? `&kind=${last(query, 'kind')}` : '';
  const status = STATUSES.includes(last(query, 'status')) ? `&status=${last(query, 'status')}` : '';
  const words = (last(query, 'q') ?? '').trim();
  const q = words ? `&q=${encodeURIComponent(words)}` : '';
  prefetch(`${path}/proposals?sort=${sort}${kind}${status}${q}`, token);
  prefetch(path, token)
    .then((response) => (response.ok ? response.clone().json() : null))
    .then(async (district) => {
      await parsed;
      if (district && text) drawDistrict(district, lang, text, query);
    })
    .catch(() => {});
}

try {
  const lang = language();
  const text = bootText()[lang];
  document.documentElement.lang = lang;
  parsed.then(() => {
    const brand = document.querySelector('#app .boot-screen .brand-name');
    if (brand && text) brand.textContent = text.app_name;
  });
  const slug = districtSlug();
  if (slug) startDistrict(slug, lang, text);
} catch (error) {
  console.warn(error);
}

// Compiled as it downloads; a host that serves wasm under another type gets it whole.
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (response.headers.get('Content-Type')?.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

try {
  const js = new URL(boot.dataset.js, document.baseURI).href;
  const wasm = new URL(boot.dataset.wasm, document.baseURI).href;
  const [{ default: init }, module] = await Promise.all([import(js), compile(wasm)]);
  await parsed; // the app mounts into #app
  // A district drawn while the wasm downloaded gets on screen before the app's start
  // takes the main thread; the app then takes over the same page. Not for longer than
  // a tenth of a second: a tab in the background has no frames to wait for.
  await Promise.race([painted, new Promise((resolve) => setTimeout(resolve, 100))]);
  await init({ module_or_path: module });
  // Reading offline (public/offline.js: the service worker), after the app has started.
  const offline = boot.dataset.offline;
  if (offline) setTimeout(() => import(new URL(offline, document.baseURI).href).catch(() => {}), 1000);
} catch (error) {
  console.error(error);
  await parsed;
  fail();
}
