// Shop-platform exports in the page, as a merchant drops them: three platforms at once give
// the CLI's numbers with each platform named and its rules stated; statuses are honoured;
// a per-order total is never a line amount; a mostly-rejected file says so above its KPIs;
// an unknown currency is never shown as ¥ and can be chosen; the mapping panel keeps its
// Analyse button on screen for a 79-column export. Fixtures: tests/fixtures/platforms
// (scripts/platform_fixtures.py).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { kpis, launch, openApp, requireBuild, ROOT, showTab, startServer, waitForResults } from './helpers.mjs';

const PLATFORMS = path.join(ROOT, 'tests', 'fixtures', 'platforms');
const CLI = process.env.PORTRAIT_BIN ?? path.join(ROOT, 'target', 'release', 'portrait');
const SHOPIFY = path.join(PLATFORMS, 'shopify_orders_export.csv');
const TAOBAO = path.join(PLATFORMS, 'ExportOrderList202403011200.csv');
const JD = path.join(PLATFORMS, 'jd_orders.csv');

let server;
let browser;
let tmp;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
  tmp = await mkdtemp(path.join(os.tmpdir(), 'portrait-platforms-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Runs `fn` on an element inside the app's open view (through the shadow roots). */
function inView(page, tag, fn, arg) {
  return page.evaluate(
    ([tag, body, arg]) => {
      const app = document.querySelector('portrait-app');
      const el = app?.shadowRoot?.querySelector(tag);
      return new Function('root', 'arg', body)(el?.shadowRoot, arg);
    },
    [tag, `return (${fn.toString()})(root, arg);`, arg],
  );
}

async function drop(page, files) {
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(files);
  await waitForResults(page, 60_000);
}

const skipNoCli = existsSync(CLI) ? false : `${path.relative(ROOT, CLI)} is missing: build it with \`make build\``;

test("three platforms' exports give the CLI's numbers, each platform named with its rules", { skip: skipNoCli }, async () => {
  const { page } = browser;
  await drop(page, [SHOPIFY, TAOBAO, JD]);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('portrait-app button[data-action="export"]').click(),
  ]);
  const pageJson = JSON.parse(await readFile(await download.path(), 'utf8'));
  const { stdout } = await promisify(execFile)(CLI, ['analyze', SHOPIFY, TAOBAO, JD, '--json']);
  assert.deepEqual(pageJson, JSON.parse(stdout), 'the page exports what the CLI prints');
  assert.deepEqual(
    pageJson.files.map((f) => f.platform?.id),
    ['shopify.orders', 'taobao.orders', 'jd.orders'],
  );
  assert.ok(pageJson.files.every((f) => f.preview.length === 0), 'no raw preview rows in an export');
  // dollars and yuan are never summed: the currency of most lines is the main one, and the
  // other is set aside with its own total
  const codes = pageJson.quality.currencies.map((c) => c.code).sort();
  assert.deepEqual(codes, ['CNY', 'USD']);
  const main = pageJson.quality.currencies.find((c) => c.main);
  assert.equal(pageJson.quality.currency.code, main.code);
  assert.equal(pageJson.quality.currencies.filter((c) => c.main).length, 1);

  await showTab(page, 'quality');
  const shown = await inView(page, 'portrait-quality', (root) => ({
    platforms: [...root.querySelectorAll('[data-testid="quality-platform"]')].map((p) => p.getAttribute('data-platform')),
    rules: root.querySelector('[data-platform="taobao.orders"] ul')?.textContent ?? '',
    leftOut: [...root.querySelectorAll('[data-left-out]')].map((g) => g.getAttribute('data-left-out')),
    stat: root.querySelector('[data-stat="rows-left-out"] .stat__value')?.textContent?.trim(),
  }));
  assert.deepEqual(shown.platforms, ['shopify.orders', 'taobao.orders', 'jd.orders']);
  assert.match(shown.rules, /what the buyer paid less shipping/);
  for (const reason of ['cancelled', 'closed', 'unpaid', 'voided', 'other_currency']) {
    assert.ok(shown.leftOut.includes(reason), `left out: ${reason} (${shown.leftOut})`);
  }
  assert.equal(Number(shown.stat.replace(/\D/g, '')), pageJson.quality.rows_left_out);
  assert.deepEqual(browser.consoleErrors, []);
});

