// The profile table (Customers › Customer profiles) as a merchant uses it: the median customer,
// a paged table sorted by a feature, the column groups, search, and the CSV download — whose
// rows and the view's JSON export equal `portrait profile FILE --csv` / `--json` of the CLI.
// Fixture: tests/fixtures/web/shop_small.csv (55 customers; see make_shop_small.py).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { FIXTURES, cli, csvRecords, int, launch, openApp, requireBuild, screenshot, showTab, skipNoCli, startServer, waitForResults } from './helpers.mjs';

const FILE = path.join(FIXTURES, 'shop_small.csv');

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** The profile table's rows on the page: {customer id: {feature: shown text}}. */
async function tableRows(page) {
  return page.evaluate(() => {
    const view = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-profiles');
    return [...view.shadowRoot.querySelectorAll('[data-testid="profile-table"] tbody tr')].map((tr) => {
      const row = { id: tr.querySelector('.id')?.textContent?.trim() };
      for (const td of tr.querySelectorAll('td[data-feature]')) row[td.getAttribute('data-feature')] = td.textContent.trim();
      return row;
    });
  });
}

test('the profile table sorts, pages, searches and downloads what the CLI writes', { skip: skipNoCli }, async () => {
  const browser = await launch({ acceptDownloads: true });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
    await waitForResults(page);
    await showTab(page, 'profiles');
    const view = page.locator('portrait-profiles');
    assert.equal(await view.locator('[data-testid="profiles-customers"]').textContent(), '55 customers');
    // the file has no category, channel or region column (a city): the page says which features are empty
    assert.match(await view.locator('[data-testid="profiles-missing"]').textContent(), /^This data has no category, channel, region, brand, or discount column: the features from it are empty\.$/);
    assert.ok((await view.locator('.median').count()) >= 5, 'the median customer is shown');

    // sorted by purchases, largest first, 25 a page
    let rows = await tableRows(page);
    assert.equal(rows.length, 25);
    const money = (s) => Number(s.replace(/[^\d.-]/g, ''));
    for (let i = 1; i < rows.length; i++) assert.ok(money(rows[i - 1].purchase_cents) >= money(rows[i].purchase_cents), `row ${i} in order`);
    assert.match(await view.locator('[data-testid="pager"]').textContent(), /^1–25 of 55$/);
    await view.getByRole('button', { name: 'Next page' }).click();
    await page.waitForFunction(() => /^26–50 of 55$/.test(document.querySelector('portrait-app').shadowRoot.querySelector('portrait-profiles').shadowRoot.querySelector('[data-testid="pager"]').textContent));

    // another column group: it opens sorted by days since the last order, smallest first
    await view.locator('button[data-group="timing"]').click();
    await page.waitForFunction(() => {
      const v = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-profiles').shadowRoot;
      return v.querySelector('th[aria-sort="ascending"]') && v.querySelector('td[data-feature="days_since_last_order"]');
    });
    rows = await tableRows(page);
    const days = rows.map((r) => int(r.days_since_last_order));
    assert.deepEqual(days, [...days].sort((a, b) => a - b));
    assert.match(page.url(), /#\/customers\/profiles\?columns=timing$/);

    // search: one customer, the same values the CLI computes
    const cliRows = csvRecords(await cli('profile', FILE, '--csv'));
    const header = cliRows[0];
    const someone = cliRows[7];
    await view.locator('#profiles-search').fill(someone[0]);
    await page.waitForFunction(
      (id) => {
        const v = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-profiles').shadowRoot;
        const ids = [...v.querySelectorAll('[data-testid="profile-table"] tbody .id')].map((e) => e.textContent.trim());
        return ids.includes(id);
      },
      someone[0],
    );
    rows = await tableRows(page);
    const shown = rows.find((r) => r.id === someone[0]);
    assert.equal(shown.purchase_days, someone[header.indexOf('purchase_days')]);
    assert.equal(shown.days_since_last_order, someone[header.indexOf('days_since_last_order')]);

    // a rule with a typo: the error names the column and marks the word; fixed, the count
    await view.locator('#profiles-search').fill('');
    const rule = view.locator('#profiles-rule');
    await rule.fill('ordres >= 2');
    const ruleError = view.locator('[data-testid="rule-error"]');
    await ruleError.waitFor();
    assert.match(await ruleError.textContent(), /column 1: unknown field "ordres" — did you mean "orders"\?/);
    assert.equal(await ruleError.locator('mark').textContent(), 'ordres');
    assert.equal(await rule.getAttribute('aria-invalid'), 'true');
    await rule.fill('orders >= 2');
    const count = view.locator('[data-testid="rule-count"]');
    await count.waitFor();
    const cliRepeat = cliRows.slice(1).filter((r) => Number(r[header.indexOf('orders')]) >= 2).length;
    assert.equal(await count.textContent(), `${cliRepeat} match the rule`);
    assert.ok(cliRepeat > 0 && cliRepeat < 55, `${cliRepeat} repeat customers`);
    await rule.fill('');
    await page.waitForFunction(() => /of 55$/.test(document.querySelector('portrait-app').shadowRoot.querySelector('portrait-profiles').shadowRoot.querySelector('[data-testid="pager"]').textContent));

    // the CSV download is the CLI's whole portrait table, with a byte-order mark for spreadsheets
    const [csv] = await Promise.all([page.waitForEvent('download'), view.locator('[data-action="download-profiles"]').click()]);
    assert.equal(csv.suggestedFilename(), 'portrait-customer-profiles.csv');
    const text = await readFile(await csv.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFF'));
    assert.equal(text.slice(1), await cli('customers', FILE, '--csv'));
    assert.equal(text.trim().split('\n').length, 56, 'a header and 55 customers');

    // a customer's portrait: opened from the table, every feature beside the median, the
    // orders the CLI's card lists, and back to the table
    const card = JSON.parse(await cli('customer_card', FILE, '--id', someone[0], '--json'));
    await view.locator('#profiles-search').fill(someone[0]);
    await view.locator(`[data-testid="profile-table"] a.id`, { hasText: someone[0] }).first().click();
    const portrait = page.locator('portrait-customer [data-testid="customer-card"]');
    await portrait.waitFor();
    assert.match(await portrait.locator('h2').textContent(), new RegExp(`Customer ${someone[0]}`));
    assert.equal(await page.locator('portrait-customer [data-testid="card-features"] tbody tr').count(), 31);
    await page.locator('portrait-customer [data-testid="card-stage"]').waitFor();
    assert.equal(await page.locator('portrait-customer [data-testid="card-orders"] li').count(), card.orders.length);
    // the card has its own address, #/customers/ID, and the address alone opens it
    assert.match(page.url(), new RegExp(`#/customers/${someone[0]}$`));
    await page.locator('portrait-customer [data-action="close-card"]').click();
    await view.locator('[data-testid="profile-table"]').waitFor();
    assert.match(page.url(), /#\/customers\/profiles/);
    await page.evaluate((id) => { location.hash = `#/customers/${id}`; }, someone[0]);
    await portrait.waitFor();
    assert.match(await portrait.locator('h2').textContent(), new RegExp(`Customer ${someone[0]}`));
    await page.locator('portrait-customer [data-action="close-card"]').click();
    await view.locator('[data-testid="profile-table"]').waitFor();
    await view.locator('#profiles-search').fill('');

    // the view's JSON export equals `portrait customers --json`
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('portrait-app button[data-action="export-view"]').click()]);
    const exported = await readFile(await json.path(), 'utf8');
    assert.equal(`${exported}\n`, await cli('customers', FILE, '--json'));
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the Chinese profile table names and defines every column', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'profiles');
    const view = page.locator('portrait-profiles');
    await view.locator('h2', { hasText: '用户画像' }).waitFor();
    // a rule in Chinese field names, with a typo, is worded in Chinese
    await view.locator('#profiles-rule').fill('订单 >= 3');
    await view.locator('[data-testid="rule-error"]', { hasText: '第 1 个字符：未知字段“订单”——您是想写“订单数”吗？' }).waitFor();
    await view.locator('#profiles-rule').fill('订单数 >= 3');
    await view.locator('[data-testid="rule-count"]', { hasText: '位客户符合规则' }).waitFor();
    await view.locator('button[data-group="preference"]').click();
    await view.locator('th', { hasText: '偏好类目' }).first().waitFor();
    assert.equal(await view.locator('th', { hasText: '偏好类目' }).first().getAttribute('title'), '购买金额最多的类目（并列时按名称取第一个）。');
    const cells = await view.locator('td[data-feature="price_band"]').allTextContents();
    assert.ok(cells.length > 0 && cells.every((c) => ['低', '中', '高', '—'].includes(c.trim())), cells.join(' '));
    await screenshot(page, 'zh-profiles.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
