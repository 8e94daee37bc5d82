#!/usr/bin/env node
// Builds the app's wasm and JS into Trunk's staging directory: Trunk's post_build hook
// (Trunk.toml). index.html marks the Rust app `data-trunk-skip` because Trunk 0.21
// cannot split a wasm (trunk-rs/trunk#1022), so this script does it:
//
//   release (`trunk build --release`, what ships and what the end-to-end tests run):
//     1. cargo build, profile wasm-release, with `--cfg golmok_split` (src/lazy.rs turns
//        its pages into split points) and relocations kept for the splitter
//     2. wasm-split-cli: the main wasm, one chunk per lazy page, shared chunks, and
//        the JS that fetches chunks on demand
//     3. wasm-bindgen --target web on the main wasm (keeping the exports chunks link to)
//     4. wasm-opt on every wasm file (PASSES), without the sections only tools read
//     5. esbuild minifies the JS and the CSS (Trunk's own minifier would also squeeze
//        index.html, which deployers edit by hand: see the README)
//     6. content-hashed names, so every file can be cached for good: a chunk is named
//        by its own bytes; the app's JS, its wasm and the chunk loader (which import
//        each other) by the hash of all three
//     7. precompressed .gz and .br beside every hashed file, for the server to send as is
//   debug (`trunk serve`): cargo build and wasm-bindgen only, no split, no hashing.
//
// Either way index.html's skipped link becomes the boot meta that public/boot.js reads,
// plus preload hints so the browser fetches the JS, the loader and the wasm at once.
// The unoptimised intermediate files stay in target/golmok-wasm/ for `make bench`
// (size breakdown by crate and function).
import { execFile as execFileCb, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

import { transformSync } from 'esbuild';

import { buildEmbed } from './build-embed.mjs';
import { buildOfflineScript, buildWorker } from './build-offline.mjs';
import { localeBlock } from './locale-text.mjs';
import { splitStylesheet } from './split-css.mjs';
import { DEAD_EXPORTS, PASSES, WASM_FEATURES } from './wasm-features.mjs';

const execFile = promisify(execFileCb);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('build-wasm: run by Trunk (TRUNK_STAGING_DIR is not set); use scripts/build-web.sh');
  process.exit(2);
}
const release = process.env.TRUNK_PROFILE === 'release';
const targetDir = path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const work = path.join(targetDir, 'golmok-wasm');
const NAME = 'golmok-web';

// GOLMOK_WASM_NAMES=1 keeps function names in the wasm, for profiling a release build
// (`trunk build --release --dist target/dist-names`); never for what ships.
// The producers and target features sections say which tools built a file; a browser
// reads neither. About 180 bytes of every file, which matters when a page is twenty
// chunks of a few hundred bytes each (a visit starting on a proposal: 4 KB gzip).
const STRIP = ['--strip-producers', '--strip-target-features'];
const KEEP_NAMES = process.env.GOLMOK_WASM_NAMES === '1' ? ['-g'] : [];

const step = (what) => console.log(`build-wasm: ${what}`);
const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
const hashOf = (digits, parts) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, digits);
};
const hash16 = (...parts) => hashOf(16, parts);
// A chunk's name is written in the loader, which every first load fetches, once per
// chunk: ten hex digits (40 bits, the fewest the server reads as a content hash) still
// tell two versions of a chunk apart, and save 85 chunks x 6 digits no compressor can
// shrink (0.3 KB gzip).
const hash10 = (...parts) => hashOf(10, parts);
const fresh = (dir) => {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

// Panic messages carry their source file's path: the registry's absolute path would ship
// in the wasm (bytes, and this machine's home directory) and make the content hashes
// differ from one machine to the next. Shortened to the crate's own folder.
function remapRegistry() {
  const registry = path.join(process.env.CARGO_HOME ?? path.join(process.env.HOME ?? '', '.cargo'), 'registry', 'src');
  if (!fs.existsSync(registry)) return [];
  return fs.readdirSync(registry).map((index) => `--remap-path-prefix=${path.join(registry, index)}/=`);
}

function cargoBuild() {
  const profile = release ? 'wasm-release' : 'dev';
  // These replace .cargo/config.toml's flags for the target, so they repeat them; one per
  // field (CARGO_ENCODED_RUSTFLAGS), so a path with a space stays one argument.
  const flags = release
    ? ['--cfg', 'erase_components', '--cfg', 'golmok_split', '-Clink-args=--emit-relocs', ...remapRegistry()]
    : ['--cfg', 'erase_components'];
  step(`cargo build (${profile}${release ? ', split' : ''})`);
  run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '--profile', profile, '-p', NAME, '--bin', NAME], {
    CARGO_ENCODED_RUSTFLAGS: flags.join('\x1f'),
  });
  const dir = profile === 'dev' ? 'debug' : profile;
  return path.join(targetDir, 'wasm32-unknown-unknown', dir, `${NAME}.wasm`);
}

