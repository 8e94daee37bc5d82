// A proposal's life on its page: a moderator answers it with the official note and
// everyone reads the timeline; its author edits it until the first support, then posts
// updates, and may withdraw it. At 390x844, in both languages.
import assert from 'node:assert/strict';
import { DEMO_PASSWORD, DISTRICT, api, exact, logIn, logOut, open, reload, scenario, t, withGoals } from './support.mjs';

const MODERATOR = { email: 'moderator@example.com', password: DEMO_PASSWORD, name: '은구비서로 상인회' };

/** A new account and a proposal of its own in the demo district, through the API. */
async function authorWithProposal(title) {
  const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const user = { email: `life-${id}@example.com`, password: `pw-${id}-secret`, name: `제안자 ${id.slice(-5)}` };
  const auth = await api('/auth/register', {
    method: 'POST',
    body: { email: user.email, password: user.password, display_name: user.name },
  });
  const proposal = await api(`/districts/${DISTRICT}/proposals`, {
    method: 'POST',
    token: auth.token,
    body: { kind: 'improvement', title: `${title} ${id.slice(-4)}`, body: '골목 입구에 쉬어 갈 의자를 두면 좋겠어요.' },
  });
  return { user, token: auth.token, proposal, path: `/d/${DISTRICT}/proposals/${proposal.id}` };
}

const progress = (page, lang) => page.getByRole('region', { name: t(lang, 'life_heading') });
const badge = (page) => page.locator('article.proposal .badge-status');

for (const lang of ['ko', 'en']) {
  scenario(`a moderator accepts a proposal with a note and the resident sees the timeline (${lang})`, async (page) => {
    const { user, path } = await authorWithProposal(lang === 'ko' ? '골목 의자' : 'Alley benches');
    await logIn(page, MODERATOR, lang);
    await open(page, path);
    const life = progress(page, lang);
    await life.getByText(t(lang, 'life_empty')).waitFor();

    // Accepting without saying why is refused at the note, and nothing is sent.
    await life.getByRole('button', { name: exact(t(lang, 'move_accepted')) }).click();
    await life.getByText(t(lang, 'err_required')).waitFor();
    assert.equal(await badge(page).innerText(), t(lang, 'status_open'));
    const note = lang === 'ko' ? '상인회가 의자 네 개를 마련할게요.' : 'The association will put up four benches.';
    await life.getByLabel(t(lang, 'answer_note_label')).fill(note);
    await life.getByRole('button', { name: exact(t(lang, 'move_accepted')) }).click();
    await page.getByRole('status').filter({ hasText: t(lang, 'moved') }).waitFor({ state: 'attached' });
    await showsText(badge(page), t(lang, 'status_accepted'));
    // Accepted: what is left is to finish it.
    await life.getByRole('button', { name: exact(t(lang, 'move_done')) }).waitFor();
    assert.equal(await life.getByRole('button', { name: exact(t(lang, 'move_declined')) }).count(), 0);

    // The resident who proposed it reads the answer, with who gave it.
    await logOut(page, lang);
    await logIn(page, user, lang);
    await open(page, path);
    assert.equal(await badge(page).innerText(), t(lang, 'status_accepted'));
    const entry = progress(page, lang).getByRole('listitem').first();
    await entry.getByText(note).waitFor();
    const text = await entry.innerText();
    assert.ok(text.includes(MODERATOR.name) && text.includes(t(lang, 'role_moderator')), text);
    assert.ok(text.includes(t(lang, 'status_accepted')), text);
    // No moderator's buttons for the resident, and no withdrawing an answered proposal.
    assert.equal(await page.getByRole('button', { name: exact(t(lang, 'move_done')) }).count(), 0);
    assert.equal(await page.getByRole('button', { name: exact(t(lang, 'move_withdrawn')) }).count(), 0);
  }, { lang });
}

async function showsText(locator, text) {
  await locator.filter({ hasText: text }).waitFor();
}

