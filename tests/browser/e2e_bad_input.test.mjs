// Bad input never freezes the page or shows a partial result silently: each case gets a
// clear message naming the file (and line and column where there is one), or lands in the
// quality report with line numbers; the page stays usable and the next good file works.
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  appState,
  FIXTURES,
  int,
  kpis,
  launch,
  openApp,
  requireBuild,
  screenshot,
  showTab,
  startServer,
  waitForResults,
} from './helpers.mjs';

let server;
let browser;
let tmp;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'portrait-bad-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });

/** Deterministic "random" bytes (xorshift), so the binary case is the same every run. */
function noise(n) {
  const out = Buffer.alloc(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

async function upload(page, files) {
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(files);
}

/** Waits for the error view and returns its text, file, line and column. */
async function errorShown(page) {
  const el = page.locator('portrait-error [role="alert"]');
  await el.waitFor({ timeout: 30_000 });
  const get = async (id) => {
    const loc = page.locator(`portrait-error [data-testid="${id}"]`);
    return (await loc.count()) ? (await loc.textContent()).trim() : null;
  };
  return { text: await el.textContent(), file: await get('error-file'), line: await get('error-line'), column: await get('error-column') };
}

async function dismissError(page) {
  await page.locator('portrait-error button', { hasText: 'Dismiss' }).click();
  await page.locator('portrait-error [role="alert"]').waitFor({ state: 'detached' });
}

test('bad files get clear messages and the next good file works', async () => {
  const { page, consoleErrors, dialogs } = browser;
  await openApp(page, server.origin, '?sample=0');

  // ---- empty file
  await upload(page, csv('empty.csv', ''));
  let e = await errorShown(page);
  assert.equal(e.file, 'empty.csv');
  assert.match(e.text, /The file is empty/);
  assert.equal(await appState(page), 'error');
  await screenshot(page, 'bad-empty.png');

  // ---- binary data
  await upload(page, { name: 'photo.csv', mimeType: 'text/csv', buffer: noise(4096) });
  e = await errorShown(page);
  assert.equal(e.file, 'photo.csv');
  assert.match(e.text, /binary data/);

  // "Try another file" keeps the page usable: the picker is still there and enabled
  assert.equal(await page.locator('portrait-dropzone button[part="button"]').isEnabled(), true);
  await dismissError(page);

  // ---- every date invalid: no usable rows, named by file, line and column
  await upload(page, csv('dates.csv', 'order_id,customer_id,order_date,quantity,unit_price\nA1,c1,yesterday,1,9.50\nA2,c2,someday,2,3\n'));
  e = await errorShown(page);
  assert.equal(e.file, 'dates.csv');
  assert.equal(e.line, '2');
  assert.equal(e.column, 'order_date');
  assert.match(e.text, /yesterday/);
  await screenshot(page, 'bad-dates.png');
  await dismissError(page);

  // ---- a single 50 MB line (no header): refused with file and line, no freeze
  const big = path.join(tmp, 'one-line.csv');
  await writeFile(big, Buffer.alloc(50_000_000, 0x61));
  await upload(page, big);
  e = await errorShown(page);
  assert.equal(e.file, 'one-line.csv');
  assert.equal(e.line, '1');
  await dismissError(page);

  // ---- no recognisable customer or date column: the mapping editor; map and analyse
  await upload(page, csv('mystery.csv', 'ref,who,when,n,p\nA1,c1,2024-01-02 10:00:00,1,9.50\nA2,c2,2024-02-03 11:00:00,2,3\nA3,c1,2024-03-04 12:00:00,1,5\n'));
  // the columns the header does not name are proposed by their values, marked as such
  await page.locator('portrait-mapping tr[data-proposed="true"]').first().waitFor({ timeout: 30_000 });
  assert.equal(await appState(page), 'mapping');
  const proposed = await page.locator('portrait-mapping tr[data-proposed="true"] th .header-cell').allTextContents();
  assert.deepEqual(proposed.map((h) => h.trim()), ['ref', 'who', 'when', 'n', 'p']);
  const apply = page.locator('portrait-mapping button', { hasText: 'Analyse with this mapping' });
  // with no proposal, a required field is missing and the panel says which
  await page.locator('portrait-mapping select[data-column="1"]').selectOption('');
  const missing = await page.locator('portrait-mapping [data-testid="mapping-missing"]').textContent();
  assert.match(missing, /Customer ID/);
  assert.equal(await apply.isEnabled(), false, 'cannot analyse before the required fields are mapped');
  await screenshot(page, 'bad-mapping.png');
  const pick = (column, field) => page.locator(`portrait-mapping select[data-column="${column}"]`).selectOption(field);
  await pick(0, 'order_id');
  await pick(1, 'customer_id');
  await pick(2, 'order_date');
  await pick(3, 'quantity');
  await pick(4, 'unit_price');
  assert.equal(await apply.isEnabled(), true);
  await apply.click();
  await waitForResults(page);
  let cards = await kpis(page);
  assert.equal(cards.customers, '2');
  assert.equal(cards.orders, '3');
  // English headers and no currency anywhere: shown as plain amounts, never a silent ¥
  assert.equal(cards.revenue, '20.50');

  // ---- ragged rows: the file is used, the quality report lists the rows by line
  await upload(
    page,
    csv(
      'ragged.csv',
      'order_id,customer_id,order_date,quantity,unit_price\nA1,c1,2024-01-02,1,9.50\nA2,c2,2024-02-03,2\nA3,c3,2024-02-04,1,2,extra\nA4,c1,2024-03-01,1,5\n',
    ),
  );
  await page.locator('[data-testid="source-title"]', { hasText: 'ragged.csv' }).waitFor({ timeout: 30_000 });
  await waitForResults(page);
  await showTab(page, 'quality');
  const ragged = page.locator('portrait-quality [data-reason="wrong_field_count"]');
  await ragged.waitFor();
  const lines = await ragged.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(lines.map(int), [3, 4]);
  assert.match(await ragged.textContent(), /ragged\.csv/);
  await screenshot(page, 'bad-ragged.png');

  // ---- ambiguous day/month order: the page asks, then analyses
  await upload(page, csv('ambiguous.csv', 'order_id,customer_id,order_date,quantity,unit_price\nA1,c1,03/04/2024,1,9.50\nA2,c2,05/06/2024,2,3\n'));
  await page.locator('portrait-mapping fieldset').waitFor({ timeout: 30_000 });
  const question = await page.locator('portrait-mapping fieldset').textContent();
  assert.match(question, /ambiguous\.csv/);
  assert.match(question, /03\/04\/2024/);
  await page.locator('portrait-mapping input[value="day_first"]').check();
  await page.locator('portrait-mapping button', { hasText: 'Analyse with this mapping' }).click();
  await page.locator('[data-testid="source-title"]', { hasText: 'ambiguous.csv' }).waitFor({ timeout: 30_000 });
  await waitForResults(page);
  await showTab(page, 'overview');
  cards = await kpis(page);
  assert.match(cards.range, /Apr 3, 2024 – Jun 5, 2024/, 'day first: 03/04 is 3 April');

  // ---- and the next good file works
  await upload(page, path.join(FIXTURES, 'shop_small.csv'));
  await page.locator('[data-testid="source-title"]', { hasText: 'shop_small.csv' }).waitFor({ timeout: 30_000 });
  await waitForResults(page);
  cards = await kpis(page);
  assert.equal(cards.customers, '55');

  // ---- the mapping can be reviewed after a successful analysis
  await page.locator('portrait-app button[data-action="review-mapping"]').click();
  await page.locator('portrait-mapping select[data-column="1"]').waitFor();
  assert.equal(await page.locator('portrait-mapping select[data-column="1"]').inputValue(), 'customer_id');
  await page.locator('portrait-mapping button', { hasText: 'Cancel' }).click();
  await waitForResults(page);

  // ---- a long analysis can be cancelled; the previous results stay
  const rows = ['order_id,customer_id,order_date,quantity,unit_price'];
  for (let i = 0; i < 600_000; i++) rows.push(`O${i},C${i % 5000},2024-0${1 + (i % 9)}-1${i % 10} 10:00:00,1,${(i % 97) + 0.5}`);
  const large = path.join(tmp, 'large.csv');
  await writeFile(large, rows.join('\n'));
  await upload(page, large);
  const cancel = page.locator('portrait-dropzone button', { hasText: 'Cancel' });
  await cancel.waitFor({ timeout: 10_000 });
  await cancel.click();
  await page.locator('portrait-app [role="status"]', { hasText: 'Cancelled' }).waitFor({ timeout: 10_000 });
  assert.equal(await appState(page), 'results');
  assert.equal((await page.locator('[data-testid="source-title"]').textContent()).trim(), 'shop_small.csv');
  assert.equal((await kpis(page)).customers, '55');

  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(dialogs, []);
});
