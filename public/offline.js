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

let state = { offline: false, waiting: [], failed: [] };
let sent = false;
let bar = null;

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

function button(text, action) {
  const b = el('button', 'button button-secondary', text);
  b.type = 'button';
  b.addEventListener('click', action);
  return b;
}

const post = (message) => sw.controller?.postMessage(message);

function draw() {
  if (!bar) {
    // One live region for good, present before anything is said in it, so each change is
    // read out. Empty, it takes no room.
    bar = el('div', 'offline-bar');
    bar.setAttribute('role', 'status');
    document.body.prepend(bar);
  }
  const lines = [];
  if (state.offline) lines.push([el('p', 'offline-line', say('offline_notice'))]);
  if (state.waiting.length) lines.push([el('p', 'offline-line', say('offline_waiting', state.waiting.length))]);
  if (state.failed.length) {
    lines.push([
      el('p', 'offline-line', say('offline_failed', state.failed.length)),
      button(say('offline_retry'), () => post({ golmok: 'retry' })),
      button(say('offline_discard'), () => post({ golmok: 'discard' })),
    ]);
  }
  if (sent) lines.push([el('p', 'offline-line', say('offline_sent')), button(say('offline_reload'), () => location.reload())]);
  // The same words again are not news: a screen reader would read them out again.
  const said = lines.map((parts) => parts.map((part) => part.textContent).join(' ')).join('\n');
  if (said === bar.dataset.said) return;
  bar.dataset.said = said;
  bar.replaceChildren(
    ...lines.map((parts) => {
      const row = el('div', 'offline-row');
      row.append(...parts);
      return row;
    }),
  );
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
  sw.addEventListener('message', (event) => {
    const message = event.data;
    if (message?.golmok !== 'state') return;
    state = message;
    if (message.sent) sent = true;
    // Styles of the bar come with the pages' stylesheet (public/boot.js).
    Promise.resolve(window.golmokStyles?.()).then(draw);
  });
  draw();
  sw.startMessages();
  const registration = await sw.register(new URL('sw.js', document.baseURI), { updateViaCache: 'none' });
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
    if (state.offline || state.waiting.length) post({ golmok: 'flush' });
  };
  setInterval(retry, RETRY_EVERY);
  addEventListener('online', retry);
  new MutationObserver(() => bar && draw()).observe(document.documentElement, { attributeFilter: ['lang'] });
}

if (sw) start().catch((error) => console.warn('golmok: no offline support', error));
