// Personal recommendations as a merchant uses them on the sample shop: the evaluation table of
// every method with the best marked (the CLI's numbers), switching to another method, the
// lists of an audience downloaded (the CLI's CSV, byte for byte), an in-stock file, and a
// customer's list on their card.
import assert from 'node:assert/strict';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, csvRecords, launch, openApp, requireBuild, ROOT, screenshot, showTab, skipNoCli, startServer, waitForResults } from './helpers.mjs';

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

const METHOD_LABELS = { popular: 'Popular', trending: 'Trending', itemcf: 'Item-based CF', als: 'ALS (matrix factorisation)', content: 'Content (names, categories)', hybrid: 'Hybrid blend' };

test('recommendations on the sample shop: the evaluation table, another method, an audience\'s lists downloaded, the customer card', { skip: skipNoCli }, async () => {
  const browser = await launch({ locale: 'en-US', acceptDownloads: true });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'recommendations');
    const view = page.locator('portrait-recommendations');
    await view.locator('[data-testid="evaluation-table"]').waitFor({ timeout: 120_000 });

    // the page's sample shop is four files: the orders, the customers, the events and the
    // product catalogue (whose tags the content method reads)
    const dir = path.join(ROOT, 'target', 'e2e-recs');
    await mkdir(dir, { recursive: true });
    const files = ['sample-shop.csv', 'sample-customers.csv', 'sample-events.csv', 'sample-products.csv'].map((f) => path.join(dir, f));
    await cli('sample', '--out', files[0], '--customers', files[1], '--events', files[2], '--products', files[3]);
    const sample = files;
    const reference = JSON.parse(await cli('recommend', ...sample, '--evaluate', '--json'));
    const e = reference.evaluation;
    assert.ok(e.customers > 100, `${e.customers} customers measured`);

    // one row per method in the CLI's order, the best of each column marked as the CLI says
    const rows = view.locator('[data-testid="evaluation-table"] tbody tr');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.method)), e.methods.map((m) => m.method));
    const measures = ['precision', 'recall', 'map', 'ndcg', 'hit_rate', 'coverage', 'novelty', 'diversity'];
    const fixed = (style, digits) => new Intl.NumberFormat('en-US', { style, minimumFractionDigits: digits, maximumFractionDigits: digits });
    for (const [i, m] of e.methods.entries()) {
      const cells = await rows.nth(i).locator('td.num').allTextContents();
      assert.equal(cells.length, measures.length);
      for (const [j, name] of measures.entries()) {
        const v = m.measures[name];
        const shown = name === 'novelty' ? fixed('decimal', 2).format(v) : fixed('percent', 1).format(v);
        assert.ok(cells[j].startsWith(shown), `${m.method} ${name}: ${cells[j]} vs ${shown}`);
        assert.equal(cells[j].includes('★'), e.best[name] === m.method, `${m.method} ${name} best mark`);
      }
    }
    assert.equal(await rows.first().locator('th').textContent(), METHOD_LABELS[e.methods[0].method]);
    // every measure is defined on the page
    await view.locator('details.measures summary').click();
    assert.equal(await view.locator('details.measures li').count(), measures.length);
    // the first lists are the CLI's
    const firstList = await view.locator('[data-testid="lists-table"] tbody tr').first().locator('ol.recs li').allTextContents();
    assert.deepEqual(firstList, reference.preview[0].items.map((r) => reference.names[r.product] ?? r.product));
    await screenshot(page, 'sample-recommendations.png');

    // the merchant picks ALS from the table: the lists change to ALS's
    await view.locator('[data-testid="use-als"]').click();
    await page.waitForFunction(() => {
      const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-recommendations');
      return v?.shadowRoot?.querySelector('tr.current')?.getAttribute('data-method') === 'als' && !v.shadowRoot.querySelector('[data-testid="progress"]');
    }, null, { timeout: 120_000 });
    assert.equal(await view.locator('[data-testid="method"]').inputValue(), 'als');

    // lists for an audience, downloaded: the CLI's CSV of the same rule, byte for byte
    const where = 'rfm.segment == "champions"';
    await view.locator('[data-testid="audience"]').selectOption('*rule');
    await view.locator('[data-testid="rule"]').fill(where);
    await view.locator('[data-testid="rule"]').dispatchEvent('change');
    await view.locator('[data-testid="method"]').selectOption('itemcf');
    await view.locator('[data-testid="run"]').click();
    await page.waitForFunction(() => {
      const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-recommendations');
      return /of rfm\.segment/.test(v?.shadowRoot?.querySelector('[data-testid="recs-summary"]')?.textContent ?? '') && !v.shadowRoot.querySelector('[data-testid="progress"]');
    }, null, { timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), view.locator('[data-testid="download-csv"]').click()]);
    const downloaded = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const out = path.join(ROOT, 'target', 'e2e-recommendations.csv');
    await cli('recommend', ...sample, '--where', where, '--out', out);
    assert.equal(downloaded, await readFile(out, 'utf8'));
    const lists = csvRecords(downloaded).filter((r) => r.length > 1);
    const audience = JSON.parse(await cli('audience', ...sample, '--where', where, '--json'));
    const customers = new Set(lists.slice(1).map((r) => r[0]));
    assert.equal(customers.size, audience.customers, 'a list for every customer of the audience');
    assert.equal(lists.length - 1, 10 * audience.customers);

    // an in-stock list chosen as a file: every list holds only those products
    const stock = reference.popular.slice(3, 9).map((p) => p.product);
    const stockFile = path.join(dir, 'stock.csv');
    await writeFile(stockFile, `product_id\n${stock.join('\n')}\n`);
    await view.locator('[data-testid="audience"]').selectOption('');
    await view.locator('[data-testid="stock-file"]').setInputFiles(stockFile);
    assert.match(await view.locator('[data-testid="stock"]').textContent(), /6 products in stock\.csv/);
    await view.locator('[data-testid="run"]').click();
    const stockNames = stock.map((p) => reference.names[p] ?? p);
    await page.waitForFunction((allowed) => {
      const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-recommendations');
      const items = [...(v?.shadowRoot?.querySelectorAll('[data-testid="lists-table"] ol.recs li') ?? [])].map((li) => li.textContent);
      return items.length > 0 && items.every((t) => allowed.includes(t)) && !v.shadowRoot.querySelector('[data-testid="progress"]');
    }, stockNames, { timeout: 120_000 });

    // the customer card shows the customer's list with its reasons
    const id = reference.preview[1].customer_id;
    const card = JSON.parse(await cli('recommend', ...sample, '--customer', id, '--json')).customer;
    await page.evaluate((id) => (location.hash = `#/customers/${encodeURIComponent(id)}`), id);
    const onCard = page.locator('portrait-customer [data-testid="card-recommendations"]');
    await onCard.waitFor({ timeout: 60_000 });
    const items = await onCard.locator('ol.recs li > span:first-child').allTextContents();
    assert.deepEqual(items, card.items.map((r) => reference.names[r.product] ?? r.product));
    const because = card.items.find((r) => r.source === 'itemcf' && r.because);
    if (because) assert.match(await onCard.textContent(), new RegExp(`Customers who bought ${(reference.names[because.because] ?? because.because).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} also bought this`));
    await screenshot(page, 'sample-card-recommendations.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the recommendations view in Chinese, and a cancel mid-fit leaves the page usable', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'recommendations');
    const view = page.locator('portrait-recommendations');
    await view.locator('[data-testid="evaluation-table"]').waitFor({ timeout: 120_000 });
    // ALS at 256 factors and 100 alternations takes minutes: stopped, the page stays usable
    await view.locator('details.model summary').click();
    await view.locator('[data-testid="factors"]').fill('256');
    await view.locator('[data-testid="factors"]').dispatchEvent('change');
    await view.locator('[data-testid="iterations"]').fill('100');
    await view.locator('[data-testid="iterations"]').dispatchEvent('change');
    await view.locator('[data-testid="run"]').click();
    await view.locator('[data-testid="progress"]').waitFor();
    await page.waitForTimeout(1_500);
    await view.locator('[data-testid="cancel"]').click();
    await view.locator('[data-testid="recs-cancelled"]').waitFor({ timeout: 10_000 });
    await view.locator('[data-testid="iterations"]').fill('15');
    await view.locator('[data-testid="iterations"]').dispatchEvent('change');
    await view.locator('[data-testid="factors"]').fill('64');
    await view.locator('[data-testid="factors"]').dispatchEvent('change');
    await view.locator('[data-testid="run"]').click();
    await view.locator('[data-testid="progress"]').waitFor({ state: 'detached', timeout: 120_000 });
    await view.locator('[data-testid="evaluation-table"]').waitFor({ timeout: 120_000 });
    assert.match(await view.locator('[data-testid="evaluation"] h3').textContent(), /哪种方法最适合你的数据/);
    assert.match(await view.locator('[data-testid="evaluation-table"] thead').textContent(), /精确率@10/);
    await screenshot(page, 'sample-recommendations-zh.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
