#!/usr/bin/env node
// Draws public/og-image.png, the picture of every link preview (1200 x 630, the size
// messengers show largest; crates/golmok-server/src/link_preview.rs names it), with the
// system Chromium: the app's green, its mark and its name in both languages. The file is
// committed; run this again only to change the picture:
//
//   source scripts/env.sh && node scripts/og-image.mjs
import path from 'node:path';

import { chromium } from 'playwright-core';

const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../public/og-image.png');
const html = `<!doctype html><html lang="ko"><head><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
    padding: 0 96px; box-sizing: border-box; background: #1c6b45; color: #fff;
    font-family: system-ui, "Apple SD Gothic Neo", "Noto Sans KR", "Noto Sans CJK KR", sans-serif; word-break: keep-all; }
  .name { font-size: 128px; font-weight: 800; letter-spacing: -2px; margin: 0; }
  .mark { margin-right: 24px; }
  .line { font-size: 44px; font-weight: 600; margin: 24px 0 0; color: #e1f0e6; }
  .en { font-size: 32px; margin: 12px 0 0; color: #b9dcc7; }
</style></head><body>
  <p class="name"><span class="mark">🐸</span>골목</p>
  <p class="line">주민이 제안하고 상인이 답하는 우리 골목</p>
  <p class="en" lang="en">Golmok: residents propose, merchants answer</p>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.GOLMOK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(html);
  await page.screenshot({ path: out, type: 'png' });
  console.log(`og-image: ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
}
