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
const AMAZON = path.join(PLATFORMS, 'amazon_all_orders.txt');
/** The numbers scripts/platform_fixtures.py computed for each export, independently of Portrait. */
const EXPECTED = JSON.parse(await readFile(path.join(PLATFORMS, 'expected.json'), 'utf8'));
const expected = (platform) => EXPECTED.find((e) => e.platform === platform);

/** The page's "Export JSON" (the report `portrait report --json` prints). */
async function exportedReport(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('portrait-app button[data-action="export"]').click()]);
  return JSON.parse(await readFile(await download.path(), 'utf8'));
}

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
  const pageJson = await exportedReport(page);
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
  // most lines are Shopify's dollars: the figures are Shopify's alone, as the fixture script
  // computed them, and Taobao's and JD's yuan are set aside with their own total
  assert.equal(main.code, 'USD');
  const shopify = expected('shopify.orders');
  const o = pageJson.overview;
  assert.deepEqual(
    [o.orders, o.customers, o.gross_sales_cents, o.returns_cents, o.revenue_cents],
    [shopify.orders, shopify.customers, shopify.gross_sales_cents, shopify.returns_cents, shopify.revenue_cents],
  );
  const yuan = pageJson.quality.currencies.find((c) => c.code === 'CNY');
  assert.ok(yuan && !yuan.main && yuan.lines > 0, `the yuan lines are set aside: ${JSON.stringify(yuan)}`);

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
  const want = expected('jd.orders');
  assert.equal(k.revenue, `¥${(want.revenue_cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
  assert.equal(k.orders, String(want.orders));
  const { overview } = await exportedReport(page);
  assert.equal(overview.revenue_cents, want.revenue_cents);
  assert.equal(overview.gross_sales_cents, want.gross_sales_cents);
  assert.ok(overview.revenue_cents <= overview.gross_sales_cents, 'net revenue is never above gross sales');
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
  // the guess is shown with its evidence before it is changed
  const basis = (await mapping.locator('[data-testid="currency-basis"]').textContent()).trim();
  assert.ok(basis.length > 10, `the currency guess says why: "${basis}"`);
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

test('two exports with different lines for one order id: the later lines are set aside and reported, never added', async () => {
  const { page } = browser;
  const head = 'order_id,customer_id,order_date,quantity,unit_price,product_id';
  const first = path.join(tmp, 'march.csv');
  const second = path.join(tmp, 'march-again.csv');
  await writeFile(first, `${head}\nO1,c1,2024-03-01 10:00:00,1,20.00,P1\nO2,c2,2024-03-02 10:00:00,2,5.00,P2\n`);
  // O2 again with another line (a re-export after an edit), and a new order O3
  await writeFile(second, `${head}\nO2,c2,2024-03-02 10:00:00,3,5.00,P3\nO3,c3,2024-03-04 10:00:00,1,7.50,P1\n`);
  await drop(page, [first, second]);
  const k = await kpis(page);
  assert.equal(k.orders, '3');
  assert.equal(k.revenue, '37.50', 'O2 counted once, from the first file (no currency is named)');
  await showTab(page, 'quality');
  const group = page.locator('portrait-app portrait-quality [data-left-out="conflicting_order"]');
  await group.waitFor();
  assert.match(await group.textContent(), /O2/);
  assert.deepEqual(browser.consoleErrors, []);
});

test('the mapping panel: mapped rows stand out, the platform can be turned off, the day/month answer changed later', async () => {
  const { page } = browser;
  await drop(page, [TAOBAO]);
  const before = await kpis(page);
  assert.equal(before.orders, String(expected('taobao.orders').orders));
  await page.locator('portrait-app button[data-action="review-mapping"]').click();
  await page.waitForSelector('portrait-mapping');
  const rows = await page.evaluate(() => {
    const m = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-mapping').shadowRoot;
    const look = (r) => {
      const cs = getComputedStyle(r.querySelector('th'));
      return `${cs.backgroundColor}|${cs.fontWeight}|${getComputedStyle(r).backgroundColor}`;
    };
    const all = [...m.querySelectorAll('tbody tr')];
    return { mapped: [...new Set(all.filter((r) => r.classList.contains('assigned')).map(look))], other: [...new Set(all.filter((r) => !r.classList.contains('assigned')).map(look))], count: all.filter((r) => r.classList.contains('assigned')).length };
  });
  assert.ok(rows.count >= 5, `mapped rows: ${rows.count}`);
  assert.equal(rows.mapped.length, 1, 'every mapped row looks the same');
  assert.ok(!rows.other.includes(rows.mapped[0]), `a mapped row looks unlike the others (${rows.mapped[0]} vs ${rows.other})`);
  // without its platform profile, Taobao's closed and unpaid orders are no longer left out
  const mapping = page.locator('portrait-app portrait-mapping');
  await mapping.locator('[data-testid="platform-select"]').selectOption('none');
  await mapping.locator('.actions button.btn--primary').click();
  await page.waitForFunction(
    (orders) => document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-overview')?.shadowRoot?.querySelector('[data-kpi="orders"] [data-testid="kpi-value"]')?.textContent?.trim() !== orders,
    before.orders,
    { timeout: 30_000 },
  );
  assert.ok(Number((await kpis(page)).orders) > Number(before.orders), 'more orders without the platform rules');

  // a day/month answer given once can be changed in the panel later
  const ambiguous = path.join(tmp, 'ambiguous.csv');
  await writeFile(ambiguous, 'order_id,customer_id,order_date,quantity,unit_price\nA1,c1,03/04/2024,1,9.50\nA2,c2,05/06/2024,2,3\n');
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(ambiguous);
  await page.locator('portrait-mapping fieldset').waitFor({ timeout: 30_000 });
  await page.locator('portrait-mapping input[value="day_first"]').check();
  await page.locator('portrait-mapping .actions button.btn--primary').click();
  await waitForResults(page);
  assert.match((await kpis(page)).range, /Apr 3, 2024 – Jun 5, 2024/);
  await page.locator('portrait-app button[data-action="review-mapping"]').click();
  await page.locator('portrait-mapping fieldset').waitFor();
  assert.ok(await page.locator('portrait-mapping input[value="day_first"]').isChecked(), 'the panel shows the answer given');
  await page.locator('portrait-mapping input[value="month_first"]').check();
  await page.locator('portrait-mapping .actions button.btn--primary').click();
  await page.waitForFunction(
    () => /Mar 4, 2024/.test(document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-overview')?.shadowRoot?.querySelector('[data-kpi="range"] [data-testid="kpi-value"]')?.textContent ?? ''),
    null,
    { timeout: 30_000 },
  );
  assert.match((await kpis(page)).range, /Mar 4, 2024 – May 6, 2024/, 'month first: 03/04 is 4 March');
  assert.deepEqual(browser.consoleErrors, []);
});

test('an export with no buyer is read for shop totals, and the page says which views need a buyer id and how to get one', async () => {
  const { page } = browser;
  await drop(page, [AMAZON]);
  const want = expected('amazon.all_orders');
  const { overview } = await exportedReport(page);
  assert.deepEqual([overview.orders, overview.revenue_cents, overview.customers], [want.orders, want.revenue_cents, 0]);
  const note = page.locator('portrait-app portrait-overview [data-testid="no-buyer-note"]');
  await note.waitFor();
  const text = await note.textContent();
  assert.match(text, /amazon_all_orders\.txt/);
  assert.match(text, /RFM/);
  assert.match(text, /buyer/);
  assert.deepEqual(browser.consoleErrors, []);
});
