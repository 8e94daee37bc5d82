#!/usr/bin/env node
// Draws the app's pictures with the system Chromium, from its icon (public/favicon.svg)
// and its green; they are committed, so run this again only to change them:
//
//   source scripts/env.sh && node scripts/images.mjs
//
//   public/og-image.png            every link preview's picture (1200 x 630, the size
//                                  messengers show largest; src/link_preview.rs of the
//                                  server names it): the mark and the name, both languages
//   public/icon-192.png, -512.png  the installed app's icon (public/manifest.webmanifest)
//   public/icon-maskable-512.png   the same for launchers that cut their own shape: the
//                                  face inside the middle 80%, green to the edges
//   public/apple-touch-icon.png    iOS's home screen (180 x 180, square: iOS rounds it)
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { chromium } from 'playwright-core';

const publicDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../public');
const out = path.join(publicDir, 'og-image.png');
const svg = readFileSync(path.join(publicDir, 'favicon.svg'), 'utf8');
// [file, size, how much of the square the icon fills, whether its corners are rounded]
const ICONS = [
  ['icon-192.png', 192, 1, true],
  ['icon-512.png', 512, 1, true],
  ['icon-maskable-512.png', 512, 0.7, false],
  ['apple-touch-icon.png', 180, 0.86, false],
];
const iconPage = (size, fill, rounded) => {
  const inner = rounded ? svg : svg.replace(/rx="14"/, 'rx="0"');
  const scaled = inner.replace('<svg ', `<svg width="${size * fill}" height="${size * fill}" `);
  return `<!doctype html><html><head><style>html,body{margin:0;background:transparent}
    body{width:${size}px;height:${size}px;display:flex;align-items:center;justify-content:center;
    background:${rounded ? 'transparent' : '#1c6b45'}}svg{display:block}</style></head><body>${scaled}</body></html>`;
};
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
  console.log(`images: ${path.relative(process.cwd(), out)}`);
  for (const [file, size, fill, rounded] of ICONS) {
    const icon = await browser.newPage({ viewport: { width: size, height: size } });
    await icon.setContent(iconPage(size, fill, rounded));
    await icon.screenshot({ path: path.join(publicDir, file), type: 'png', omitBackground: true });
    await icon.close();
    console.log(`images: public/${file}`);
  }
} finally {
  await browser.close();
}
