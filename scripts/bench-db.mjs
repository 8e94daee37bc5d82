#!/usr/bin/env node
// The database under the server, side by side in one run: the embedded shape (one process
// on SQLite) against the scaled one (PostgreSQL, one process, and two behind nginx).
//
//   - supports written per second: USERS residents each support PROPOSALS new proposals,
//     CONCURRENCY requests in flight, then all withdraw; every proposal's count is read
//     back afterwards and must be exactly USERS, then 0 ("lost" counts the difference)
//   - list reads: the district's proposal list from wrk, 50 kept-alive connections:
//     requests per second and the 99th percentile latency
//
//   node scripts/bench-db.mjs SECONDS NAME=URL [NAME=URL...]
// (scripts/bench.sh passes the SQLite server and scripts/scaled.sh's servers and nginx)
import { execFileSync } from 'node:child_process';

const USERS = 100;
const PROPOSALS = 20;
const CONCURRENCY = 50;
const DISTRICT = 'eungubi-seo';

const seconds = Number(process.argv[2] ?? 5);
const targets = process.argv.slice(3).map((arg) => {
  const at = arg.indexOf('=');
  return { name: arg.slice(0, at), base: arg.slice(at + 1) };
});
if (!targets.length) {
  console.error('usage: bench-db.mjs SECONDS NAME=URL [NAME=URL...]');
  process.exit(2);
}

async function call(base, method, path, token, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return JSON.parse(text);
}

/** Runs `work(i)` for i in 0..n with at most `limit` at once; the results in order. */
async function pool(n, limit, work) {
  let next = 0;
  const results = new Array(n);
  const worker = async () => {
    while (next < n) {
      const i = next++;
      results[i] = await work(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, worker));
  return results;
}

async function supports(base, tag) {
  // Registration hashes a password (argon2): a few at a time, outside the measure.
  const tokens = await pool(USERS, 4, async (i) => {
    const email = `bench-${tag}-${process.pid}-${i}@example.com`;
    const auth = await call(base, 'POST', '/api/v1/auth/register', null, {
      email,
      password: 'correct horse battery',
      display_name: `벤치 ${i}`,
    });
    return auth.token;
  });
  const ids = await pool(PROPOSALS, 4, async (p) => {
    const proposal = await call(base, 'POST', `/api/v1/districts/${DISTRICT}/proposals`, tokens[0], {
      kind: 'improvement',
      title: `벤치마크 제안 ${tag} ${p}`,
      body: '지지를 세는 시험이에요.',
    });
    return proposal.id;
  });
  const pairs = ids.flatMap((id) => tokens.map((token) => [id, token]));
  const round = async (method, expected) => {
    const started = performance.now();
    await pool(pairs.length, CONCURRENCY, (i) => {
      const [id, token] = pairs[i];
      return call(base, method, `/api/v1/proposals/${id}/vote`, token);
    });
    const elapsed = (performance.now() - started) / 1000;
    const counts = await pool(ids.length, 4, async (i) => (await call(base, 'GET', `/api/v1/proposals/${ids[i]}`)).vote_count);
    const lost = counts.reduce((sum, count) => sum + Math.abs(count - expected), 0);
    return { perSecond: pairs.length / elapsed, lost };
  };
  return { support: await round('PUT', USERS), withdraw: await round('DELETE', 0) };
}

const toMs = (value) => {
  const m = value.match(/^([\d.]+)(us|ms|s)$/);
  return m ? Number(m[1]) * { us: 0.001, ms: 1, s: 1000 }[m[2]] : NaN;
};

function listReads(base) {
  const url = `${base}/api/v1/districts/${DISTRICT}/proposals`;
  const out = execFileSync('wrk', ['-t', '2', '-c', '50', '-d', `${seconds}s`, '--latency', url], { encoding: 'utf8' });
  const errors = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  return {
    rps: Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]),
    p99: toMs(out.match(/^\s+99%\s+(\S+)/m)?.[1] ?? ''),
    errors,
  };
}

console.log(
  `Supports: ${USERS} residents x ${PROPOSALS} proposals = ${USERS * PROPOSALS} writes each way, ${CONCURRENCY} in flight;`,
);
console.log(`list reads: wrk, 50 connections, ${seconds} s`);
console.log(
  `  ${'shape'.padEnd(34)} ${'supports/s'.padStart(10)} ${'withdraws/s'.padStart(11)} ${'lost'.padStart(5)}   ${'list reads/s'.padStart(12)} ${'p99'.padStart(9)}`,
);
let failed = false;
for (const [n, { name, base }] of targets.entries()) {
  const written = await supports(base, n);
  const reads = listReads(base);
  const lost = written.support.lost + written.withdraw.lost;
  failed ||= lost > 0 || reads.errors > 0;
  console.log(
    `  ${name.padEnd(34)} ${written.support.perSecond.toFixed(0).padStart(10)} ${written.withdraw.perSecond.toFixed(0).padStart(11)} ${String(lost).padStart(5)}   ${reads.rps.toFixed(0).padStart(12)} ${`${reads.p99.toFixed(1)} ms`.padStart(9)}${reads.errors ? `  (${reads.errors} error answers!)` : ''}`,
  );
}
console.log("  (client, servers and databases share this machine's cores: compare rows, not machines)");
if (failed) {
  console.error('bench-db: supports were lost or reads failed');
  process.exit(1);
}
