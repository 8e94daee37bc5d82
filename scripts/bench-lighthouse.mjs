#!/usr/bin/env node
// Lighthouse (mobile, default simulated throttling) on the district page of the demo, and
// in the same run on the floor (bench/floor: the smallest Leptos app, built with the same
// profile), side by side: the median of a few runs each, as Lighthouse itself advises.
//
//   node scripts/bench-lighthouse.mjs APP_URL FLOOR_URL [RUNS]
//
// Both URLs are served by the reference server (the same headers, compression, CSP).
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// Lighthouse lives in bench/node_modules: only `make bench` installs it.
const require = createRequire(path.join(root, 'bench', 'package.json'));
const { default: lighthouse } = await import(require.resolve('lighthouse'));
const chromeLauncher = await import(require.resolve('chrome-launcher'));

const [appUrl, floorUrl, runsArg] = process.argv.slice(2);
if (!appUrl || !floorUrl) {
  console.error('usage: bench-lighthouse.mjs APP_URL FLOOR_URL [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg ?? 3);

const chromeFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function audit(url, throttlingMethod) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags });
  try {
    const { lhr } = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      throttlingMethod,
    });
    const value = (id) => lhr.audits[id]?.numericValue;
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
    const shifts = lhr.audits['layout-shifts']?.details?.items ?? [];
    return {
      score: lhr.categories.performance.score,
      fcp: value('first-contentful-paint'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      cls: value('cumulative-layout-shift'),
      si: value('speed-index'),
      lcpElement: lcpElement ? `${lcpElement.selector ?? ''} ${JSON.stringify((lcpElement.snippet ?? '').slice(0, 80))}` : '',
      shifts: shifts.map((s) => `${(s.score ?? 0).toFixed(3)} ${s.node?.selector ?? ''}`),
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    await chrome.kill();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

async function measure(name, url, throttlingMethod) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await audit(url, throttlingMethod));
  // The run whose LCP is the median stands for the element and the shifts.
  const mid = results.find((r) => r.lcp === median(results.map((r) => r.lcp))) ?? results[0];
  return {
    name,
    url,
    score: median(results.map((r) => r.score)),
    fcp: median(results.map((r) => r.fcp)),
    lcp: median(results.map((r) => r.lcp)),
    tbt: median(results.map((r) => r.tbt)),
    cls: median(results.map((r) => r.cls)),
    si: median(results.map((r) => r.si)),
    lcpElement: mid.lcpElement,
    shifts: mid.shifts,
    warnings: [...new Set(results.flatMap((r) => r.warnings))],
  };
}

const method = process.env.GOLMOK_LH_THROTTLING ?? 'simulate';
const app = await measure('district page', appUrl, method);
const floor = await measure('Leptos floor', floorUrl, method);
const ms = (v) => `${Math.round(v)} ms`;
const rows = [
  ['performance score', (r) => r.score.toFixed(2)],
  ['FCP', (r) => ms(r.fcp)],
  ['LCP', (r) => ms(r.lcp)],
  ['TBT', (r) => ms(r.tbt)],
  ['CLS', (r) => r.cls.toFixed(3)],
  ['Speed Index', (r) => ms(r.si)],
];
console.log(`Lighthouse, mobile, ${method} throttling (median of ${runs} runs each)`);
console.log(`${''.padEnd(20)}${app.name.padStart(16)}${floor.name.padStart(16)}`);
for (const [label, f] of rows) console.log(`${label.padEnd(20)}${f(app).padStart(16)}${f(floor).padStart(16)}`);
console.log(`LCP against the floor: ${(((app.lcp - floor.lcp) / floor.lcp) * 100).toFixed(1)}% (goal: at most +10%)`);
for (const r of [app, floor]) {
  console.log(`${r.name}: ${r.url}`);
  console.log(`  LCP element: ${r.lcpElement || '(none reported)'}`);
  if (r.shifts.length) console.log(`  layout shifts: ${r.shifts.join('; ')}`);
  for (const w of r.warnings) console.log(`  warning: ${w}`);
}
