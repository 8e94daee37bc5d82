#!/usr/bin/env node
// The district widget as a district's website gets it: the loader and the widget's own
// files (raw, gzip -9, brotli -q 11), then the time from a host page's start until the
// widget shows its first item, cold each time: on a host page of another origin with
// nothing throttled, and the widget's page alone on a throttled "phone" (150 ms round
// trips, 1.6 Mbit/s down, CPU 4x slower; a cross-site frame runs in a process of its own,
// which the host page's throttling does not reach, so the widget is throttled alone).
//
//   GOLMOK_BASE_URL=http://127.0.0.1:PORT node scripts/bench-embed.mjs [DIST] [RUNS]
// (scripts/bench.sh runs it against a fresh server)
import { readdirSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import { DISTRICT, contextOptions, launchChromium } from '../tests/e2e/support.mjs';
import { fileSizes, printTable } from './sizes.mjs';

const dist = path.resolve(process.argv[2] ?? 'dist');
const runs = Number(process.argv[3] ?? 5);
const base = process.env.GOLMOK_BASE_URL;

const loader = [{ name: 'embed.js', ...fileSizes(path.join(dist, 'embed.js')) }];
printTable('The loader a host page fetches (bytes; the goal: at most 2 KB gzip)', loader);
const widgetFiles = ['embed.html', ...readdirSync(dist).filter((f) => /^widget-[0-9a-f]{16}\.(js|css)$/.test(f))];
console.log();
printTable(
  'The widget, /embed/d/{slug} (bytes; then its three API answers)',
  widgetFiles.map((name) => ({ name, ...fileSizes(path.join(dist, name)) })),
);

// A first item in any frame: when, in milliseconds since the epoch.
function markFirstItem() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('.widget-item')) {
      observer.disconnect();
      console.log(`golmok-first-item ${performance.timeOrigin + performance.now()}`);
    }
  }).observe(document, { childList: true, subtree: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const host = http.createServer((_, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><meta charset="utf-8"><title>host</title><h1>A district's website</h1>
<script src="${base}/embed.js" data-district="${DISTRICT}" async></script>`);
});
await new Promise((resolve) => host.listen(0, '127.0.0.1', resolve));
const hostUrl = `http://localhost:${host.address().port}/`;

const browser = await launchChromium();
try {
  const timed = async (url, throttle) => {
    const context = await browser.newContext(contextOptions('ko'));
    await context.addInitScript(markFirstItem);
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (1.6 * 1024 * 1024) / 8,
        uploadThroughput: (750 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    }
    const shown = new Promise((resolve) => {
      page.on('console', (m) => m.text().startsWith('golmok-first-item ') && resolve(Number(m.text().split(' ')[1])));
    });
    await page.goto(url);
    const at = await shown;
    const start = await page.evaluate(() => performance.timeOrigin);
    await context.close();
    return at - start;
  };
  const hosted = [];
  const alone = [];
  for (let i = 0; i < runs; i += 1) {
    hosted.push(await timed(hostUrl, false));
    alone.push(await timed(`${base}/embed/d/${DISTRICT}`, true));
  }
  console.log(`\nTime to the widget's first item, cold, median of ${runs}`);
  console.log(`  on a host page of another origin, unthrottled:  ${median(hosted).toFixed(0)} ms (from the host page's start)`);
  console.log(`  the widget alone on a throttled phone:          ${median(alone).toFixed(0)} ms`);
} finally {
  await browser.close();
  host.close();
}
