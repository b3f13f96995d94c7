// A workbook with two sheets: the first is read by default; the mapping panel offers the
// other sheet, re-inspects it, and the analysis then reads that sheet.
// Fixture: tests/fixtures/ingest/orders.xlsx (made by tests/fixtures/ingest/make_fixtures.py):
// sheet "Orders" has 3 data rows with Excel date cells, sheet "Serials" 2 rows whose dates are
// plain Excel serial day numbers (`portrait analyze … --sheet Serials` gives the same).
// A large workbook (written by ./workbook.mjs) is read in steps: its progress moves, and a
// cancel is acknowledged at once.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { appState, int, kpis, launch, openApp, requireBuild, ROOT, showTab, startServer, waitForResults, waitForText } from './helpers.mjs';
import { ordersWorkbook } from './workbook.mjs';

const FILE = path.join(ROOT, 'tests', 'fixtures', 'ingest', 'orders.xlsx');

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the mapping panel switches an XLSX file to another sheet', async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
  await waitForResults(page);
  await showTab(page, 'quality');
  const rowsRead = () => page.locator('portrait-quality [data-stat="rows-read"] .stat__value').textContent();
  assert.equal(int(await rowsRead()), 3, 'first sheet by default');

  await page.locator('portrait-app [data-action="review-mapping"]').click();
  const select = page.locator('portrait-mapping [data-testid="sheet-select"]');
  await select.waitFor();
  assert.deepEqual(await select.locator('option').allTextContents(), ['Orders', 'Serials']);
  await select.selectOption('Serials');
  await page.locator('portrait-mapping button.btn--primary:not([disabled])').click();
  // the chosen sheet is read: wait for its results, whichever view they open on
  await page.locator('portrait-mapping').waitFor({ state: 'detached', timeout: 60_000 });
  await waitForResults(page);
  await showTab(page, 'quality');
  await waitForText(page.locator('portrait-quality [data-stat="rows-read"] .stat__value'), '2', 60_000);
  assert.equal(int(await rowsRead()), 2, 'the chosen sheet');
  assert.match(await page.locator('portrait-quality table').first().textContent(), /serial/i);
  assert.deepEqual(consoleErrors, []);
});

/** The drop zone's progress line: rows parsed so far (null when no progress is shown). */
async function progressRows(page) {
  const text = await page
    .locator('portrait-dropzone [data-testid="progress-rows"]')
    .textContent({ timeout: 50 })
    .catch(() => null);
  const m = text?.match(/([\d,]+) rows parsed/);
  return m ? int(m[1]) : null;
}

test('a large workbook shows its progress while it is read, and a cancel is acknowledged at once', async () => {
  const { page, consoleErrors } = browser;
  const ROWS = 300_000;
  const big = { name: 'big.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: ordersWorkbook(ROWS) };
  await openApp(page, server.origin, '?sample=0');
  const start = Date.now();
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(big);
  // progress seen while the sheet is read: some rows, not yet all of them — from early on,
  // not only after the whole sheet has been taken in (which used to show "0 rows" for most
  // of the time)
  const seen = [];
  while ((await appState(page)) !== 'results') {
    const rows = await progressRows(page);
    if (rows !== null) seen.push([Date.now() - start, rows]);
    await page.waitForTimeout(20);
  }
  const end = Date.now() - start;
  const between = seen.filter(([, r]) => r > 0 && r < ROWS);
  const shown = seen.map(([t, r]) => `${t} ms: ${r}`).join(', ');
  assert.ok(new Set(between.map(([, r]) => r)).size >= 2, `progress moved while the workbook was read: ${shown}`);
  // from the first progress shown to the results, rows are counted within the first half
  const first = seen[0][0];
  assert.ok(between[0][0] - first < (end - first) / 2, `rows counted from early on (results at ${end} ms): ${shown}`);
  // the state turns to results before the overview has drawn its figures: wait for the view
  await waitForResults(page);
  const customers = (await kpis(page)).customers;
  assert.equal(customers, '997');
  await showTab(page, 'quality');
  assert.equal(int(await page.locator('portrait-quality [data-stat="rows-read"] .stat__value').textContent()), ROWS);

  // the same file again, cancelled while it is read: said at once, then the old results stay
  await page.locator('portrait-dropzone input[type=file]').setInputFiles({ ...big, name: 'again.xlsx' });
  while (!((await progressRows(page)) > 0)) await page.waitForTimeout(10);
  const cancel = page.locator('portrait-dropzone [data-testid="cancel"]');
  await cancel.click();
  await page.locator('portrait-dropzone .progress__label', { hasText: 'Cancelling…' }).waitFor({ timeout: 1_000 });
  assert.equal(await cancel.isDisabled(), true, 'a second press does nothing');
  await page.locator('portrait-app [role="status"]', { hasText: 'Cancelled' }).waitFor({ timeout: 10_000 });
  assert.equal(await appState(page), 'results');
  assert.equal((await page.locator('[data-testid="source-title"]').textContent()).trim(), 'big.xlsx');
  await showTab(page, 'overview');
  assert.equal((await kpis(page)).customers, customers);
  assert.deepEqual(consoleErrors, []);
});
