#!/usr/bin/env node
// Static files and the JSON API side by side, from wrk on kept-alive connections: the
// median and 99th percentile latency with one connection (a browser fetching one file
// after another), and the throughput with 50. Before TCP_NODELAY, every static file
// after the first on a connection waited ~40 ms for the client's delayed acknowledgement
// (a median of 43.9 ms against under 1 ms for JSON); this is where that would show again.
//
//   GOLMOK_BASE_URL=http://127.0.0.1:PORT node scripts/bench-load.mjs [SECONDS] [DIST]
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const base = process.env.GOLMOK_BASE_URL;
const seconds = Number(process.argv[2] ?? 5);
const dist = path.resolve(process.argv[3] ?? 'dist');
const hashed = (pattern) => readdirSync(dist).find((f) => pattern.test(f));

const TARGETS = [
  ['static: icon (hashed file)', `/${hashed(/^favicon-[0-9a-f]+\.svg$/)}`],
  ['static: app wasm (brotli)', `/${hashed(/^golmok-web-[0-9a-f]+_bg\.wasm$/)}`],
  ['static: /d/{slug} (index.html)', '/d/eungubi-seo'],
  ['API: district', '/api/v1/districts/eungubi-seo'],
  ['API: proposal list', '/api/v1/districts/eungubi-seo/proposals'],
];

const toMs = (value) => {
  const m = value.match(/^([\d.]+)(us|ms|s)$/);
  if (!m) return NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]];
};

function wrk(url, connections) {
  const out = execFileSync(
    'wrk',
    ['-t', connections === 1 ? '1' : '2', '-c', String(connections), '-d', `${seconds}s`, '--latency', '-H', 'Accept-Encoding: br, gzip', url],
    { encoding: 'utf8' },
  );
  const percentile = (p) => toMs(out.match(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm'))?.[1] ?? '');
  const errors = out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1];
  return {
    median: percentile(50),
    p99: percentile(99),
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]),
    errors: errors ? Number(errors) : 0,
  };
}

const ms = (v) => `${v < 1 ? v.toFixed(3) : v.toFixed(1)} ms`;
console.log(`Load (wrk, ${seconds} s each, kept-alive connections, brotli accepted)`);
console.log(
  `  ${'what'.padEnd(32)} ${'1 conn: median'.padStart(15)} ${'p99'.padStart(10)} ${'req/s'.padStart(8)}   ${'50 conns: req/s'.padStart(15)} ${'p99'.padStart(10)}`,
);
for (const [name, route] of TARGETS) {
  const url = `${base}${route}`;
  const one = wrk(url, 1);
  const many = wrk(url, 50);
  if (one.errors || many.errors) console.log(`  ${name}: ${one.errors + many.errors} error answers!`);
  console.log(
    `  ${name.padEnd(32)} ${ms(one.median).padStart(15)} ${ms(one.p99).padStart(10)} ${one.rps.toFixed(0).padStart(8)}   ${many.rps.toFixed(0).padStart(15)} ${ms(many.p99).padStart(10)}`,
  );
}
console.log('  (client and server share this machine\'s cores: compare rows, not machines)');
