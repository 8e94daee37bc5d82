// Residents keep Golmok on their home screen: the app passes Chromium's own installability
// checks, with its names, icons and colour (public/manifest.webmanifest).
import assert from 'node:assert/strict';

import { BASE_URL, DISTRICT, eventually, open, scenario } from './support.mjs';

scenario('the app can be installed: a manifest with names, icons and a theme colour', async (page) => {
  await open(page, `/d/${DISTRICT}`);
  const cdp = await page.context().newCDPSession(page);
  // Chromium reads the manifest when asked; the first answer may come before it has.
  // A test's browser context is an incognito one, which nothing can be installed from:
  // every other check is what counts.
  await eventually(async () => {
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.filter((e) => e.errorId !== 'in-incognito'), []);
  });
  const { url, errors, data } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${BASE_URL}/manifest.webmanifest`);
  assert.deepEqual(errors, []);
  const manifest = JSON.parse(data);
  assert.equal(manifest.name, '골목 Golmok', 'both names');
  assert.equal(manifest.short_name, '골목');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.theme_color, '#1c6b45');
  // Every icon is there, a PNG of the size it claims.
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, url).href);
    assert.equal(res.status(), 200, icon.src);
    const png = await res.body();
    assert.equal(png.subarray(1, 4).toString(), 'PNG', icon.src);
    const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    assert.equal(`${w}x${h}`, icon.sizes, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
});
