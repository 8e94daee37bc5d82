// Sizes of built files as a browser would download them: raw, `gzip -9` and
// `brotli -q 11` (the CLIs, as a server would precompress; Node's zlib brotli at quality
// 11 stands in where the brotli CLI is missing), and a table to print them in. Shared by
// scripts/bundle-size.mjs (make test, make bench) and scripts/bench-routes.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import zlib from 'node:zlib';

export const haveBrotliCli = (() => {
  try {
    execFileSync('brotli', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export function fileSizes(file) {
  const gzip = execFileSync('gzip', ['-9', '-c', file], { maxBuffer: 1 << 30 }).length;
  const brotli = haveBrotliCli
    ? execFileSync('brotli', ['-q', '11', '-c', file], { maxBuffer: 1 << 30 }).length
    : zlib.brotliCompressSync(readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return { raw: statSync(file).size, gzip, brotli };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function sum(rows) {
  return rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
}

/** Prints rows of {name, raw, gzip, brotli} and their total. */
export function printTable(title, rows, totalLabel = 'total') {
  const cell = (n) => `${String(n).padStart(9)} ${kb(n).padStart(10)}`;
  const width = Math.max(...rows.map((r) => r.name.length), totalLabel.length, 5);
  console.log(title);
  console.log(`  ${'file'.padEnd(width)}  ${'raw'.padStart(20)}  ${'gzip -9'.padStart(20)}  ${'brotli -q 11'.padStart(20)}`);
  for (const r of rows) console.log(`  ${r.name.padEnd(width)}  ${cell(r.raw)}  ${cell(r.gzip)}  ${cell(r.brotli)}`);
  const total = sum(rows);
  console.log(`  ${totalLabel.padEnd(width)}  ${cell(total.raw)}  ${cell(total.gzip)}  ${cell(total.brotli)}`);
  return total;
}
