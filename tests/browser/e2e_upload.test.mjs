// Upload a small order export through the file input and check what the page shows against
// the numbers of the core — and that, once loaded, the page makes no request of any kind.
//
// Expected values for tests/fixtures/web/shop_small.csv were computed from the definitions
// in src/analysis/overview.rs and src/segment/rfm.rs by tests/fixtures/web/make_shop_small.py
// (an independent Python implementation) and agree with `portrait analyze --json` on the
// same file (e2e_cli_parity.test.mjs checks the page's JSON against the CLI byte for byte).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FIXTURES, appState, int, kpis, launch, openApp, requestsBeyondCode, requireBuild, screenshot, segmentCounts, showTab, startServer, waitForResults, waitForText } from './helpers.mjs';

const FILE = path.join(FIXTURES, 'shop_small.csv');
const XSS_ID = '<img src=x onerror=alert(1)>';

// overview of shop_small.csv: 287 rows read, 1 rejected (invalid date, line 152),
// 3 exact duplicates removed, 283 lines used; no currency found, so CNY.
const EXPECTED_KPIS = {
  customers: '55',
  orders: '137',
  revenue: '¥50,800.50', // revenue_cents 5,080,050 (gross 5,102,950, returns -22,900)
  aov: '¥372.48', // 5,102,950 / 137 = 37,247.8 cents
  repeat: '47.3%', // 26 of 55 buyers have two or more purchase orders
  items: '3.18', // 435 units / 137 orders
};
const EXPECTED_SEGMENTS = {
  champions: 7,
  loyal: 9,
  potential_loyalist: 7,
  new_customers: 1,
  promising: 1,
  need_attention: 2,
  about_to_sleep: 6,
  cannot_lose_them: 1,
  at_risk: 10,
  hibernating: 9,
  lost: 2,
};

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

