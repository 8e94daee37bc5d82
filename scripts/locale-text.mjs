// Words from the locale files the app is built from, for the pages drawn without the app
// (public/boot.js's boot screen, public/widget.js's widget), so none can disagree with it.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/// `{ ko: { key: text }, en: { ... } }` for `keys`, as an inert `<script
/// type="application/json" id="{id}">` block (the CSP allows no inline script; `<` is
/// escaped so no text can end the element early). Throws on a key missing or doubled.
export function localeBlock(id, keys) {
  const json = JSON.stringify(localeText(keys)).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${id}">${json}</script>`;
}

/// `{ ko: { key: text }, en: { ... } }` for `keys`. Throws on a key missing or doubled.
export function localeText(keys) {
  const text = {};
  for (const lang of ['ko', 'en']) {
    const source = fs.readFileSync(path.join(root, 'locales', `${lang}.json`), 'utf8');
    // JSON keeps the last of two equal keys without a word: one of the texts would never
    // show. The locale files hold one key per line.
    const seen = new Set();
    for (const [, key] of source.matchAll(/^\s*"([^"]+)"\s*:/gm)) {
      if (seen.has(key)) throw new Error(`locales/${lang}.json has "${key}" twice`);
      seen.add(key);
    }
    const all = JSON.parse(source);
    text[lang] = Object.fromEntries(keys.map((key) => [key, all[key]]));
    const missing = keys.filter((key) => typeof all[key] !== 'string');
    if (missing.length) throw new Error(`locales/${lang}.json has no ${missing.join(', ')}`);
  }
  return text;
}
