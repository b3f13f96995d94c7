// CDNOW's real purchases (Fader & Hardie's CDNOW master file, 69,659 transactions of 23,570
// customers, 1997-01 .. 1998-06) in the page: lifetime value with its holdout check, churn
// propensity measured on the last 90 days, and one customer's card with P(alive), the next
// purchase and the churn risk. The research file is space-aligned text; it goes in as the
// order CSV a shop would export (one line per transaction, quantity 1 at its dollars), as
// tests/clv_reference.rs and tests/propensity_reference.rs read it. Skips with a message when
// ../shared/data is absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { ROOT, int, launch, openApp, requireBuild, screenshot, showTab, startServer, waitForResults } from './helpers.mjs';

const MASTER = path.join(ROOT, '..', 'shared', 'data', 'cdnow', 'CDNOW_master.txt');
const skip = existsSync(MASTER) ? false : `${MASTER} is absent (the shared datasets are not beside this checkout)`;

let server;
let browser;
let csv;

before(async () => {
  if (skip) return;
  requireBuild();
  const rows = readFileSync(MASTER, 'utf8').split('\n').filter((l) => /^\s*\d/.test(l));
  const out = ['order_id,customer_id,order_date,quantity,unit_price'];
  rows.forEach((l, i) => {
    const [id, d, , dollars] = l.trim().split(/\s+/);
    out.push(`T${i},${id.replace(/^0+/, '')},${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)},1,${dollars}`);
  });
  csv = path.join(mkdtempSync(path.join(os.tmpdir(), 'portrait-cdnow-')), 'cdnow.csv');
  writeFileSync(csv, `${out.join('\n')}\n`);
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('CDNOW in the page: lifetime value, churn propensity and a customer\'s predictions', { skip }, async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(csv);
  await waitForResults(page, 120_000);

  await showTab(page, 'clv');
  const clv = page.locator('portrait-clv');
  await clv.locator('[data-testid="clv-summary"]').waitFor({ timeout: 60_000 });
  assert.equal(int(await clv.locator('[data-testid="customers"]').textContent()), 23_570);
  await clv.locator('[data-testid="by-frequency"] canvas').first().waitFor();
  await screenshot(page, 'cdnow-clv.png');

  await showTab(page, 'propensity');
  const view = page.locator('portrait-propensity');
  await view.locator('[data-testid="propensity-summary"]').waitFor({ timeout: 60_000 });
  assert.equal(int(await view.locator('[data-testid="scored"]').textContent()), 23_570);
  // the same periods as scikit-learn's reference (tests/fixtures/propensity/reference.json)
  assert.match(await view.locator('[data-testid="split"]').textContent(), /23,570 customers, 20,269 with the outcome/);
  const auc = Number(await view.locator('[data-testid="auc"]').textContent());
  assert.ok(Math.abs(auc - 0.8355) < 0.001, `forest ROC AUC ${auc} (scikit-learn's forest 0.8355)`);
  await view.locator('[data-testid="roc"] canvas').first().waitFor();
  await screenshot(page, 'cdnow-propensity.png');

  // customer 1 of the master file: P(alive), the next purchase and the churn risk on the card
  await page.evaluate(() => { location.hash = '#/customers/1'; });
  await page.locator('portrait-customer [data-testid="card-churn"]').waitFor({ timeout: 60_000 });
  assert.match(await page.locator('portrait-customer [data-testid="card-alive"]').textContent(), /\d+(\.\d)?%/);
  assert.match(await page.locator('portrait-customer [data-testid="card-next"]').textContent(), /\S/);
  assert.match(await page.locator('portrait-customer [data-testid="card-churn"]').textContent(), /^\d+(\.\d)?%\s*· tenth \d+ of 10$/);
  await screenshot(page, 'cdnow-card.png');
  assert.deepEqual(consoleErrors, []);
});