test('an uploaded CSV shows the core numbers, as text, with no request after load but its own code', async () => {
  const { page, requests, consoleErrors, dialogs } = browser;
  await openApp(page, server.origin, '?sample=0');
  assert.equal(await appState(page), 'empty', 'with ?sample=0 the page starts at the empty state');

  // Before load: only same-origin requests. From now on: nothing but the app's own code
  // chunks (a view loads when first opened).
  const loadedAt = requests.length;
  for (const r of requests) {
    assert.ok(r.url.startsWith(server.origin + '/'), `request to another origin before load: ${r.url}`);
  }

  const started = Date.now();
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
  await page.waitForSelector('portrait-overview [data-kpi="customers"]', { timeout: 30_000 });
  const firstCards = Date.now() - started;
  await waitForResults(page);

  // ---- overview KPIs
  const shown = await kpis(page);
  for (const [id, value] of Object.entries(EXPECTED_KPIS)) assert.equal(shown[id], value, `KPI ${id}`);
  assert.match(shown.range, /Jan 4, 2024 – Dec 22, 2024/);
  const title = await page.locator('[data-testid="source-title"]').textContent();
  assert.equal(title.trim(), 'shop_small.csv');

  // ---- quality: the rejected line is named with file, line, column and value
  await showTab(page, 'quality');
  const group = page.locator('portrait-quality [data-reason="invalid_date"]');
  await group.waitFor();
  const groupText = await group.textContent();
  assert.match(groupText, /Order date is not a date/);
  assert.match(groupText, /shop_small\.csv/);
  assert.match(groupText, /152/);
  assert.match(groupText, /order_date/);
  assert.match(groupText, /2024-13-45 25:00:00/);
  assert.equal(int(await page.locator('portrait-quality [data-stat="duplicates"] .stat__value').textContent()), 3);
  assert.equal(int(await page.locator('portrait-quality [data-stat="rows-used"] .stat__value').textContent()), 283);

  // ---- RFM: segment counts
  await showTab(page, 'rfm');
  await page.locator('portrait-rfm [data-testid="segment-table"]').waitFor();
  const counts = await segmentCounts(page);
  assert.equal(Object.keys(counts).length, 11);
  for (const [seg, n] of Object.entries(EXPECTED_SEGMENTS)) assert.equal(int(counts[seg]), n, `segment ${seg}`);
  assert.equal(
    Object.values(counts).reduce((s, c) => s + int(c), 0),
    55,
  );

  // ---- the customer table pages, sorts and searches in the worker
  const pager = page.locator('portrait-rfm [data-testid="pager"]');
  await waitForText(pager, '1–25 of 55');
  await page.locator('portrait-rfm button[aria-label="Next page"]').click();
  await waitForText(pager, '26–50 of 55');
  const idHeader = page.locator('portrait-rfm th', { hasText: 'Customer ID' });
  await idHeader.locator('button').click();
  await page.locator('portrait-rfm th[aria-sort="ascending"]', { hasText: 'Customer ID' }).waitFor();
  await waitForText(pager, '1–25 of 55'); // sorting goes back to the first page
  const firstId = await page.locator('portrait-rfm [data-testid="customer-table"] tbody tr td .id').first().textContent();
  assert.equal(firstId, '10001', 'numeric ids sort numerically first');

  // ---- file text is text: the injection id is shown literally and creates no element
  await page.locator('portrait-rfm input[type=search]').fill('onerror');
  await waitForText(pager, '1–1 of 1');
  const idCell = page.locator('portrait-rfm [data-testid="customer-table"] tbody .id');
  assert.equal(await idCell.textContent(), XSS_ID);
  const injected = await page.evaluate(() => {
    const roots = [document];
    let imgs = 0;
    while (roots.length) {
      const root = roots.pop();
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'IMG') imgs++;
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return imgs;
  });
  assert.equal(injected, 0, 'no <img> element anywhere: the id was not parsed as HTML');

  // ---- switching language re-renders without a request
  await page.locator('portrait-app .lang button[lang="zh-CN"]').click();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.equal((await page.locator('portrait-nav a[data-view="rfm"]').textContent()).trim(), 'RFM 分群');
  assert.equal(int(await page.locator('portrait-rfm [data-segment="champions"] [data-testid="segment-count"]').textContent()), 7);
  await showTab(page, 'overview');
  assert.equal((await kpis(page)).revenue, '¥50,800.50');
  await page.locator('portrait-app .lang button[lang="en"]').click();
  await showTab(page, 'overview');
  await page.waitForTimeout(300); // let the chart settle for the screenshot
  await screenshot(page, 'e2e-upload.png');

  // ---- privacy: after load, nothing was requested but the app's own code chunks
  const afterLoad = requests.slice(loadedAt);
  assert.deepEqual(requestsBeyondCode(afterLoad, server.origin).map((r) => `${r.method} ${r.url}`), [], 'requests after load');
  assert.deepEqual(consoleErrors, [], 'console errors');
  assert.deepEqual(dialogs, [], 'dialogs (an alert would mean injected markup ran)');
  assert.ok(firstCards < 5_000, `first KPI cards after ${firstCards} ms`);
});

test('a one-day file says "1 day", and a count the file cannot give is "—", not 0', async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin, '?sample=0');
  // no product column: the number of products is unknown
  const csv = 'order_id,customer_id,order_date,quantity,unit_price\nA1,c1,2024-03-05 09:00:00,1,9.50\nA2,c2,2024-03-05 17:30:00,2,3\n';
  await page.locator('portrait-dropzone input[type=file]').setInputFiles({ name: 'one-day.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('[data-testid="source-title"]', { hasText: 'one-day.csv' }).waitFor({ timeout: 30_000 });
  await waitForResults(page);
  const range = page.locator('portrait-overview [data-kpi="range"] .kpi__sub');
  assert.equal((await range.textContent()).trim(), '1 day');
  const products = page.locator('portrait-overview .facts div', { has: page.locator('dt', { hasText: 'Products' }) }).locator('dd');
  assert.equal((await products.textContent()).trim(), '—');
  assert.deepEqual(consoleErrors, []);
});
