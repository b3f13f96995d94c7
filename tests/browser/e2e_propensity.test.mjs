// Churn propensity on the sample shop as a merchant reads it: the three models compared with
// the baseline on the held-out period, the ROC, gains and calibration charts drawn, the
// top-10 % churn-risk audience opened and downloaded, and a customer's card showing the risk.
// (The page's numbers equal the CLI's: e2e_cli_parity.)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { csvRecords, int, launch, openApp, requireBuild, screenshot, showTab, startServer, waitForResults } from './helpers.mjs';

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test('the propensity view on the sample shop: models against the baseline, charts, a top-risk audience exported, the risk on the card', async () => {
  const browser = await launch({ locale: 'en-US', acceptDownloads: true });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'propensity');
    const view = page.locator('portrait-propensity');
    await view.locator('[data-testid="propensity-summary"]').waitFor({ timeout: 60_000 });
    const scored = int(await view.locator('[data-testid="scored"]').textContent());
    assert.equal(scored, 10_000, 'every customer of the sample shop has a purchase');
    const auc = Number(await view.locator('[data-testid="auc"]').textContent());
    assert.ok(auc > 0.8 && auc < 1, `forest ROC AUC ${auc}`);
    // three models and the baseline, every one a number
    assert.equal(await view.locator('[data-testid="compare"] tbody tr').count(), 4);
    const compare = await view.locator('[data-testid="compare"]').textContent();
    assert.doesNotMatch(compare, /NaN|undefined|null/);
    assert.match(compare, /Baseline \(always 79\.1%\)/);
    assert.match(await view.locator('[data-testid="split"]').textContent(), /Measured on.*features up to .*8,234 customers, 6,464 with the outcome/s);
    for (const chart of ['roc', 'gains', 'calibration']) await view.locator(`[data-testid="${chart}"] canvas`).first().waitFor();
    assert.equal(await view.locator('[data-testid="thresholds"] tbody tr').count(), 3);
    await screenshot(page, 'sample-propensity.png');

    // the top tenth by churn risk: open it, count it, download it
    await view.locator('[data-testid="audience-top"]').click();
    await page.waitForSelector('portrait-app[data-view="audience"]', { timeout: 30_000 });
    const audience = page.locator('portrait-audience');
    await audience.locator('[data-testid="count"]').waitFor({ timeout: 60_000 });
    assert.equal(await audience.locator('[data-testid="rule"]').inputValue(), 'propensity.decile == 1 and propensity.churn_risk is not null');
    await page.waitForFunction(() => {
      const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-audience');
      return /\d/.test(v?.shadowRoot?.querySelector('[data-testid="count"]')?.textContent ?? '');
    });
    const count = int(await audience.locator('[data-testid="count"]').textContent());
    assert.equal(count, 1_000, 'a tenth of 10,000 customers');
    const [download] = await Promise.all([page.waitForEvent('download'), audience.locator('[data-testid="download-csv"]').click()]);
    const rows = csvRecords((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
    assert.ok(rows[0][0].startsWith('Audience: propensity.decile == 1 and propensity.churn_risk is not null · '), rows[0][0]);
    const members = rows.filter((r) => r.length > 1);
    assert.equal(members.length - 1, count, 'one row a customer of the audience');

    // one of them: the card shows the churn risk, in the top tenth
    const someone = members[1][0];
    await page.evaluate((id) => { location.hash = `#/customers/${id}`; }, someone);
    const risk = page.locator('portrait-customer [data-testid="card-churn"]');
    await risk.waitFor({ timeout: 60_000 });
    assert.match(await risk.textContent(), /^\d+(\.\d)?%\s*· tenth 1 of 10$/);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the Chinese propensity view words the split, the models and the features', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'propensity');
    const view = page.locator('portrait-propensity');
    await view.locator('[data-testid="propensity-summary"]').waitFor({ timeout: 60_000 });
    assert.match(await view.locator('[data-testid="compare"]').textContent(), /随机森林.*为客户评分/s);
    assert.match(await view.locator('[data-testid="split"]').textContent(), /检验期/);
    await view.locator('[data-testid="roc"] canvas').first().waitFor();
    await screenshot(page, 'sample-propensity-zh.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