test('a JD export with its 订单状态 honours it: cancelled orders left out, net revenue below gross', async () => {
  const { page } = browser;
  await drop(page, [JD]);
  const k = await kpis(page);
  assert.ok(!k.revenue.includes('-'), `net revenue ${k.revenue}`);
  await showTab(page, 'quality');
  const groups = await inView(page, 'portrait-quality', (root) =>
    [...root.querySelectorAll('[data-left-out]')].map((g) => g.getAttribute('data-left-out')),
  );
  assert.deepEqual(groups.sort(), ['cancelled', 'voided']);
});

test("Shopify's per-order Total is never proposed as a line amount, and Analyse stays on screen", async () => {
  const { page } = browser;
  await drop(page, [SHOPIFY]);
  await page.locator('portrait-app button[data-action="review-mapping"]').click();
  await page.waitForSelector('portrait-mapping');
  const panel = await page.evaluate(() => {
    const m = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-mapping').shadowRoot;
    const select = (header) => {
      const row = [...m.querySelectorAll('tbody tr')].find((r) => r.querySelector('th').textContent.trim() === header);
      return row?.querySelector('select')?.value;
    };
    const apply = [...m.querySelectorAll('.actions button')].at(-1).getBoundingClientRect();
    return {
      total: select('Total'),
      price: select('Lineitem price'),
      platform: m.querySelector('[data-testid="platform"] .platform__name')?.textContent?.trim(),
      applyVisible: apply.top >= 0 && apply.bottom <= window.innerHeight,
      columns: m.querySelectorAll('tbody tr').length,
    };
  });
  assert.equal(panel.columns, 79);
  assert.equal(panel.total, '', 'Total feeds no field');
  assert.equal(panel.price, 'unit_price');
  assert.match(panel.platform, /Recognised: Shopify/);
  assert.ok(panel.applyVisible, 'the Analyse button is on screen with 79 columns');
});

test('a mostly rejected file says so above its KPIs, with the main reason and a link to the quality report', async () => {
  const { page } = browser;
  const rows = ['order_id,customer_id,order_date,quantity,unit_price'];
  for (let i = 0; i < 20; i++) rows.push(`A${i},c${i % 3},${i < 3 ? '2024-03-0' + (i + 1) : 'soon'},1,9.90`);
  const file = path.join(tmp, 'mostly-bad.csv');
  await writeFile(file, rows.join('\n') + '\n');
  await drop(page, [file]);
  const warning = page.locator('portrait-app portrait-overview [data-testid="rejected-warning"]');
  await warning.waitFor();
  const text = await warning.textContent();
  assert.match(text, /85(\.0)?%/);
  assert.match(text, /order date is not a date/);
  await warning.locator('a').click();
  await page.waitForSelector('portrait-app[data-view="quality"]');
});

test('an unknown currency is never shown as ¥, and choosing one in the mapping panel applies it', async () => {
  const { page } = browser;
  // a UK shop's export whose country column is not one Portrait maps
  const rows = ['order_id,customer_id,order_date,quantity,unit_price,ship_to'];
  for (let i = 0; i < 12; i++) rows.push(`B${i},c${i % 4},2024-05-${String(i + 1).padStart(2, '0')},2,12.50,Leeds`);
  const file = path.join(tmp, 'uk-shop.csv');
  await writeFile(file, rows.join('\n') + '\n');
  await drop(page, [file]);
  let k = await kpis(page);
  assert.ok(!k.revenue.includes('¥'), `revenue ${k.revenue} is not in yuan`);
  assert.equal(k.revenue, '300.00');
  await page.locator('portrait-app button[data-action="review-mapping"]').click();
  await page.waitForSelector('portrait-mapping');
  const mapping = page.locator('portrait-app portrait-mapping');
  const select = mapping.locator('[data-testid="currency-select"]');
  await select.selectOption('GBP');
  assert.equal(await select.inputValue(), 'GBP');
  await mapping.locator('.actions button.btn--primary').click();
  // the mapping closes and the new results replace the old ones: wait for the card to change
  const changed = await page
    .waitForFunction(() => {
      const ov = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-overview');
      return ov?.shadowRoot?.querySelector('[data-kpi="revenue"] [data-testid="kpi-value"]')?.textContent?.includes('£');
    }, null, { timeout: 30_000 })
    .then(() => true, () => false);
  if (!changed) {
    // say what the page shows instead, so a failure on CI can be read without a rerun
    const seen = await page.evaluate(() => {
      const app = document.querySelector('portrait-app');
      return { state: app?.getAttribute('data-state'), view: app?.getAttribute('data-view'), text: app?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 400) };
    });
    assert.fail(`the revenue card never showed £: ${JSON.stringify({ seen, kpis: await kpis(page) })}`);
  }
  k = await kpis(page);
  assert.equal(k.revenue, '£300.00');
});

