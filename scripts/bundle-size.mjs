#!/usr/bin/env node
// What a first visit downloads: every file dist/index.html makes the browser fetch before
// the app runs (the page itself, stylesheet, icon, boot script, the JS and wasm that the
// boot script imports, named in <meta name="golmok-boot">, and the modules that JS
// imports: the chunk loader), raw and compressed. Chunks are not in it: the district
// page needs none (tests/e2e/chunks.test.mjs checks that in a browser).
//
//   node scripts/bundle-size.mjs [DIST]            print the table (make bench)
//   node scripts/bundle-size.mjs --check [DIST]    also fail when the gzip -9 total is
//                                                  over the budget (make test)
//
// gzip is `gzip -9`, brotli is `brotli -q 11` (the CLIs, as a server would precompress);
// without the brotli CLI, Node's zlib brotli at quality 11 stands in.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// 175 KB of gzip -9: the README says why this number.
const BUDGET = Number(process.env.GOLMOK_BUNDLE_BUDGET ?? 179200);

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
    if (/(stylesheet|icon|modulepreload|preload)/.test(rel)) refs.push([attr(tag, 'href'), rel]);
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

const haveBrotliCli = (() => {
  try {
    execFileSync('brotli', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const gzipSize = (file) => execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 30 }).length;
const brotliSize = (file) =>
  haveBrotliCli
    ? execFileSync('brotli', ['-q', '11', '-c', file], { maxBuffer: 1 << 30 }).length
    : zlib.brotliCompressSync(readFileSync(file), {
        params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
      }).length;

const rows = [];
let missing = false;
for (const [rel, why] of files) {
  const file = path.join(dist, rel);
  if (!existsSync(file)) {
    console.error(`bundle-size: index.html loads ${rel} (${why}) but dist/ has no such file`);
    missing = true;
    continue;
  }
  rows.push({ name: rel, why, raw: statSync(file).size, gzip: gzipSize(file), brotli: brotliSize(file) });
}
if (missing) process.exit(1);

const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
  raw: 0,
  gzip: 0,
  brotli: 0,
});
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const cell = (n) => `${String(n).padStart(9)} ${kb(n).padStart(10)}`;
const width = Math.max(...rows.map((r) => r.name.length), 5);
console.log(`First load of ${path.relative(process.cwd(), dist) || '.'}/index.html (bytes)`);
console.log(`${'file'.padEnd(width)}  ${'raw'.padStart(20)}  ${'gzip -9'.padStart(20)}  ${'brotli -q 11'.padStart(20)}`);
for (const r of rows) console.log(`${r.name.padEnd(width)}  ${cell(r.raw)}  ${cell(r.gzip)}  ${cell(r.brotli)}`);
console.log(`${'total'.padEnd(width)}  ${cell(total.raw)}  ${cell(total.gzip)}  ${cell(total.brotli)}`);
if (!haveBrotliCli) console.log('(brotli CLI not found: brotli sizes from Node zlib, quality 11)');

if (check) {
  const verdict = total.gzip <= BUDGET ? 'within' : 'OVER';
  console.log(`Budget: ${total.gzip} bytes gzip -9 of ${BUDGET} allowed (${kb(total.gzip)} / ${kb(BUDGET)}): ${verdict}`);
  if (total.gzip > BUDGET) {
    console.error(`bundle-size: first load is ${total.gzip - BUDGET} bytes gzip over the ${BUDGET}-byte budget`);
    process.exit(1);
  }
}
