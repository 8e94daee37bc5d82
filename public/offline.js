// The page's side of the service worker (public/sw.js): registers it, and says what it
// knows in a bar above the page: offline (what shows is what was last read), writes kept
// on this device and waiting to be sent, writes the server refused (send again or let go),
// and writes kept offline that have just gone out.
//
// public/boot.js imports it once the app has started; scripts/build-offline.mjs names it
// by content and puts the words in (GOLMOK_OFFLINE_TEXT, from locales/). A first visit
// registers the worker only once the page has shown its content, and then hands it the
// addresses the page read, so that they too are there offline.
const TEXT = GOLMOK_OFFLINE_TEXT;
const sw = navigator.serviceWorker;
// How often the worker is asked to try again while it is offline or holds writes.
const RETRY_EVERY = 5000;

let state = { offline: false, waiting: 0, failed: 0 };
let sent = false;
let registration = null;
// Built once and kept: a live region that holds words only (each change read out once,
// with no button labels), and the buttons beside it, which keep focus across changes.
let bar = null;
let status = null;
const buttons = {};

const say = (key, count) => {
  const words = TEXT[document.documentElement.lang === 'en' ? 'en' : 'ko'];
  return words[key].replace(/\{\{\s*count\s*\}\}/g, String(count));
};

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const post = (message) => (sw.controller ?? registration?.active)?.postMessage(message);

function build() {
  bar = el('div', 'offline-bar');
  status = el('p', 'offline-status');
  status.setAttribute('role', 'status');
  const actions = el('div', 'offline-actions');
  const actionsOf = {
    offline_retry: () => post({ golmok: 'retry' }),
    offline_discard: () => post({ golmok: 'discard' }),
    offline_reload: () => location.reload(),
  };
  for (const [key, action] of Object.entries(actionsOf)) {
    const b = el('button', 'button button-secondary');
    b.type = 'button';
    b.hidden = true;
    b.addEventListener('click', action);
    buttons[key] = b;
    actions.append(b);
  }
  bar.append(status, actions);
  document.body.prepend(bar);
}

function draw() {
  if (!bar) build();
  const lines = [];
  if (state.offline) lines.push(say('offline_notice'));
  if (state.waiting) lines.push(say('offline_waiting', state.waiting));
  if (state.failed) lines.push(say('offline_failed', state.failed));
  if (sent) lines.push(say('offline_sent'));
  // The same words again are not news: a screen reader would read them out again.
  if (lines.join('\n') !== status.dataset.said) {
    status.dataset.said = lines.join('\n');
    status.replaceChildren(...lines.map((line) => el('span', 'offline-line', line)));
  }
  for (const [key, shown] of [
    ['offline_retry', state.failed > 0],
    ['offline_discard', state.failed > 0],
    ['offline_reload', sent],
  ]) {
    buttons[key].hidden = !shown;
    buttons[key].textContent = say(key);
  }
  bar.classList.toggle('offline-shown', lines.length > 0);
}

// Until the page shows what it came for: the app started, its placeholders gone, the
// browser idle.
async function shown() {
  if (document.readyState !== 'complete') await new Promise((resolve) => addEventListener('load', resolve, { once: true }));
  for (let i = 0; i < 20 && document.querySelector('#app .skeleton, #app .boot-screen'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => (window.requestIdleCallback ?? setTimeout)(resolve, { timeout: 2000 }));
}

function token() {
  try {
    const session = JSON.parse(localStorage.getItem('golmok.session'));
    return typeof session?.token === 'string' ? session.token : null;
  } catch {
    return null;
  }
}

async function start() {
  const controlled = Boolean(sw.controller);
  if (!controlled) await shown();
  // The bar's styles come with the pages' stylesheet (public/boot.js): drawn before them,
  // its empty region would push the page down.
  const styled = Promise.resolve(window.golmokStyles?.());
  sw.addEventListener('message', (event) => {
    const message = event.data;
    if (message?.golmok !== 'state') return;
    state = message;
    if (message.sent) sent = true;
    styled.then(draw);
  });
  await styled;
  draw();
  sw.startMessages();
  registration = await sw.register(new URL('sw.js', document.baseURI), { updateViaCache: 'none' });
  await sw.ready;
  if (!controlled) {
    // What this page read before the worker was there: its answers and its code.
    const urls = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((url) => url.includes('/api/v1/') || /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$/.test(new URL(url).pathname));
    registration.active?.postMessage({ golmok: 'warm', urls, token: token() });
  }
  post({ golmok: 'state' });
  const retry = () => {
    if (state.offline || state.waiting) post({ golmok: 'flush' });
  };
  setInterval(retry, RETRY_EVERY);
  addEventListener('online', retry);
  new MutationObserver(() => bar && draw()).observe(document.documentElement, { attributeFilter: ['lang'] });
}

if (sw) start().catch((error) => console.warn('golmok: no offline support', error));
