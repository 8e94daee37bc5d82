// Posters (issue 9): a proposal, a shop and the district each have a sheet to print, with
// a QR code that opens them. The code is read back here the way a phone would read it: from
// the pixels on screen, by a QR reading library (jsQR); and the sheet prints as one page of
// its paper, A4 or an A6 counter card.
import assert from 'node:assert/strict';

import jsQR from 'jsqr';

import { BASE_URL, DISTRICT, DISTRICT_NAME, api, exact, open, ready, scenario, t } from './support.mjs';

/** What the QR code on the page says, read from a screenshot of it. */
async function readCode(page) {
  const png = await page.locator('.poster-code img.qr').screenshot();
  // The browser decodes the PNG into pixels (a data: image, which the CSP allows).
  const { width, height, pixels } = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    return { width: canvas.width, height: canvas.height, pixels: Array.from(data) };
  }, png.toString('base64'));
  const code = jsQR(Uint8ClampedArray.from(pixels), width, height);
  assert.ok(code, 'the QR code reads');
  return code.data;
}

/** The printed sheet as Chromium prints it: its pages and their size in points. */
async function printed(page) {
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0;
  const box = pdf.match(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/);
  assert.ok(box, 'the PDF names its page size');
  return { pages, width: Number(box[1]), height: Number(box[2]) };
}

const MM = 72 / 25.4;
const near = (points, mm) => Math.abs(points - mm * MM) < 2;

scenario('a proposal poster: reached from the proposal, its code opens the proposal, printed on one A4 page or one A6 card', async (page) => {
  const proposal = await api('/proposals/3');
  await open(page, `/d/${DISTRICT}/proposals/3`);
  await page.getByRole('link', { name: exact(t('ko', 'poster_title')) }).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, `/d/${DISTRICT}/proposals/3/poster`);
  await page.getByRole('heading', { level: 1, name: t('ko', 'poster_title') }).waitFor();
  const sheet = page.locator('.poster-sheet');
  assert.equal((await sheet.getByRole('heading', { level: 2 }).innerText()).trim(), proposal.title);
  assert.match(await sheet.innerText(), new RegExp(t('ko', 'poster_proposal_call').replace(/[.]/g, '\\.')));
  assert.equal(await readCode(page), `${BASE_URL}/d/${DISTRICT}/proposals/3`);

  const a4 = await printed(page);
  assert.equal(a4.pages, 1, 'one page');
  assert.ok(near(a4.width, 210) && near(a4.height, 297), `A4: ${a4.width} x ${a4.height} pt`);

  await page.getByLabel(t('ko', 'poster_sheet'), { exact: true }).selectOption({ label: t('ko', 'poster_sheet_card') });
  assert.equal(await readCode(page), `${BASE_URL}/d/${DISTRICT}/proposals/3`, 'the card reads too');
  const card = await printed(page);
  assert.equal(card.pages, 1, 'one card');
  assert.ok(near(card.width, 105) && near(card.height, 148), `A6: ${card.width} x ${card.height} pt`);
});

scenario('a shop poster and the district poster, in English', async (page) => {
  const shop = await api('/shops/1');
  await open(page, `/d/${shop.district_slug}/shops/${shop.id}`);
  await page.getByRole('link', { name: exact(t('en', 'poster_title')) }).click();
  await ready(page);
  const sheet = page.locator('.poster-sheet');
  assert.equal((await sheet.getByRole('heading', { level: 2 }).innerText()).trim(), shop.name_en.trim() || shop.name);
  assert.equal(await readCode(page), `${BASE_URL}/d/${shop.district_slug}/shops/${shop.id}`);

  // The district's: from "Put this on your website".
  await open(page, `/d/${DISTRICT}/embed`);
  await page.getByRole('link', { name: exact(t('en', 'poster_title')) }).click();
  await ready(page);
  assert.equal((await sheet.getByRole('heading', { level: 2 }).innerText()).trim(), DISTRICT_NAME.en);
  assert.match(await sheet.innerText(), new RegExp(t('en', 'poster_district_call').replace(/[.]/g, '\\.')));
  assert.equal(await readCode(page), `${BASE_URL}/d/${DISTRICT}`);
  const a4 = await printed(page);
  assert.equal(a4.pages, 1);
}, { lang: 'en' });

scenario('a poster of a proposal under another district\'s address is not found', async (page) => {
  const proposal = await api('/proposals/3');
  const other = proposal.district_slug === DISTRICT ? 'dongmyeong' : DISTRICT;
  await open(page, `/d/${other}/proposals/3/poster`);
  await page.getByRole('heading', { level: 1, name: t('ko', 'not_found_title') }).waitFor();
  assert.equal(await page.locator('.poster-sheet').count(), 0);
});
