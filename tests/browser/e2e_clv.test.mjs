// Lifetime value on the sample shop as a merchant reads it: the figures with their
// intervals, the holdout check drawn (predicted vs actual by frequency, the cumulative
// curve), the fitted parameters with standard errors, and the "likely lost" audience opened
// and downloaded. (The page's numbers equal the CLI's: e2e_cli_parity.)
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { csvRecords, int, launch, openApp, requireBuild, screenshot, showTab, startServer, waitForResults } from './helpers.mjs';

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch({ locale: 'en-US', acceptDownloads: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the CLV view on the sample shop: figures, validation charts, models, and a churn audience exported', async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin);
  await waitForResults(page, 90_000);
  await showTab(page, 'clv');
  const view = page.locator('portrait-clv');
  await view.locator('[data-testid="clv-summary"]').waitFor({ timeout: 60_000 });
  const customers = int(await view.locator('[data-testid="customers"]').textContent());
  const alive = int(await view.locator('[data-testid="alive"]').textContent());
  assert.ok(customers > 1000 && alive > 0 && alive <= customers, `${alive} of ${customers}`);
  assert.match(await view.locator('[data-testid="purchases"]').textContent(), /^[\d,]+$/);
  assert.match(await view.locator('[data-testid="value"]').textContent(), /\d/);
  assert.match(await view.locator('.kpi__note').nth(1).textContent(), /^95 % interval [\d,]+ – [\d,]+$/);
  // the holdout check, drawn
  await view.locator('[data-testid="by-frequency"] canvas').first().waitFor();
  await view.locator('[data-testid="cumulative"] canvas').first().waitFor();
  assert.match(await view.locator('[data-testid="validation"] p').first().textContent(), /Fitted on the days up to .+ purchases predicted, [\d,]+ made/);
  const models = await view.locator('[data-testid="models"] tbody tr').count();
  assert.equal(models, 11, 'BG/NBD (4), Gamma-Gamma (3) and the calibration BG/NBD (4)');
  assert.doesNotMatch(await view.locator('[data-testid="models"]').textContent(), /NaN|undefined/);
  await screenshot(page, 'sample-clv.png');

  // the churn audience: open it, count it, download it
  await view.locator('[data-testid="audience-atRisk"]').click();
  await page.waitForSelector('portrait-app[data-view="audience"]', { timeout: 30_000 });
  const audience = page.locator('portrait-audience');
  await audience.locator('[data-testid="count"]').waitFor({ timeout: 60_000 });
  assert.equal(await audience.locator('[data-testid="rule"]').inputValue(), 'clv.p_alive < 0.3');
  await page.waitForFunction(() => {
    const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-audience');
    return /\d/.test(v?.shadowRoot?.querySelector('[data-testid="count"]')?.textContent ?? '');
  });
  const count = int(await audience.locator('[data-testid="count"]').textContent());
  assert.ok(count > 0 && count < customers, `${count} likely lost of ${customers}`);
  const [download] = await Promise.all([page.waitForEvent('download'), audience.locator('[data-testid="download-csv"]').click()]);
  const rows = csvRecords((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.ok(rows[0][0].startsWith('Audience: clv.p_alive < 0.3 · '), rows[0][0]);
  assert.equal(rows.filter((r) => r.length > 1).length - 1, count, 'one row a customer of the audience');
  assert.deepEqual(consoleErrors, []);
});
