// Becoming a merchant: a user claims a shop, the district's moderator confirms it on
// /manage with a note, and the claimant sees the answer. In both languages.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, DISTRICT, logIn, logOut, open, scenario, signUp, t } from './support.mjs';

const MODERATOR = { email: 'moderator@example.com', password: DEMO_PASSWORD, name: '은구비서로 상인회' };

// [language, shop id, its registered name, which the form shows in either language]
for (const [lang, shop, name] of [
  ['ko', 2, '맹꽁이 치킨'],
  ['en', 5, '골목 꽃집'],
]) {
  scenario(`a user claims a listed shop and the moderator confirms it (${lang})`, async (page) => {
    const claimant = await signUp(page, lang);
    await open(page, `/d/${DISTRICT}/shops/${shop}`);
    await page.getByRole('link', { name: t(lang, 'claim_link') }).click();
    await page.locator('main h1', { hasText: t(lang, 'claim_title') }).waitFor();
    const shopName = page.getByLabel(t(lang, 'field_shop_name'));
    await page.waitForFunction((want) => document.getElementById('name')?.value === want, name);
    await shopName.waitFor();

    // A number that is not one is refused where it was typed, and nothing is lost.
    const number = page.getByLabel(t(lang, 'field_business_number'));
    await number.fill('12-34');
    await page.getByLabel(t(lang, 'field_note')).fill(lang === 'ko' ? '20년째 제가 튀기고 있어요.' : 'I have run it for years.');
    await page.getByRole('button', { name: t(lang, 'claim_submit') }).click();
    await page.getByText(t(lang, 'err_invalid_business_number')).waitFor();
    assert.equal(await number.getAttribute('aria-invalid'), 'true');
    await number.fill('123-45-67890');
    await page.getByRole('button', { name: t(lang, 'claim_submit') }).click();

    // On to /manage, where the claim waits.
    await page.waitForURL('**/manage');
    const mine = page.getByRole('region', { name: t(lang, 'my_claims_heading') });
    const card = mine.getByRole('listitem').filter({ hasText: name });
    await card.getByText(t(lang, 'claim_status_pending')).waitFor();

    // The moderator decides: a decline needs a note, a confirmation takes one.
    await logOut(page, lang);
    await logIn(page, MODERATOR, lang);
    await open(page, '/manage');
    const console = page.getByRole('region', { name: new RegExp(t(lang, 'console_label', { district: '.+' })) });
    await console.getByRole('tab', { name: new RegExp(t(lang, 'tab_claims')) }).waitFor();
    const claim = console.getByRole('listitem').filter({ hasText: claimant.name });
    await claim.getByText('123-45-67890').waitFor();
    await claim.getByRole('button', { name: t(lang, 'reject_action') }).click();
    await claim.getByText(t(lang, 'err_required')).waitFor();
    await claim.getByLabel(t(lang, 'field_decision_note')).fill(lang === 'ko' ? '상인회 명부와 같아요. 반가워요!' : 'Matches our register. Welcome!');
    await claim.getByRole('button', { name: t(lang, 'verify_action') }).click();
    await page.getByRole('status').filter({ hasText: t(lang, 'claim_verified') }).waitFor({ state: 'attached' });
    await claim.waitFor({ state: 'detached' });

    // The claimant reads the answer, and the shop shows as confirmed.
    await logOut(page, lang);
    await logIn(page, claimant, lang);
    await open(page, '/manage');
    const decided = page.getByRole('region', { name: t(lang, 'my_claims_heading') }).getByRole('listitem').filter({ hasText: name });
    await decided.getByText(t(lang, 'claim_status_verified')).waitFor();
    assert.ok((await decided.innerText()).includes(lang === 'ko' ? '상인회 명부와 같아요' : 'Matches our register'));
    await decided.getByRole('link', { name }).click();
    await page.getByText(t(lang, 'shop_verified')).waitFor();
  }, { lang });
}

scenario('a visitor is asked to log in before claiming, and before managing', async (page) => {
  await open(page, `/d/${DISTRICT}/claim`);
  await page.getByText(t('ko', 'claim_login')).waitFor();
  await open(page, '/manage');
  await page.getByText(t('ko', 'manage_login')).waitFor();
});