function bindgen(input, outDir, extra = []) {
  step('wasm-bindgen');
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', ...extra, '--out-dir', outDir, '--out-name', NAME, input]);
  if (fs.existsSync(path.join(outDir, 'snippets'))) {
    // Snippet files are named by crate, not by content, so they cannot be cached for good.
    throw new Error('wasm-bindgen wrote snippets/: hash and copy them before using inline_js');
  }
}

async function optimise(files) {
  step(`wasm-opt ${PASSES.join(' ')} on ${files.length} files`);
  // Two at a time: CI machines have two cores.
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await execFile('wasm-opt', [...DEAD_EXPORTS, ...PASSES, ...STRIP, ...KEEP_NAMES, ...WASM_FEATURES, file, '-o', file], {
        cwd: root,
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

// wasm-bindgen names each JS function the wasm imports like `__wbg_setAttribute_` and a
// hash: 16 hex digits no compressor can shrink, twice (the wasm's import section and the
// JS object that provides them), for two hundred imports. They become `i0`, `i1`, ... in
// both. Only the glue's own module is renamed: the chunk loader's functions are looked up
// by name. A name found anywhere else in the JS stays as it is.
function shortenImports(wasm, js, module) {
  let at = 8;
  const uleb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = wasm[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  const encodeUleb = (n) => {
    const out = [];
    do {
      let byte = n & 0x7f;
      n = Math.floor(n / 128);
      if (n) byte |= 0x80;
      out.push(byte);
    } while (n);
    return Buffer.from(out);
  };
  const name = () => {
    const len = uleb();
    const text = wasm.subarray(at, at + len).toString('utf8');
    at += len;
    return text;
  };
  while (at < wasm.length) {
    const sectionStart = at;
    const id = wasm[at++];
    const size = uleb();
    const bodyStart = at;
    if (id !== 2) {
      at = bodyStart + size;
      continue;
    }
    const parts = [];
    const count = uleb();
    parts.push(encodeUleb(count));
    let next = 0;
    for (let i = 0; i < count; i++) {
      const mod = name();
      const field = name();
      const descStart = at;
      const kind = wasm[at++];
      if (kind === 0) uleb(); // function: type index
      else if (kind === 1 || kind === 2) {
        if (kind === 1) at++; // table: element type
        const flags = wasm[at++];
        uleb();
        if (flags & 1) uleb();
      } else if (kind === 3) at += 2; // global: value type, mutability
      else if (kind === 4) {
        at++;
        uleb();
      } else throw new Error(`build-wasm: unknown import kind ${kind}`);
      const desc = wasm.subarray(descStart, at);
      let renamed = field;
      const word = new RegExp(`(?<![\\w$])${field.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w$])`, 'g');
      if (mod === module && js.match(word)?.length === 1) {
        renamed = `i${(next++).toString(36)}`;
        js = js.replace(word, renamed);
      }
      for (const text of [mod, renamed]) {
        const bytes = Buffer.from(text, 'utf8');
        parts.push(encodeUleb(bytes.length), bytes);
      }
      parts.push(desc);
    }
    if (at !== bodyStart + size) throw new Error('build-wasm: the import section did not parse as expected');
    const body = Buffer.concat(parts);
    wasm = Buffer.concat([wasm.subarray(0, sectionStart), Buffer.from([2]), encodeUleb(body.length), body, wasm.subarray(bodyStart + size)]);
    return { wasm, js, renamed: next };
  }
  return { wasm, js, renamed: 0 };
}

// A panic's message names its source file: the std library's (`/rustc/<commit>/library/
// core/src/option.rs`) and every dependency's (`js-sys-0.3.107/src/lib.rs`), 70 paths,
// 0.9 KB gzip of the first load, read by nobody but a developer with the source at hand.
// Their bytes become zeros in the data section (each string keeps its length, so nothing
// that points at it moves): a panic still says what and at which line and column. Only
// exact shapes are blanked: the std library's, `<crate>-<version>/` of Cargo.lock's
// packages and `src/*.rs`, so no neighbouring string can be caught. GOLMOK_WASM_NAMES=1
// keeps them.
function blankPanicPaths(wasm) {
  if (process.env.GOLMOK_WASM_NAMES === '1') return wasm;
  const lock = fs.readFileSync(path.join(root, 'Cargo.lock'), 'utf8');
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const crates = [...lock.matchAll(/name = "([^"]+)"\nversion = "([^"]+)"/g)]
    .map(([, name, version]) => escape(`${name}-${version}`))
    .sort((a, b) => b.length - a.length);
  // The std library's (and its vendored dependencies'), a dependency's, or this
  // workspace's own (`src/lazy.rs`, `crates/golmok-api/src/…`).
  const shape = new RegExp(
    `(?:/rustc/[0-9a-f]{40}/library/|/rust/deps/[a-z0-9_.-]+/|(?:${crates.join('|')})/|(?:crates/[a-z0-9_-]+/)?(?=src/))[A-Za-z0-9_/.-]+?\\.rs`,
    'g',
  );
  const out = Buffer.from(wasm);
  let at = 8;
  const uleb = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = out[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return value;
    }
  };
  let blanked = 0;
  while (at < out.length) {
    const id = out[at++];
    const size = uleb();
    if (id === 11) {
      const text = out.subarray(at, at + size).toString('latin1');
      for (const m of text.matchAll(shape)) {
        out.fill(0, at + m.index, at + m.index + m[0].length);
        blanked++;
      }
    }
    at += size;
  }
  step(`blanked ${blanked} panic source paths`);
  return out;
}

// wasm-streams (under Leptos' server functions, which this app does not use) exports
// three classes to JS, so neither wasm-opt nor esbuild may drop them: 1.8 KB gzip of
// every first load that nothing calls. The wasm's exports go with DEAD_EXPORTS
// (scripts/wasm-features.mjs); this takes the classes out of wasm-bindgen's JS. A glue
// that still names them afterwards fails the build, rather than ship calls to exports
// that are gone.
function withoutStreamClasses(js) {
  const classes = /^export class (IntoUnderlying\w+) \{\n[\s\S]*?^if \(Symbol\.dispose\) \1\.prototype\[Symbol\.dispose\] = \1\.prototype\.free;\n/gm;
  const registries = /^const IntoUnderlying\w+Finalization = \(typeof FinalizationRegistry === 'undefined'\)\n.*\n.*\);\n/gm;
  const out = js.replace(classes, '').replace(registries, '');
  if (/intounderlying/i.test(out)) throw new Error('build-wasm: the JS glue still names a wasm-streams class');
  return out;
}

// Same module, fewer bytes: names, whitespace and syntax (exports and strings are kept).
const minify = (js) => transformSync(js, { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' }).code;

// Replaces each `from` with `to`, insisting each is there: a changed generator must fail
// the build, not ship a loader that points at files that do not exist.
function replaceAll(text, pairs, what) {
  for (const [from, to] of pairs) {
    if (!text.includes(from)) throw new Error(`build-wasm: ${what} has no ${from}`);
    text = text.split(from).join(to);
  }
  return text;
}

async function releaseBuild() {
  const input = cargoBuild();
  const splitDir = fresh(path.join(work, 'split'));
  const bindgenDir = fresh(path.join(work, 'bindgen'));
  const outDir = fresh(path.join(work, 'out'));

  step('wasm-split-cli');
  run('wasm-split-cli', ['--target', 'web', '--out-name', NAME, input, splitDir]);
  const loader = fs.readFileSync(path.join(splitDir, '__wasm_split.js'), 'utf8');
  const chunks = fs.readdirSync(splitDir).filter((f) => f.endsWith('.wasm') && f !== `${NAME}.wasm`);

  // The chunks call into the main module through exports the linker made: keep them.
  bindgen(path.join(splitDir, `${NAME}.wasm`), bindgenDir, ['--keep-lld-exports']);

  fs.copyFileSync(path.join(bindgenDir, `${NAME}_bg.wasm`), path.join(outDir, `${NAME}_bg.wasm`));
  const glue = withoutStreamClasses(fs.readFileSync(path.join(bindgenDir, `${NAME}.js`), 'utf8'));
  fs.writeFileSync(path.join(outDir, `${NAME}.js`), glue);
  for (const f of chunks) fs.copyFileSync(path.join(splitDir, f), path.join(outDir, f));
  await optimise([`${NAME}_bg.wasm`, ...chunks].map((f) => path.join(outDir, f)));
  // DEAD_EXPORTS matches names as this wasm-bindgen writes them; if a later one names
  // them otherwise, the build says so instead of shipping the 1.8 KB again unnoticed.
  const main = new WebAssembly.Module(fs.readFileSync(path.join(outDir, `${NAME}_bg.wasm`)));
  const dead = WebAssembly.Module.exports(main).filter((e) => /intounderlying/i.test(e.name));
  if (dead.length) throw new Error(`build-wasm: still exported: ${dead.map((e) => e.name).join(', ')}`);

  const renamed = new Map();
  for (const f of chunks) {
    const stem = f.slice(0, -'.wasm'.length);
    renamed.set(f, `${stem}-${hash10(fs.readFileSync(path.join(outDir, f)))}.wasm`);
  }
  const short = shortenImports(
    fs.readFileSync(path.join(outDir, `${NAME}_bg.wasm`)),
    fs.readFileSync(path.join(outDir, `${NAME}.js`), 'utf8'),
    `./${NAME}_bg.js`,
  );
  step(`shortened ${short.renamed} import names; esbuild: minifying the JS`);
  const mainJs = minify(short.js);
  const mainWasm = blankPanicPaths(short.wasm);
  let loaderJs = replaceAll(
    minify(loader),
    chunks.map((f) => [`"./${f}"`, `"./${renamed.get(f)}"`]),
    '__wasm_split.js',
  );
  loaderJs = compactLoader(loaderJs, renamed.size);
  const build = hash16(mainJs, mainWasm, loaderJs);
  const names = { js: `${NAME}-${build}.js`, wasm: `${NAME}-${build}_bg.wasm`, loader: `wasm-split-${build}.js` };
  loaderJs = replaceAll(loaderJs, [[`"./${NAME}.js"`, `"./${names.js}"`]], '__wasm_split.js');
  // Only the import statements: the same string is also the key under which the wasm
  // expects the loader's functions, which must stay as it is.
  const appJs = replaceAll(mainJs, [[`from"./__wasm_split.js"`, `from"./${names.loader}"`]], `${NAME}.js`);

  fs.writeFileSync(path.join(staging, names.js), appJs);
  fs.writeFileSync(path.join(staging, names.wasm), mainWasm);
  fs.writeFileSync(path.join(staging, names.loader), loaderJs);
  for (const [from, to] of renamed) fs.copyFileSync(path.join(outDir, from), path.join(staging, to));
  return names;
}

// wasm-split-cli's loader writes out each chunk's fetch and instantiation in full, 85
// times over; one function does it from the chunk's name instead, 0.1 KB gzip of every
// first load. A loader in another shape fails the build rather than ship unchanged.
// A chunk starts only once the stylesheet of the pages in chunks is there too (fetched
// alongside, once: public/boot.js `golmokStyles`), so nothing it draws shows unstyled.
function compactLoader(js, chunks) {
  const fetchOne =
    /\(\)=>\{const (\w+)=fetch\(new URL\("\.\/([^"]+)\.wasm",import\.meta\.url\)\);return \1\.catch\(\(\)=>\{\}\),async (\w+)=>WebAssembly\.instantiateStreaming\(\1,\3\)\}/g;
  if (js.includes('$chunk')) throw new Error('build-wasm: the loader already names $chunk');
  let found = 0;
  const out = js.replace(fetchOne, (_, _t, name) => {
    found += 1;
    return `$chunk("${name}")`;
  });
  if (found !== chunks) throw new Error(`build-wasm: ${found} chunk fetches in the loader, ${chunks} chunks`);
  return `${out}function $chunk(n){return()=>{const t=fetch(new URL("./"+n+".wasm",import.meta.url)),s=globalThis.golmokStyles?.();return t.catch(()=>{}),async i=>(await s,WebAssembly.instantiateStreaming(t,i))}}`;
}

function debugBuild() {
  const input = cargoBuild();
  const bindgenDir = fresh(path.join(work, 'bindgen-debug'));
  bindgen(input, bindgenDir);
  for (const f of [`${NAME}.js`, `${NAME}_bg.wasm`]) fs.copyFileSync(path.join(bindgenDir, f), path.join(staging, f));
  return { js: `${NAME}.js`, wasm: `${NAME}_bg.wasm` };
}

// Trunk's stylesheet and boot script, minified and named anew by their minified bytes.
// (`ours`: the files this script wrote, minified already.) The stylesheet is also split
// in two (scripts/split-css.mjs): what the first load draws stays linked, the rest is
// named in the boot meta for the app to fetch with the first page in a chunk.
function minifyTrunkAssets(ours) {
  const index = path.join(staging, 'index.html');
  let html = fs.readFileSync(index, 'utf8');
  // Read before the loop below renames the boot script.
  const code = fs.readdirSync(staging).filter((f) => /\.(js|wasm)$/.test(f));
  const textOf = (files) => [...files, 'index.html'].map((f) => fs.readFileSync(path.join(staging, f), 'latin1')).join('\n');
  // public/offline.js comes after the app has started, like a chunk.
  const firstLoad = textOf(code.filter((f) => !/^(chunk_|split_|offline-)/.test(f)));
  const anywhere = textOf(code);
  const css = (source) => {
    const minified = transformSync(source, { loader: 'css', minify: true }).code;
    const split = splitStylesheet(minified, { firstLoad, anywhere });
    const later = `pages-${hash16(split.later)}.css`;
    fs.writeFileSync(path.join(staging, later), split.later);
    step(`stylesheet: ${split.first.length} bytes first, ${split.later.length} later (${later})`);
    html = replaceAll(html, [['<meta name="golmok-boot" ', `<meta name="golmok-boot" data-css="./${later}" `]], 'index.html');
    return split.first;
  };
  for (const f of fs.readdirSync(staging)) {
    const m = f.match(/^(.+)-[0-9a-f]{10,16}\.(css|js)$/);
    if (!m || ours.includes(f) || !html.includes(`"./${f}"`)) continue;
    const source = fs.readFileSync(path.join(staging, f), 'utf8');
    const minified = m[2] === 'css' ? css(source) : minify(source);
    const name = `${m[1]}-${hash16(minified)}.${m[2]}`;
    fs.rmSync(path.join(staging, f));
    fs.writeFileSync(path.join(staging, name), minified);
    html = replaceAll(html, [[`"./${f}"`, `"./${name}"`]], 'index.html');
  }
  fs.writeFileSync(index, html);
}

// The words public/boot.js draws the boot screen with, from the locale files the app is
// built from, so the two cannot disagree.
const BOOT_TEXT = [
  'app_name', 'proposals_heading', 'show_more', 'filter_all', 'filter_event', 'filter_improvement',
  'sort_top', 'sort_new', 'propose_cta', 'district_links', 'nav_shops', 'nav_news', 'district_kakao',
  'news_heading', 'news_all', 'announcement_pinned', 'announcement_sale', 'announcement_hours',
  'announcement_event', 'announcement_notice', 'proposal_search_placeholder', 'search_submit',
  'sort_discussed', 'status_all', 'status_open', 'status_under_review',
  'status_accepted', 'status_done', 'status_declined', 'status_withdrawn',
];

const bootText = () => localeBlock('golmok-boot-text', BOOT_TEXT);

// Where index.html marks the skipped Rust app, the boot meta and the preload hints.
function patchIndex(names) {
  const index = path.join(staging, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const link = /<link\b[^>]*\bdata-trunk-skip\b[^>]*>/;
  if (!link.test(html)) throw new Error('build-wasm: index.html has no <link data-trunk rel="rust" data-trunk-skip>');
  const tags = [
    bootText(),
    `<meta name="golmok-boot" data-js="./${names.js}" data-wasm="./${names.wasm}"${names.offline ? ` data-offline="./${names.offline}"` : ''}>`,
    `<link rel="modulepreload" href="./${names.js}">`,
    ...(names.loader ? [`<link rel="modulepreload" href="./${names.loader}">`] : []),
    `<link rel="preload" href="./${names.wasm}" as="fetch" type="application/wasm" crossorigin>`,
  ];
  fs.writeFileSync(index, html.replace(link, () => tags.join('\n    ')));
}

// index.html's comments are for whoever reads the source, except the one that tells a
// deployer what to edit in dist/index.html: the rest would ride along with every first
// visit (0.2 KB of gzip).
function dropSourceComments() {
  const index = path.join(staging, 'index.html');
  const html = fs.readFileSync(index, 'utf8');
  const kept = html.replace(/\n?[ \t]*<!--([\s\S]*?)-->/g, (comment, text) => (/^\s*Deploy-time/.test(text) ? comment : ''));
  if (!kept.includes('Deploy-time')) throw new Error('build-wasm: index.html lost its deploy-time comment');
  fs.writeFileSync(index, kept);
}

// Hashed files never change, so they are compressed once here, as hard as the formats
// go. index.html is not: deployers edit it, and a stale .gz beside it would undo that.
function precompress() {
  const hashed = /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css|svg)$/;
  let count = 0;
  for (const f of fs.readdirSync(staging)) {
    if (!hashed.test(f)) continue;
    const file = path.join(staging, f);
    const data = fs.readFileSync(file);
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(data, { level: 9 }));
    fs.writeFileSync(
      `${file}.br`,
      zlib.brotliCompressSync(data, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_LGWIN]: 24,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
    );
    count += 1;
  }
  step(`precompressed ${count} files (.gz, .br)`);
}

try {
  const names = release ? await releaseBuild() : debugBuild();
  // Reading offline is for the build that ships: a development build registers no worker.
  if (release) names.offline = buildOfflineScript(staging, { hash16 });
  patchIndex(names);
  if (release) {
    dropSourceComments();
    minifyTrunkAssets(Object.values(names));
  }
  // After the stylesheet split, which reads the app's code for the classes it draws.
  buildEmbed(staging, { hash16, step });
  if (release) {
    buildWorker(staging, { hash16, step });
    precompress();
  }
  step(`ok: ${names.js}, ${names.wasm}${names.loader ? `, ${names.loader}` : ''}`);
} catch (error) {
  console.error(error.message ?? error);
  process.exit(1);
}
