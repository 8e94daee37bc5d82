#!/usr/bin/env node
// What a first visit downloads: every file dist/index.html makes the browser fetch before
// the app runs (the page itself, stylesheet, icon, boot script, the JS and wasm that the
// boot script imports, named in <meta name="golmok-boot">, and the modules that JS
// imports: the chunk loader), raw and compressed. Chunks are not in it, nor the
// stylesheet that comes with the first of them (`data-css`): the district page needs
// none (tests/e2e/chunks.test.mjs checks that in a browser).
//
//   node scripts/bundle-size.mjs [DIST]            print the table (make bench)
//   node scripts/bundle-size.mjs --check [DIST]    also fail when the gzip -9 total is
//                                                  over the budget (make test)
//
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { fileSizes, haveBrotliCli, kb, printTable } from './sizes.mjs';

// 160 KB of gzip -9, the goal itself: the README says why this number.
const BUDGET = Number(process.env.GOLMOK_BUNDLE_BUDGET ?? 163840);

const args = process.argv.slice(2);
const check = args.includes('--check');
const dist = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist');
const indexPath = path.join(dist, 'index.html');
if (!existsSync(indexPath)) {
  console.error(`bundle-size: ${indexPath} is missing; build first (make build)`);
  process.exit(2);
}
const html = readFileSync(indexPath, 'utf8');

// Attribute values of the tags that make the browser fetch something at load.
function attr(tag, name) {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}
const refs = [];
const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
for (const [tag] of withoutComments.matchAll(/<(link|script|img|meta)\b[^>]*>/gi)) {
  const kind = tag.slice(1).split(/[\s>]/)[0].toLowerCase();
  if (kind === 'link') {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    // An apple-touch-icon is fetched when the page is added to a home screen, not to show it.
    if (/(stylesheet|icon|modulepreload|preload)/.test(rel) && rel !== 'apple-touch-icon') refs.push([attr(tag, 'href'), rel]);
  } else if (kind === 'script' || kind === 'img') {
    if (attr(tag, 'src')) refs.push([attr(tag, 'src'), kind]);
  } else if (attr(tag, 'name') === 'golmok-boot') {
    refs.push([attr(tag, 'data-js'), 'boot: app js'], [attr(tag, 'data-wasm'), 'boot: app wasm']);
  }
}

// Local files only, each once (the wasm is both preloaded and named in the boot meta).
const files = new Map([['index.html', 'page']]);
const add = (ref, why, from = '') => {
  if (!ref || /^([a-z]+:)?\/\//i.test(ref) || ref.startsWith('data:')) return;
  const rel = path.posix.normalize(path.posix.join(from, ref.split(/[?#]/)[0].replace(/^\/+/, '')));
  if (files.has(rel)) return;
  files.set(rel, why);
  // A module's static imports load with it (the chunk loader the app's JS imports).
  if (rel.endsWith('.js') && existsSync(path.join(dist, rel))) {
    const js = readFileSync(path.join(dist, rel), 'utf8');
    for (const m of js.matchAll(/^\s*import\b[^'"]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']/gm)) {
      add(m[1], `imported by ${path.posix.basename(rel)}`, path.posix.dirname(rel));
    }
  }
};
for (const [ref, why] of refs) add(ref, why);

const rows = [];
let missing = false;
for (const [rel, why] of files) {
  const file = path.join(dist, rel);
  if (!existsSync(file)) {
    console.error(`bundle-size: index.html loads ${rel} (${why}) but dist/ has no such file`);
    missing = true;
    continue;
  }
  rows.push({ name: rel, ...fileSizes(file) });
}
if (missing) process.exit(1);

const total = printTable(`First load of ${path.relative(process.cwd(), dist) || '.'}/index.html (bytes)`, rows);
if (!haveBrotliCli) console.log('(brotli CLI not found: brotli sizes from Node zlib, quality 11)');

if (check) {
  const verdict = total.gzip <= BUDGET ? 'within' : 'OVER';
  console.log(`Budget: ${total.gzip} bytes gzip -9 of ${BUDGET} allowed (${kb(total.gzip)} / ${kb(BUDGET)}): ${verdict}`);
  if (total.gzip > BUDGET) {
    console.error(`bundle-size: first load is ${total.gzip - BUDGET} bytes gzip over the ${BUDGET}-byte budget`);
    process.exit(1);
  }
}