test('an unknown layout gets its obvious columns proposed by their values, and analyses once confirmed', async () => {
  const { page } = browser;
  const rows = ['Belegnr,Kunde,Datum,Artikel,Menge,Betrag'];
  for (let i = 0; i < 8; i++) rows.push(`R-${1001 + i},K${10 + (i % 3)},2024-03-0${1 + (i % 8)} 10:00,Tee,${1 + (i % 3)},${(9.9 * (1 + (i % 3))).toFixed(2)}`);
  const file = path.join(tmp, 'belege.csv');
  await writeFile(file, rows.join('\n') + '\n');
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(file);
  await page.waitForSelector('portrait-mapping');
  const mapping = page.locator('portrait-app portrait-mapping');
  await mapping.locator('[data-proposed="true"]').first().waitFor();
  const chosen = await page.evaluate(() => {
    const m = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-mapping').shadowRoot;
    return [...m.querySelectorAll('tbody tr')].map((r) => [r.querySelector('th .header-cell').textContent.trim(), r.querySelector('select').value]);
  });
  assert.deepEqual(Object.fromEntries(chosen), {
    Belegnr: 'order_id',
    Kunde: 'customer_id',
    Datum: 'order_date',
    Artikel: '',
    Menge: 'quantity',
    Betrag: 'line_amount',
  });
  await mapping.locator('.actions button.btn--primary').click();
  await waitForResults(page);
  const k = await kpis(page);
  assert.equal(k.orders, '8');
});

test('two overlapping exports count each order once', async () => {
  const { page } = browser;
  // this month's export beside a copy of it under another name: every line repeats
  const copy = path.join(tmp, 'shopify_orders_export_copy.csv');
  await writeFile(copy, await readFile(SHOPIFY));
  await drop(page, [SHOPIFY]);
  const single = await kpis(page);
  await drop(page, [SHOPIFY, copy]);
  assert.deepEqual(await kpis(page), single, 'the same KPIs as the file alone');
  await showTab(page, 'quality');
  const dup = await inView(page, 'portrait-quality', (root) =>
    root.querySelector('[data-stat="duplicates"] .stat__value')?.textContent?.trim(),
  );
  assert.ok(Number(dup.replace(/\D/g, '')) > 0, `duplicates removed: ${dup}`);
});

test('every rejected row can be downloaded as CSV with its reason', async () => {
  const { page } = browser;
  const rows = ['order_id,customer_id,order_date,quantity,unit_price'];
  for (let i = 0; i < 30; i++) rows.push(`A${i},c${i % 3},${i % 4 === 0 ? 'soon' : '2024-03-0' + (1 + (i % 9))},${i === 7 ? '=2+2' : 1},9.90`);
  const file = path.join(tmp, 'some-bad.csv');
  await writeFile(file, rows.join('\n') + '\n');
  await drop(page, [file]);
  await showTab(page, 'quality');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('portrait-app portrait-quality button[data-action="download-rejected"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'portrait-rejected-rows.csv');
  const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
  const lines = text.trim().split('\n');
  assert.equal(lines[0], 'file,line,reason,reason_text,column,value,detail');
  // 8 dates that are not dates (more than the five examples the page shows) and one quantity
  assert.equal(lines.length - 1, 9);
  assert.ok(lines.some((l) => l.includes(",'=2+2,")), 'a formula-like value is kept as text');
});
