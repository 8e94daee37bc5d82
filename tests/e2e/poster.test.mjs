// Posters (issue 9): a proposal, a shop and the district each have a sheet to print, with
// a QR code that opens them. The code is read back the way a phone would read it (from the
// pixels on screen, `readQrCode`); the sheet prints as one page of its paper, A4 or an A6
// counter card; and the longest title and text a proposal can have leave the code whole.
import assert from 'node:assert/strict';

import { BASE_URL, DISTRICT, DISTRICT_NAME, api, exact, open, readQrCode, ready, scenario, t } from './support.mjs';

const code = (page) => readQrCode(page.locator('.poster-code img.qr'));

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

/** Prints the sheet on `paper` ('a4' or 'card') and checks it is one page of that paper. */
async function printsOn(page, lang, paper) {
  const label = t(lang, paper === 'a4' ? 'poster_sheet_a4' : 'poster_sheet_card');
  await page.getByLabel(t(lang, 'poster_sheet'), { exact: true }).selectOption({ label });
  const sheet = await printed(page);
  assert.equal(sheet.pages, 1, `one page of ${paper}`);
  const [width, height] = paper === 'a4' ? [210, 297] : [105, 148];
  assert.ok(near(sheet.width, width) && near(sheet.height, height), `${paper}: ${sheet.width} x ${sheet.height} pt`);
}

/** Every part of the sheet lies inside it: nothing is cut off by its edge. */
async function allInside(page) {
  const sheet = await page.locator('.poster-sheet').boundingBox();
  for (const part of ['.poster-title', '.poster-call', '.poster-code img.qr', '.poster-url', '.poster-brand']) {
    const box = await page.locator(`.poster-sheet ${part}`).boundingBox();
    assert.ok(box.y >= sheet.y && box.y + box.height <= sheet.y + sheet.height + 0.5, `${part} inside the sheet`);
  }
}

scenario('a proposal poster: reached from the proposal, its code opens the proposal, printed on one A4 page or one A6 card', async (page) => {
  const proposal = await api('/proposals/3');
  await open(page, `/d/${DISTRICT}/proposals/3`);
  await page.getByRole('link', { name: exact(t('ko', 'poster_action')) }).click();
  await ready(page);
  assert.equal(new URL(page.url()).pathname, `/d/${DISTRICT}/proposals/3/poster`);
  await page.getByRole('heading', { level: 1, name: t('ko', 'poster_title') }).waitFor();
  const sheet = page.locator('.poster-sheet');
  assert.equal((await sheet.getByRole('heading', { level: 2 }).innerText()).trim(), proposal.title);
  assert.match(await sheet.innerText(), new RegExp(t('ko', 'poster_proposal_call').replace(/[.]/g, '\\.')));
  assert.equal(await sheet.getByRole('img', { name: t('ko', 'poster_qr_alt') }).count(), 1, 'the code says what it is');
  assert.equal(await code(page), `${BASE_URL}/d/${DISTRICT}/proposals/3`);
  await printsOn(page, 'ko', 'a4');
  await printsOn(page, 'ko', 'card');
  assert.equal(await code(page), `${BASE_URL}/d/${DISTRICT}/proposals/3`, 'the card reads too');
});

scenario('a shop poster and the district poster, in English, each printed on both papers', async (page) => {
  const shop = await api('/shops/1');
  await open(page, `/d/${shop.district_slug}/shops/${shop.id}`);
  await page.getByRole('link', { name: exact(t('en', 'poster_action')) }).click();
  await ready(page);
  const sheet = page.locator('.poster-sheet');
  assert.equal((await sheet.getByRole('heading', { level: 2 }).innerText()).trim(), shop.name_en.trim() || shop.name);
  assert.match(await sheet.innerText(), new RegExp(t('en', 'poster_shop_call').replace(/[.]/g, '\\.')));
  assert.equal(await code(page), `${BASE_URL}/d/${shop.district_slug}/shops/${shop.id}`);
  await printsOn(page, 'en', 'card');
  await printsOn(page, 'en', 'a4');

  // The district's: from "Put this on your website".
  await open(page, `/d/${DISTRICT}/embed`);
  await page.getByRole('heading', { level: 2, name: t('en', 'poster_section') }).waitFor();
  await page.getByRole('link', { name: exact(t('en', 'poster_action')) }).click();
  await ready(page);
  assert.equal((await sheet.getByRole('heading', { level: 2 }).innerText()).trim(), DISTRICT_NAME.en);
  assert.match(await sheet.innerText(), new RegExp(t('en', 'poster_district_call').replace(/[.]/g, '\\.')));
  assert.equal(await code(page), `${BASE_URL}/d/${DISTRICT}`);
  await printsOn(page, 'en', 'a4');
  await printsOn(page, 'en', 'card');
}, { lang: 'en' });

scenario('the longest title and text a proposal can have leave the code whole on both papers', async (page) => {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const author = await api('/auth/register', {
    method: 'POST',
    body: { email: `poster-${id}@example.com`, password: `pw-${id}-secret`, display_name: `포스터 ${id.slice(-4)}` },
  });
  // 80 characters of title, the most there can be, in words that wrap late.
  const title = `골목입구안내판을새로만들고가게이름을모두적어주세요 ${'한글로된아주긴제목입니다'.repeat(5)}`.slice(0, 80);
  const proposal = await api(`/districts/${DISTRICT}/proposals`, {
    method: 'POST',
    token: author.token,
    body: { kind: 'improvement', title, body: '골목 입구에 안내판이 없어서 처음 오는 손님들이 길을 잃어요. '.repeat(30) },
  });
  await open(page, `/d/${DISTRICT}/proposals/${proposal.id}/poster`);
  await page.locator('.poster-code img.qr').waitFor();
  const text = await page.locator('.poster-text').innerText();
  assert.ok(text.endsWith('…'), `the text is cut: ${text}`);
  await allInside(page);
  assert.equal(await code(page), `${BASE_URL}/d/${DISTRICT}/proposals/${proposal.id}`);
  await printsOn(page, 'ko', 'card');
  await allInside(page);
  assert.equal(await code(page), `${BASE_URL}/d/${DISTRICT}/proposals/${proposal.id}`);
});

scenario('a poster of a proposal under another district\'s address is not found', async (page) => {
  const proposal = await api('/proposals/3');
  const other = proposal.district_slug === DISTRICT ? 'dongmyeong' : DISTRICT;
  await open(page, `/d/${other}/proposals/3/poster`);
  await page.getByRole('heading', { level: 1, name: t('ko', 'not_found_title') }).waitFor();
  assert.equal(await page.locator('.poster-sheet').count(), 0);
});
