// Market basket analysis as a merchant uses it: the sample shop's rules (the CLI's numbers),
// the strongest-rules matrix, the table sorted and filtered, the rules downloaded, what is
// bought together with a product; then the Groceries basket list dropped on the page, mined
// at arules' textbook thresholds (5,668 rules).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, csvRecords, int, launch, openApp, requireBuild, ROOT, screenshot, showTab, skipNoCli, startServer, waitForResults } from './helpers.mjs';

const GROCERIES = path.join(ROOT, '..', 'shared', 'data', 'groceries', 'groceries.csv');

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** The rules table's first column cells, as shown. */
async function firstColumn(view) {
  return view.locator('[data-testid="rules-table"] tbody tr td:first-child').allTextContents();
}

test('the basket view on the sample shop: the CLI\'s rules, the matrix, sorting, filtering, the download, bought together', { skip: skipNoCli }, async () => {
  const browser = await launch({ locale: 'en-US', acceptDownloads: true });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'basket');
    const view = page.locator('portrait-basket');
    await view.locator('[data-testid="basket-summary"]').waitFor({ timeout: 60_000 });

    // the same baskets and rules as `portrait basket --json` on the sample shop
    const sample = path.join(ROOT, 'target', 'e2e-sample.csv');
    await cli('sample', '--out', sample);
    const reference = JSON.parse(await cli('basket', sample, '--json'));
    assert.equal(int(await view.locator('[data-testid="baskets"]').textContent()), reference.baskets);
    assert.equal(int(await view.locator('[data-testid="itemsets"]').textContent()), reference.itemsets.length);
    assert.equal(int(await view.locator('[data-testid="rules-count"]').textContent()), reference.rules.length);
    assert.ok(reference.rules.length > 10, `${reference.rules.length} rules`);
    const names = reference.names;
    const side = (ids) => ids.map((i) => names[i] ?? i).join(' + ');
    // strongest first, as the CLI lists them
    assert.deepEqual((await firstColumn(view)).slice(0, 5), reference.rules.slice(0, 5).map((r) => side(r.antecedents)));
    await view.locator('[data-testid="matrix"] canvas').first().waitFor();
    const table = await view.locator('[data-testid="rules-table"]').textContent();
    assert.doesNotMatch(table, /NaN|undefined|null/);
    await screenshot(page, 'sample-basket.png');

    // sorted by confidence, highest first
    await view.locator('button.sort[data-measure="confidence"]').click();
    const byConfidence = [...reference.rules].sort((a, b) => b.confidence - a.confidence);
    assert.equal((await firstColumn(view))[0], side(byConfidence[0].antecedents));
    assert.equal(await view.locator('th[aria-sort="descending"] button.sort').getAttribute('data-measure'), 'confidence');

    // filtered by a product of the top rule: every row shown names it
    const product = names[reference.rules[0].consequents[0]] ?? reference.rules[0].consequents[0];
    await view.locator('[data-testid="filter"]').fill(product);
    const expected = reference.rules.filter((r) => [...r.antecedents, ...r.consequents].some((i) => (names[i] ?? i).includes(product))).length;
    assert.match(await view.locator('[data-testid="rules-shown"]').textContent(), new RegExp(`of ${expected}$`));
    for (const row of await view.locator('[data-testid="rules-table"] tbody tr').allTextContents()) assert.ok(row.includes(product), row);

    // the rules download: every rule, with its measures
    const [download] = await Promise.all([page.waitForEvent('download'), view.locator('[data-testid="download-csv"]').click()]);
    const rows = csvRecords((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
    assert.equal(rows[0].join(','), 'antecedents,consequents,antecedent_names,consequent_names,baskets,antecedent_support,consequent_support,support,confidence,lift,leverage,conviction,zhang,jaccard,kulczynski,certainty');
    assert.equal(rows.filter((r) => r.length > 1).length - 1, reference.rules.length);

    // bought together with the most frequent product, as the CLI says
    const top = reference.top_items[0].product;
    const together = JSON.parse(await cli('basket', sample, '--product', top, '--json')).together;
    await view.locator('[data-testid="product"]').fill(names[top] ?? top);
    await view.locator('[data-testid="show-together"]').click();
    await view.locator('[data-testid="together-head"]').waitFor();
    assert.match(await view.locator('[data-testid="together-head"]').textContent(), new RegExp(`in ${together.baskets.toLocaleString('en-US')} baskets`));
    const partners = await view.locator('[data-testid="together-table"] tbody tr td:first-child').allTextContents();
    assert.deepEqual(partners, together.partners.map((p) => names[p.product] ?? p.product));
    await screenshot(page, 'sample-basket-together.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the Groceries basket list in the page: arules\' 5,668 rules at support 0.1 % and confidence 50 %', { skip: existsSync(GROCERIES) ? false : `${GROCERIES} is absent` }, async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(GROCERIES);
    await waitForResults(page, 60_000);
    // a basket list has no customers, dates or prices: the basket view opens first, and the
    // overview says so instead of showing sales of zero
    assert.equal(await page.locator('portrait-app').getAttribute('data-view'), 'basket');
    await showTab(page, 'overview');
    const note = page.locator('portrait-overview [data-testid="basket-list-note"]');
    await note.waitFor();
    assert.match(await note.textContent(), /groceries\.csv：购物篮清单——9,835 个购物篮、169 种商品/);
    assert.equal(await page.locator('portrait-overview [data-kpi]').count(), 0);
    await screenshot(page, 'groceries-overview.png');
    await showTab(page, 'basket');
    const view = page.locator('portrait-basket');
    await view.locator('[data-testid="basket-summary"]').waitFor({ timeout: 60_000 });
    assert.equal(int(await view.locator('[data-testid="baskets"]').textContent()), 9_835);
    await view.locator('[data-testid="support"]').fill('0.1');
    await view.locator('[data-testid="support"]').dispatchEvent('change');
    await view.locator('[data-testid="confidence"]').fill('50');
    await view.locator('[data-testid="confidence"]').dispatchEvent('change');
    await view.locator('[data-testid="lift"]').fill('0');
    await view.locator('[data-testid="lift"]').dispatchEvent('change');
    await view.locator('[data-testid="run"]').click();
    await page.waitForFunction(() => {
      const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-basket');
      return v?.shadowRoot?.querySelector('[data-testid="rules-count"]')?.textContent?.replace(/\D/g, '') === '5668';
    }, null, { timeout: 30_000 });
    assert.equal(int(await view.locator('[data-testid="itemsets"]').textContent()), 13_492);
    await view.locator('[data-testid="matrix"] canvas').first().waitFor();
    await screenshot(page, 'groceries-basket.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
