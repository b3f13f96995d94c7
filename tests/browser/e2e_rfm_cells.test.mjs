// The RFM view as a new user tries it: clicking an R × F cell lists that cell's customers
// (not its whole segment) and brings the list into view; the selection downloads as CSV
// with the same count; a search that matches nobody says so instead of "0–0 of 0"; the
// pager jumps to a page.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { csvRecords, int, launch, openApp, requireBuild, showTab, startServer, waitForResults } from './helpers.mjs';

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch({ locale: 'en-US', acceptDownloads: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an R × F cell selects its customers, downloads them, and the pager says when none match', async () => {
  const { page } = browser;
  await openApp(page, server.origin);
  await waitForResults(page, 90_000);
  await showTab(page, 'rfm');
  const rfm = page.locator('portrait-rfm');
  await rfm.locator('[data-testid="segment-table"]').waitFor();
  // the busiest cell of the grid
  const cells = rfm.locator('.rf tbody button');
  const counts = await cells.evaluateAll((bs) => bs.map((b) => Number(b.textContent.replace(/[^\d]/g, ''))));
  const at = counts.indexOf(Math.max(...counts));
  const expected = counts[at];
  await cells.nth(at).click();
  await rfm.locator('[data-testid="cell-chip"]').waitFor();
  const pager = rfm.locator('[data-testid="pager"]');
  const shown = async () => int((await pager.textContent()).split('of').pop());
  for (let i = 0; i < 100 && (await shown()) !== expected; i++) await page.waitForTimeout(200);
  const total = int((await pager.textContent()).split('of').pop());
  assert.equal(total, expected, `the list holds the cell's ${expected} customers`);
  assert.equal(await cells.nth(at).getAttribute('aria-pressed'), 'true');
  // the list was brought into view
  const inView = await rfm.locator('[part="customers"]').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  });
  assert.ok(inView, 'the customer list scrolled into view');

  const [download] = await Promise.all([page.waitForEvent('download'), rfm.locator('[data-testid="download-selection-csv"]').click()]);
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const rows = csvRecords(text);
  assert.match(rows[0][0], /^Audience: rfm\.r_score == \d+ and rfm\.f_score == \d+ · /);
  assert.equal(rows[1][0], 'customer_id');
  assert.equal(rows.length - 2, expected, 'the download holds the cell\'s customers');

  // the pager jumps to a page when there are several
  if (expected > 25) {
    await rfm.locator('[data-testid="page-jump"]').fill('2');
    await rfm.locator('[data-testid="page-jump"]').press('Enter');
    await page.waitForTimeout(300);
    assert.match(await pager.textContent(), /^26–/);
  }
  // nobody matches: said in words
  await rfm.locator('#rfm-search').fill('no-such-customer-zzz');
  await page.waitForTimeout(600);
  assert.equal((await pager.textContent()).trim(), 'No customer matches.');
});
