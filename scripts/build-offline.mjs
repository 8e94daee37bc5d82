// Reading offline (issue 9), written beside the app's files by scripts/build-wasm.mjs in
// release builds (a development build registers no worker, so it never serves yesterday's
// code to someone editing today's):
//
//   offline-….js  public/offline.js minified, with its words from the locale files, named
//                 by content; public/boot.js imports it once the app has started (named in
//                 <meta name="golmok-boot" data-offline>), so no first visit waits for it
//   sw.js         public/sw.js minified under its fixed name (a worker's address cannot
//                 change), revalidated on every visit; its VERSION is a digest of the built
//                 index.html, which names every file of the deploy, so a deploy is a new
//                 worker with a cache of its own
import fs from 'node:fs';
import path from 'node:path';

import { transformSync } from 'esbuild';

import { localeText } from './locale-text.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const read = (file) => fs.readFileSync(path.join(root, file), 'utf8');

const OFFLINE_TEXT = [
  'offline_notice', 'offline_waiting', 'offline_failed', 'offline_retry', 'offline_discard', 'offline_sent',
  'offline_reload',
];

function swap(text, from, to, what) {
  if (!text.includes(from)) throw new Error(`build-offline: ${what} has no ${from}`);
  return text.replace(from, () => to);
}

/** Writes offline-….js; answers its name. */
export function buildOfflineScript(staging, { hash16 }) {
  const source = swap(read('public/offline.js'), 'const TEXT = GOLMOK_OFFLINE_TEXT;', `const TEXT = ${JSON.stringify(localeText(OFFLINE_TEXT))};`, 'public/offline.js');
  const js = transformSync(source, { minify: true, format: 'esm', target: 'es2020', legalComments: 'none' }).code;
  const name = `offline-${hash16(js)}.js`;
  fs.writeFileSync(path.join(staging, name), js);
  return name;
}

/** Writes sw.js for the index.html now in `staging` (call it last). */
export function buildWorker(staging, { hash16, step }) {
  const version = hash16(fs.readFileSync(path.join(staging, 'index.html')));
  const source = swap(read('public/sw.js'), "'GOLMOK_VERSION'", JSON.stringify(version), 'public/sw.js');
  const js = transformSync(source, { minify: true, target: 'es2020', legalComments: 'none' }).code;
  fs.writeFileSync(path.join(staging, 'sw.js'), js);
  step(`offline: sw.js (version ${version})`);
}
