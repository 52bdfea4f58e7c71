// The search box hands its text to the page right after the frame that painted the typed
// letter (issue 13: a keystroke renders nothing but the browser's own input). This checks what
// that must not change: every letter stays in the box, however fast it comes, and the results
// are the engine's answer for the last text. Every expected number comes from
// `tilbudsfinder query --json`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withServerAndBrowser } from '../lib/harness.mjs';
import { cliQuery, expectNoProblems, expectTotal, openSearch } from './search-lib.mjs';

const site = withServerAndBrowser();

const searchBox = (page) => page.getByRole('searchbox');

test('keys typed faster than frames all stay in the box, and the results follow the last text', async () => {
  const { page, context, problems } = await openSearch(site);
  // Every letter in one task, with no frame between them: the box hands the page only the last
  // text, after the paint, and keeps every letter.
  const typed = 'alkohol odense';
  await page.evaluate((text) => {
    const input = document.querySelector('.tf-search-input');
    for (let i = 1; i <= text.length; i += 1) {
      input.value = text.slice(0, i);
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    }
  }, typed);
  await expectTotal(page, cliQuery(['--text', typed]).total);
  assert.equal(await searchBox(page).inputValue(), typed);
  // Real keys with no delay between them.
  await searchBox(page).fill('');
  await expectTotal(page, cliQuery([]).total);
  await searchBox(page).pressSequentially('misbrug aarhus');
  await expectTotal(page, cliQuery(['--text', 'misbrug aarhus']).total);
  assert.equal(await searchBox(page).inputValue(), 'misbrug aarhus');
  // A letter typed, then the mode switched before the next frame: the page renders the box
  // again at once (a new label), and the typed text stays and is searched.
  await searchBox(page).fill('');
  await expectTotal(page, cliQuery([]).total);
  await page.evaluate(() => {
    const input = document.querySelector('.tf-search-input');
    input.value = 'aarhus';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    const families = [...document.querySelectorAll('input[type=radio]')]
      .find((radio) => [...(radio.labels ?? [])].some((label) => label.textContent.includes('Plejefamilier')));
    families.click();
  });
  await expectTotal(page, cliQuery(['--mode', 'families', '--text', 'aarhus']).total);
  assert.equal(await searchBox(page).inputValue(), 'aarhus');
  expectNoProblems(problems);
  await context.close();
});
