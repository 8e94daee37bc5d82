#!/usr/bin/env node
// Where the wasm's bytes go, by crate and by function, for every file of the release
// build: the main wasm (the first load) and each chunk. The build keeps its unoptimised
// files (with names) in target/golmok-wasm/; this optimises them like the build does
// (wasm-opt's PASSES) but with -g, so names survive, and reads them with twiggy. Sizes are of
// code and data before compression, the "function names" section of -g left out.
//
//   node scripts/bench-wasm-size.mjs [TOP_FUNCTIONS]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { DEAD_EXPORTS, PASSES, WASM_FEATURES } from './wasm-features.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const work = path.join(path.resolve(root, process.env.CARGO_TARGET_DIR ?? 'target'), 'golmok-wasm');
const topN = Number(process.argv[2] ?? 25);

const main = path.join(work, 'bindgen', 'golmok-web_bg.wasm');
if (!fs.existsSync(main)) {
  console.error(`bench-wasm-size: ${main} is missing; build first (make build)`);
  process.exit(2);
}
const chunks = fs
  .readdirSync(path.join(work, 'split'))
  .filter((f) => f.endsWith('.wasm') && f !== 'golmok-web.wasm')
  .sort();
const namesDir = path.join(work, 'names');
fs.rmSync(namesDir, { recursive: true, force: true });
fs.mkdirSync(namesDir, { recursive: true });

// One CSV line of twiggy: "name",shallow,percent,,
function parseCsv(text) {
  const rows = [];
  for (const line of text.split('\n').slice(1)) {
    if (!line.trim()) continue;
    let name;
    let rest;
    if (line.startsWith('"')) {
      let i = 1;
      let out = '';
      for (; i < line.length; i++) {
        if (line[i] === '"' && line[i + 1] === '"') {
          out += '"';
          i++;
        } else if (line[i] === '"') break;
        else out += line[i];
      }
      name = out;
      rest = line.slice(i + 2);
    } else {
      const comma = line.indexOf(',');
      name = line.slice(0, comma);
      rest = line.slice(comma + 1);
    }
    rows.push({ name, size: Number(rest.split(',')[0]) });
  }
  return rows;
}

const stripHash = (s) => s.replace(/\[[0-9a-f]{16}\]/g, '');

// The crate a function belongs to: the first path segment of its name; for a trait
// method `<Type as Trait>::f`, the crate of `Type` (of `Trait` for primitives).
export function crateOf(raw) {
  const name = stripHash(raw);
  if (name.startsWith('data segment')) return '(data: strings, tables, constants)';
  if (/^(elem|table)\[/.test(name)) return '(function table)';
  if (/subsection|section|^type\[|^import |^export |^global|^memory/.test(name)) return '(wasm structure)';
  const first = (path) => {
    const p = path.replace(/^(&mut |&|\*const |\*mut |dyn |\[|\()+/, '');
    const seg = p.split('::')[0];
    return p.includes('::') ? seg.replace(/<.*$/, '') : null;
  };
  if (name.startsWith('<')) {
    let depth = 0;
    for (let i = 0; i < name.length; i++) {
      const c = name[i];
      if (c === '<') depth++;
      else if (c === '>') depth--;
      if (depth === 0) {
        // `<Type>::f`, an inherent method: a primitive's belongs to core.
        return first(name.slice(1, i)) ?? 'core';
      }
      if (depth === 1 && name.startsWith(' as ', i)) {
        const selfType = name.slice(1, i);
        let j = i + 4;
        let d = 1;
        for (; j < name.length && d > 0; j++) {
          if (name[j] === '<') d++;
          else if (name[j] === '>') d--;
        }
        const trait = name.slice(i + 4, j - 1);
        return first(selfType) ?? first(trait) ?? '(other)';
      }
    }
    return '(other)';
  }
  if (/^(__wbg|__wbindgen|__externref|__wasm_split)/.test(name)) return '(wasm-bindgen and split glue)';
  // Unnamed code and exported shims are what wasm-bindgen generates around the app.
  return first(name) ?? (/^code\[|shim$|^main$/.test(name) || !name.includes('::') ? '(wasm-bindgen and split glue)' : '(other)');
}

function analyse(input, label) {
  const out = path.join(namesDir, path.basename(input).replace(/\.wasm$/, '.names.wasm'));
  execFileSync('wasm-opt', [...DEAD_EXPORTS, ...PASSES, '-g', ...WASM_FEATURES, input, '-o', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', out], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch {
    // twiggy reads only modules with code; a chunk of data and table entries has none.
    csv = `Name,ShallowSize\n(no code: data and table entries),${fs.statSync(out).size},,,\n`;
  }
  const rows = parseCsv(csv)
    .filter((r) => !/"?(function|local|label|type|module) names"? subsection|^name section/.test(r.name));
  const total = rows.reduce((t, r) => t + r.size, 0);
  const byCrate = new Map();
  for (const r of rows) {
    const crate = crateOf(r.name);
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + r.size);
  }
  return { label, file: path.relative(root, out), total, rows, byCrate };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const results = [analyse(main, 'main (first load)'), ...chunks.map((c) => analyse(path.join(work, 'split', c), c.replace(/\.wasm$/, '')))];

console.log('Wasm by crate (raw bytes after wasm-opt, names kept only to read them)');
const first = results[0];
const crates = [...first.byCrate.entries()].sort((a, b) => b[1] - a[1]);
for (const [crate, size] of crates) {
  console.log(`  ${crate.padEnd(44)} ${kb(size).padStart(10)} ${((size / first.total) * 100).toFixed(1).padStart(5)}%`);
}
console.log(`  ${'main total'.padEnd(44)} ${kb(first.total).padStart(10)}`);

console.log(`\nLargest ${topN} functions and data of the main wasm`);
for (const r of [...first.rows].sort((a, b) => b.size - a.size).slice(0, topN)) {
  console.log(`  ${String(r.size).padStart(7)}  ${stripHash(r.name).slice(0, 110)}`);
}

console.log('\nChunks: total, then their three largest crates');
for (const r of results.slice(1)) {
  const top = [...r.byCrate.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`  ${r.label.padEnd(28)} ${kb(r.total).padStart(10)}   ${top.map(([c, s]) => `${c} ${kb(s)}`).join(', ')}`);
}
console.log(`\n(names-kept builds in ${path.relative(root, namesDir)}/: \`twiggy paths|dominators FILE NAME\` says who keeps a function)`);