scenario('the author edits before the first support and cannot after, then posts an update and withdraws', async (page, session) => {
  session.allowConsoleError(/status of 409 \(Conflict\)/);
  const { user, proposal, path } = await authorWithProposal('벤치 제안');
  await logIn(page, user);
  await open(page, path);
  const life = progress(page, 'ko');
  await life.getByRole('button', { name: exact(t('ko', 'edit_action')) }).click();
  const title = life.getByLabel(t('ko', 'field_title'));
  assert.equal(await title.inputValue(), proposal.title, 'the form starts from what it says');
  await title.fill('가');
  await life.getByRole('button', { name: exact(t('ko', 'edit_submit')) }).click();
  await life.getByText(t('ko', 'err_too_short', { limit: 2 })).waitFor();
  await title.fill('골목 입구에 벤치를 놓아요');
  await life.getByRole('button', { name: exact(t('ko', 'edit_submit')) }).click();
  await page.locator('main h1', { hasText: '골목 입구에 벤치를 놓아요' }).waitFor();

  // A neighbour supports it while the author is rewriting: the rewrite is refused, and
  // what was typed stays on screen, to be said in an update instead.
  await progress(page, 'ko').getByRole('button', { name: exact(t('ko', 'edit_action')) }).click();
  const retitled = '골목 입구에 긴 벤치 두 개를 놓아요';
  await progress(page, 'ko').getByLabel(t('ko', 'field_title')).fill(retitled);
  const neighbour = await api('/auth/register', {
    method: 'POST',
    body: { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', display_name: '옆집 이웃' },
  });
  await api(`/proposals/${proposal.id}/vote`, { method: 'PUT', token: neighbour.token });
  await progress(page, 'ko').getByRole('button', { name: exact(t('ko', 'edit_submit')) }).click();
  await progress(page, 'ko').getByText(t('ko', 'edit_too_late')).waitFor();
  assert.equal(await progress(page, 'ko').getByLabel(t('ko', 'field_title')).inputValue(), retitled);
  await reload(page);
  await page.getByRole('button', { name: exact(t('ko', 'update_action')) }).click();
  await progress(page, 'ko').getByLabel(t('ko', 'update_label')).waitFor();
  assert.equal(await page.getByRole('button', { name: exact(t('ko', 'edit_action')) }).count(), 0);
  const update = '벤치는 골목 입구 쪽 화단 옆에 두기로 했어요.';
  await page.getByLabel(t('ko', 'update_label')).fill(update);
  await page.getByRole('button', { name: exact(t('ko', 'update_submit')) }).click();
  const entry = progress(page, 'ko').getByRole('listitem').filter({ hasText: update });
  await entry.waitFor();
  assert.ok((await entry.innerText()).includes(t('ko', 'timeline_update')));
  await page.getByLabel(t('ko', 'update_label')).waitFor({ state: 'detached' });

  // Withdrawing asks first, then the badge says so and the button is gone.
  await page.getByRole('button', { name: exact(t('ko', 'move_withdrawn')) }).click();
  await page.getByText(t('ko', 'withdraw_question')).waitFor();
  await page.getByRole('button', { name: exact(t('ko', 'withdraw_yes')) }).click();
  await showsText(badge(page), t('ko', 'status_withdrawn'));
  await page.getByRole('button', { name: exact(t('ko', 'move_withdrawn')) }).waitFor({ state: 'detached' });
  await reload(page);
  assert.equal(await badge(page).innerText(), t('ko', 'status_withdrawn'));
});

scenario('a proposal shows its progress toward the district goals as bars with numbers, on its page and its card', async (page) => {
  const { proposal, path } = await authorWithProposal('골목 화분');
  await open(page, path);
  const life = progress(page, 'ko');
  // The demo district asks for 20 supports and 3 shops pledging.
  await life.getByText(`${t('ko', 'goal_supports')} 0 / 20`).waitFor();
  await life.getByText(`${t('ko', 'goal_pledges')} 0 / 3`).waitFor();
  const bars = life.locator('progress.goal-bar');
  assert.deepEqual(
    await bars.evaluateAll((all) => all.map((bar) => [bar.value, bar.max])),
    [
      [0, 20],
      [0, 3],
    ],
  );
  assert.equal(await life.locator('.badge-ready, .badge-expired').count(), 0, 'neither ready nor expired');

  // Its card in the district's list says the same in its counts, each over a bar.
  await open(page, `/d/${DISTRICT}?q=${encodeURIComponent(proposal.title)}`);
  const card = page.getByRole('listitem').filter({ hasText: proposal.title });
  await card.getByText(`${t('ko', 'support_count', { count: 0 })} / 20`).waitFor();
  await card.getByText(`${t('ko', 'pledge_count', { count: 0 })} / 3`).waitFor();
  assert.equal(await card.locator('.count-goal').count(), 2, 'a bar under each count');
  assert.equal(await card.locator('.badge-ready, .badge-expired').count(), 0);
});

scenario('a proposal that reaches its district goals says it is ready for an answer, at once and on its card (en)', async (page) => {
  // The second demo district asks for one support and no pledge for the length of this test.
  await withGoals({ support_threshold: 1, pledge_threshold: 0 }, async () => {
    const id = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const register = async (who) => {
      const user = { email: `${who}-${id}@example.com`, password: `pw-${id}-secret`, name: `${who} ${id.slice(-4)}` };
      const auth = await api('/auth/register', {
        method: 'POST',
        body: { email: user.email, password: user.password, display_name: user.name },
      });
      return { ...user, token: auth.token };
    };
    const author = await register('ready-author');
    const title = `Lantern night ${id.slice(-4)}`;
    const proposal = await api('/districts/dongmyeong/proposals', {
      method: 'POST',
      token: author.token,
      body: { kind: 'event', title, body: 'Paper lanterns along the alley for one evening.' },
    });

    // The one support it needs, given on its page: the page says so without a reload.
    await logIn(page, await register('ready-fan'), 'en');
    await open(page, `/d/dongmyeong/proposals/${proposal.id}`);
    const life = progress(page, 'en');
    await life.getByText(`${t('en', 'goal_supports')} 0 / 1`).waitFor();
    assert.equal(await life.locator('.badge-ready').count(), 0);
    await page.getByRole('main').getByRole('button', { name: new RegExp(`^\\s*${t('en', 'support')}`) }).click();
    await life.getByText(t('en', 'goals_ready')).waitFor();
    assert.equal(await life.locator('.badge-ready').innerText(), t('en', 'badge_ready'));
    await life.getByText(`${t('en', 'goal_supports')} 1 / 1`).waitFor();
    assert.equal(await life.locator('progress.goal-bar').count(), 1, 'no pledge bar when the district asks for none');

    // Its card: ready by its status, the count full, and no pledges asked for.
    await open(page, `/d/dongmyeong?q=${encodeURIComponent(title)}`);
    const card = page.getByRole('listitem').filter({ hasText: title });
    assert.equal(await card.locator('.badge-ready').innerText(), t('en', 'badge_ready'));
    await card.getByText(`${t('en', 'support_count', { count: 1 })} / 1`).waitFor();
    assert.equal(await card.locator('.count-goal.fill-10').count(), 1, 'the bar is full');
    assert.equal(await card.locator('.count-pledges').count(), 0, 'no pledges to count');
  });
}, { lang: 'en' });
