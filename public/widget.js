// A district's widget (/embed/d/{slug}?show=&limit=&lang=&accent=&instance=), framed by a
// district's website through public/embed.js: its current proposals and news, each a
// link into the portal in a new tab. Plain script and text nodes, never the app: a
// district's website must not load a phone's worth of wasm to show five titles. Writing
// (supporting, commenting) happens in the portal, where the resident's session lives:
// browsers keep a framed page's storage apart from the portal's.
(() => {
  const params = new URLSearchParams(location.search);
  const slug = location.pathname.split('/').filter(Boolean).pop() ?? '';
  const words = JSON.parse(document.getElementById('golmok-widget-text')?.textContent ?? '{}');
  const asked = params.get('lang');
  const browser = (navigator.languages ?? []).map((l) => l.slice(0, 2)).find((l) => l === 'ko' || l === 'en');
  const lang = asked === 'ko' || asked === 'en' ? asked : browser ?? 'ko';
  const text = words[lang] ?? {};
  const show = ['proposals', 'announcements'].includes(params.get('show')) ? params.get('show') : 'both';
  const limit = Math.min(10, Math.max(1, Number.parseInt(params.get('limit') ?? '', 10) || 5));
  const instance = params.get('instance') ?? '';
  // The portal's root: this page is /embed/d/{slug} below it.
  const portal = new URL('../../', location.href);
  const root = document.querySelector('.widget');

  document.documentElement.lang = lang;
  const accent = params.get('accent') ?? '';
  // A colour only (the stripe and the markers, never text: any colour stays readable).
  if (/^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent)) root.style.setProperty('--accent', accent);

  const say = (key, count) => (text[key] ?? key).replace('{{ count }}', String(count));
  const el = (tag, className, content) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.append(content);
    return node;
  };
  // Opens the portal beside the host site; screen readers hear that it does.
  const out = (path, className, ...content) => {
    const a = el('a', className);
    a.href = new URL(path, portal).href;
    a.target = '_blank';
    a.rel = 'noopener';
    a.append(...content, el('span', 'sr-only', ` (${say('widget_new_tab')})`));
    return a;
  };

  // As public/boot.js and src/config.rs (`api_root_from`) read the same setting.
  function apiRoot() {
    const meta = document.querySelector('meta[name=golmok-api]');
    const configured = (meta?.getAttribute('content') ?? '').trim().replace(/\/+$/, '');
    const server = !configured ? location.origin : configured.startsWith('/') ? location.origin + configured : configured;
    return `${server}/api/v1`;
  }
  const api = apiRoot();
  const get = async (path) => {
    // A stalled connection must not keep the widget loading for ever (as the app: 15 s).
    const res = await fetch(api + path, { credentials: 'omit', signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(String(res.status));
    return res.json();
  };

  function section(id, heading, items, empty, all) {
    const part = el('section', 'widget-section');
    part.setAttribute('aria-labelledby', id);
    const title = el('h2', 'widget-heading', heading);
    title.id = id;
    part.append(title);
    if (items.length) {
      const list = el('ul', 'widget-list');
      list.append(...items.map((item) => el('li', 'widget-item', item)));
      part.append(list);
    } else {
      part.append(el('p', 'widget-empty', empty));
    }
    part.append(all);
    return part;
  }

  function proposals(list) {
    const items = list.items.map((p) => {
      const meta = el('span', 'widget-meta', `${say('support_count', p.vote_count)} · ${say('comment_count', p.comment_count)}`);
      return out(`d/${slug}/proposals/${p.id}`, 'widget-link', el('span', 'widget-title', p.title), meta);
    });
    const all = out(`d/${slug}`, 'widget-more', say('widget_proposals_all'));
    return section('widget-proposals', say('proposals_heading'), items, say('widget_proposals_empty'), all);
  }

  function announcements(list) {
    const items = list.items.map((a) => {
      const kind = say(`announcement_${a.kind}`);
      const shop = a.shop && (lang === 'en' && a.shop.name_en ? a.shop.name_en : a.shop.name);
      const meta = el('span', 'widget-meta', shop ? `${kind} · ${shop}` : kind);
      return out(`d/${slug}/announcements`, 'widget-link', el('span', 'widget-title', a.title), meta);
    });
    const all = out(`d/${slug}/announcements`, 'widget-more', say('news_all'));
    return section('widget-news', say('news_heading'), items, say('news_empty'), all);
  }

  // The frame fits its content: embed.js takes the height from this page only. The
  // message holds nothing but a number, so any parent may read it.
  function tellHeight() {
    if (parent === window) return;
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    parent.postMessage({ golmok: 'height', instance, height }, '*');
  }
  new ResizeObserver(tellHeight).observe(document.body);

  async function draw() {
    const wants = (what) => show === 'both' || show === what;
    try {
      const [district, list, news] = await Promise.all([
        get(`/districts/${encodeURIComponent(slug)}`),
        wants('proposals') ? get(`/districts/${encodeURIComponent(slug)}/proposals?status=open&sort=top&limit=${limit}`) : null,
        wants('announcements') ? get(`/districts/${encodeURIComponent(slug)}/announcements?limit=${limit}`) : null,
      ]);
      const name = lang === 'en' && district.name_en ? district.name_en : district.name;
      document.title = `${name} · ${say('app_name')}`;
      const head = el('header', 'widget-head');
      head.append(el('h1', 'widget-name', out(`d/${slug}`, 'widget-district', name)), el('span', 'widget-brand', say('app_name')));
      const parts = [head];
      if (list) parts.push(proposals(list));
      if (news) parts.push(announcements(news));
      root.replaceChildren(...parts);
    } catch (error) {
      const missing = error instanceof Error && error.message === '404';
      root.replaceChildren(
        el('p', 'widget-state', say(missing ? 'widget_not_found' : 'widget_failed')),
        out(missing ? '' : `d/${slug}`, 'widget-more', say('widget_open_portal')),
      );
    }
    root.removeAttribute('aria-busy');
  }
  draw();
})();
