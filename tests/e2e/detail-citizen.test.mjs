// The detail view as a citizen reads it (issue 15, item 1): what and for whom, address with a
// plain map link, contact lines on the first screen of a phone, free places without a false
// "full", "gratis"/"anonym" for free treatment, distances that say from where, the
// organisation's identifiers last; no element wider than the screen, axe-core clean.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS, withServerAndBrowser } from '../lib/harness.mjs';
import {
  cliQuery, expectFitsViewport, expectNoProblems, finishPage, openSearch, screenshot,
} from './search-lib.mjs';

const site = withServerAndBrowser();

/** Asserts that `locator` is on the screen without scrolling (waiting for scrolling to settle). */
async function expectOnFirstScreen(page, locator, what) {
  await page.waitForFunction((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, await locator.elementHandle(), { timeout: 5000 }).catch(() => {});
  const { top, bottom } = await locator.evaluate((el) => el.getBoundingClientRect().toJSON());
  const height = await page.evaluate(() => window.innerHeight);
  assert.ok(top >= 0 && bottom <= height, `${what} is at ${top}..${bottom}px, outside the first ${height}px`);
}

for (const viewport of [{ width: 375, height: 667 }, { width: 1280, height: 900 }]) {
  test(`anonymous treatment near Odense at ${viewport.width} px: contact first, free and anonymous, no false "full"`, async () => {
    // The nearest anonymous outpatient drug treatment (SEL § 101 a) to Odense, by the engine.
    const answer = cliQuery(['--filter', 'basis=sel_101a', '--near', 'Odense', '--sort', 'distance']);
    assert.ok(answer.hits.length > 0, 'the sample has § 101 a offers');
    const id = answer.hits[0];
    const { page, context, problems } = await openSearch(
      site, `?near=Odense&rec=${encodeURIComponent(id)}`, { viewport },
    );
    const detail = page.locator('.tf-detail');
    await detail.locator('.tf-detail-section').first().waitFor();
    const text = await detail.textContent();

    // What it is, for whom, free and anonymous instead of a rate as the citizen's price.
    assert.match(text, /Anonym ambulant stofmisbrugsbehandling/);
    assert.match(text, /For hvem/);
    assert.match(text, /Pris for borgeren\s*Gratis og anonymt/);
    assert.match(text, /Takster \(betales af kommunen\)|Ingen takst/);
    // It reports no free places and is not called full.
    assert.doesNotMatch(text, /Ingen ledige pladser/);
    assert.match(text, /Melder ikke ledige pladser: henvend dig direkte/);
    // The distance says from where; the address has a plain map link (no script from elsewhere).
    assert.match(text, /\d+(,\d)? km fra Odense/);
    const map = detail.getByRole('link', { name: 'Vis på kort (OpenStreetMap)' }).first();
    assert.match(await map.getAttribute('href'), /^https:\/\/www\.openstreetmap\.org\/\?mlat=\d+\.\d+&mlon=\d+\.\d+#map=17\//);

    // Order: contact before places, places before prices, supervision, then the identifiers.
    const headings = await detail.locator('.tf-detail-section > :is(h2,h3,h4,h5,h6)').allTextContents();
    assert.deepEqual(headings.map((h) => h.trim()), [
      'Kontakt', 'Pladser', 'Om tilbuddet', 'Indsatser', 'Faglig tilgang', 'Tilsyn og godkendelse',
      'Organisation', 'Senest opdateret',
    ]);
    assert.ok(text.indexOf('Telefon') < text.indexOf('CVR-nummer'), 'contact before CVR');

    // The detail opens at its top, and that first screen shows how to get in touch.
    const email = detail.locator('.tf-detail-section').first().locator('.tf-row').filter({ hasText: 'E-mail' });
    await expectOnFirstScreen(page, email, 'the e-mail line');

    await expectFitsViewport(page);
    await finishPage({ page, context, problems }, `citizen detail at ${viewport.width} px`, `detail-citizen-${viewport.width}`);
  });
}

test('on a phone, a detail opened from its card shows the contact lines on the first screen', async () => {
  const viewport = { width: 375, height: 667 };
  const { page, context, problems } = await openSearch(site, '?near=Odense&f=basis%3Asul_141', { viewport });
  // Scrolled down to the card, as a user is who opens one.
  const card = page.locator('.tf-result-area .tf-card').nth(2);
  await card.scrollIntoViewIfNeeded();
  await card.getByRole('button', { name: /^Vis detaljer/ }).click();
  const detail = page.locator('.tf-detail');
  const phone = detail.locator('.tf-detail-section').first().locator('.tf-row').filter({ hasText: 'Telefon' });
  await phone.waitFor();
  // What the phone shows (not the full page): looked at when this was made.
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'detail-citizen-375-first-screen.png') });
  await expectOnFirstScreen(page, phone, 'the phone line');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('tf-detail-title')), true);
  expectNoProblems(problems);
  await context.close();
});

test('result cards say the distance from the place given and "gratis" for free treatment', async () => {
  const { page, context, problems } = await openSearch(site, '?near=Odense&f=basis%3Asul_141&sort=distance');
  const cards = page.locator('.tf-result-area .tf-card');
  await cards.first().waitFor();
  const first = await cards.first().textContent();
  assert.match(first, /km fra Odense/);
  assert.doesNotMatch(first, /herfra/);
  assert.match(first, /Gratis/);
  assert.match(first, /Kommunens takst: |Ingen takst oplyst/);
  expectNoProblems(problems);
  await context.close();
});
