// A workbook with two sheets: the first is read by default; the mapping panel offers the
// other sheet, re-inspects it, and the analysis then reads that sheet.
// Fixture: tests/fixtures/ingest/orders.xlsx (made by tests/fixtures/ingest/make_fixtures.py):
// sheet "Orders" has 3 data rows with Excel date cells, sheet "Serials" 2 rows whose dates are
// plain Excel serial day numbers (`portrait analyze … --sheet Serials` gives the same).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { int, launch, openApp, requireBuild, ROOT, showTab, startServer, waitForResults } from './helpers.mjs';

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
  await page.waitForFunction(() => {
    const q = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-quality');
    return q?.shadowRoot?.querySelector('[data-stat="rows-read"] .stat__value')?.textContent?.trim() === '2';
  }, null, { timeout: 60_000 });
  await waitForResults(page);
  await showTab(page, 'quality');
  assert.equal(int(await rowsRead()), 2, 'the chosen sheet');
  assert.match(await page.locator('portrait-quality table').first().textContent(), /serial/i);
  assert.deepEqual(consoleErrors, []);
});
