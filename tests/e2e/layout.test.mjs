// Small phones: at 360 px no page scrolls sideways, in either language, logged in or not.
import assert from 'node:assert/strict';
import { DISTRICT, open, scenario, signUp, t } from './support.mjs';

const NARROW = { width: 360, height: 740 };
const PAGES = [
  '/',
  `/d/${DISTRICT}`,
  `/d/${DISTRICT}/proposals/2`,
  `/d/${DISTRICT}/proposals/6`,
  `/d/${DISTRICT}/proposals/new`,
  `/d/${DISTRICT}/shops/1/poster`,
  '/login',
  '/register',
  '/nope',
];

async function overflow(page) {
  return page.evaluate(() => {
    const root = document.scrollingElement;
    const wide = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 1)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, wide };
  });
}

for (const lang of ['ko', 'en']) {
  scenario(`no horizontal scrolling at 360 px (${lang})`, async (page) => {
    const problems = [];
    const sweep = async (who) => {
      for (const path of PAGES) {
        await open(page, `${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        const o = await overflow(page);
        if (o.scrollWidth > o.clientWidth) problems.push(`${who} ${path}: scrollWidth ${o.scrollWidth} > ${o.clientWidth}; ${o.wide.join(', ')}`);
      }
    };
    await sweep('logged out');
    await signUp(page, lang);
    await sweep('logged in');
    // A form with all its errors showing is the widest it gets.
    await open(page, `/d/${DISTRICT}/proposals/new?lang=${lang}`);
    await page.getByRole('button', { name: t(lang, 'publish'), exact: true }).click();
    await page.locator('[aria-invalid="true"]').first().waitFor();
    const o = await overflow(page);
    if (o.scrollWidth > o.clientWidth) problems.push(`new proposal with errors: ${o.scrollWidth} > ${o.clientWidth}; ${o.wide.join(', ')}`);
    assert.deepEqual(problems, []);
  }, { lang, context: { viewport: NARROW } });
}
