// The real UCI Online Retail export (541,909 lines, gzip) dropped into the page with no manual
// step: the quality report, KPIs and RFM segments show the published counts, and the
// predictions (lifetime value, churn propensity) are fitted on it. Reads the file
// from ../shared/data and skips with a message when that folder is absent.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, int, launch, openApp, requestsBeyondCode, requireBuild, screenshot, segmentCounts, showTab, startServer, waitForResults } from './helpers.mjs';

const FILE = path.join(ROOT, '..', 'shared', 'data', 'online_retail', 'online_retail.csv.gz');
const skip = existsSync(FILE) ? false : `${FILE} is absent (the shared datasets are not beside this checkout)`;

let server;
let browser;

before(async () => {
  if (skip) return;
  requireBuild();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('Online Retail maps with no manual step and shows the published counts', { skip }, async () => {
  const { page, requests, consoleErrors } = browser;
  await openApp(page, server.origin, '?sample=0');
  const loadedAt = requests.length;
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
  await waitForResults(page, 120_000);

  await showTab(page, 'quality');
  const stat = (id) => page.locator(`portrait-quality [data-stat="${id}"] .stat__value`).textContent();
  assert.equal(int(await stat('rows-read')), 541_909);
  assert.equal(int(await stat('rows-rejected')), 0);
  assert.equal(int(await stat('duplicates')), 5_268);
  const asRead = await page.locator('portrait-quality [data-testid="quality-as-read"] dd').textContent();
  // published checks of the dataset (shared/data/README.md)
  assert.match(asRead, /541,909 lines/);
  assert.match(asRead, /25,900 orders/);
  assert.match(asRead, /4,372 customers/);
  assert.match(asRead, /9,288 cancelled-order lines/);
  assert.match(asRead, /£9,747,747\.93/);
  assert.match(await page.locator('portrait-quality dl.facts').textContent(), /GBP/);
  await screenshot(page, 'online-retail-quality.png');

  await showTab(page, 'rfm');
  await page.locator('portrait-rfm [data-testid="segment-table"]').waitFor();
  const counts = await segmentCounts(page);
  assert.equal(Object.keys(counts).length, 11);
  assert.equal(Object.values(counts).reduce((s, c) => s + int(c), 0), 4_372);
  await screenshot(page, 'online-retail-rfm.png');

  // the predictions: lifetime value (BG/NBD finds almost no dropout here and says so) and the
  // churn models on the real history, measured on its last 90 days
  await showTab(page, 'clv');
  await page.locator('portrait-clv [data-testid="clv-summary"]').waitFor({ timeout: 60_000 });
  assert.equal(int(await page.locator('portrait-clv [data-testid="customers"]').textContent()), 4_339);
  await page.locator('portrait-clv [data-testid="by-frequency"] canvas').first().waitFor();
  await screenshot(page, 'online-retail-clv.png');
  await showTab(page, 'propensity');
  const propensity = page.locator('portrait-propensity');
  await propensity.locator('[data-testid="propensity-summary"]').waitFor({ timeout: 60_000 });
  assert.equal(int(await propensity.locator('[data-testid="scored"]').textContent()), 4_339);
  const auc = Number(await propensity.locator('[data-testid="auc"]').textContent());
  assert.ok(auc > 0.65, `the forest foresees churn better than chance: ROC AUC ${auc}`);
  assert.match(await propensity.locator('[data-testid="split"]').textContent(), /3,370 customers, 1,449 with the outcome/);
  await propensity.locator('[data-testid="roc"] canvas').first().waitFor();
  await screenshot(page, 'online-retail-propensity.png');

  await showTab(page, 'overview');
  await screenshot(page, 'online-retail-overview.png');
  assert.deepEqual(requestsBeyondCode(requests.slice(loadedAt), server.origin), [], 'no request after load but the app\'s own code');
  assert.deepEqual(consoleErrors, []);
});
