// Dates such as 03/04/2024 where no value tells day from month: the page asks, and the
// answer decides how every date of the file is read.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { launch, openApp, requireBuild, showTab, startServer, waitForResults } from './helpers.mjs';

let server;
let browser;
let dir;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
  dir = await mkdtemp(path.join(os.tmpdir(), 'portrait-dates-'));
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('ambiguous day/month dates are asked about, then read as answered', async () => {
  const file = path.join(dir, 'slashed.csv');
  await writeFile(
    file,
    'order_id,customer_id,order_date,quantity,unit_price\n' +
      'A1,1,03/04/2024 10:00,1,10.00\n' +
      'A2,2,05/06/2024 11:00,2,5.00\n' +
      'A3,1,01/02/2024 09:30,1,7.50\n',
  );
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(file);
  const dayFirst = page.locator('portrait-mapping input[value="day_first"]');
  await dayFirst.waitFor({ timeout: 30_000 });
  assert.match(await page.locator('portrait-mapping fieldset').textContent(), /03\/04\/2024/);
  await dayFirst.check();
  await page.locator('portrait-mapping button.btn--primary:not([disabled])').click();
  await waitForResults(page);
  await showTab(page, 'quality');
  // day first: 1 February .. 5 June 2024
  assert.equal((await page.locator('portrait-quality [data-testid="quality-date-range"]').textContent()).trim(), 'Feb 1, 2024 – Jun 5, 2024');
  assert.deepEqual(consoleErrors, []);
});
