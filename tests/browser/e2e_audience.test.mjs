// The audience builder on the sample shop, as a merchant uses it: an audience of a segment,
// a stage and a tag built in the builder (the rule text follows), its live count equal to
// its download's rows, a cluster's link opening on its rule, and a saved definition kept
// across a reload until "Clear data".
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

const settle = (page) => page.waitForTimeout(700);

test('build an audience from a segment, a stage and a tag, count it, download it, save it', async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin);
  await waitForResults(page, 90_000);
  await showTab(page, 'audience');
  const view = page.locator('portrait-audience');
  await view.locator('[data-testid="count"]').waitFor({ timeout: 60_000 });
  const everyone = int(await view.locator('[data-testid="count"]').textContent());

  await view.locator('[data-testid="add-segment"]').click();
  await settle(page);
  await view.locator('[data-testid="item"]').nth(0).locator('[data-testid="value"]').selectOption('champions');
  await settle(page);
  await view.locator('[data-testid="add-stage"]').click();
  await settle(page);
  await view.locator('[data-testid="item"]').nth(1).locator('[data-testid="value"]').selectOption('loyal');
  await settle(page);
  await view.locator('[data-testid="add-tag"]').click();
  await settle(page);
  await view.locator('[data-testid="item"]').nth(2).locator('[data-testid="value"]').fill('high_value');
  await view.locator('[data-testid="item"]').nth(2).locator('[data-testid="value"]').press('Enter');
  await settle(page);
  const rule = await view.locator('[data-testid="rule"]').inputValue();
  assert.equal(rule, 'rfm.segment == "champions" and lifecycle.stage == "loyal" and tags.tags contains "high_value"');
  const count = int(await view.locator('[data-testid="count"]').textContent());
  assert.ok(count > 0 && count < everyone, `a real audience: ${count} of ${everyone}`);
  await screenshot(page, 'sample-audience.png');

  // "any of these" keeps more customers
  await view.locator('[data-testid="match"]').selectOption('any');
  await settle(page);
  assert.match(await view.locator('[data-testid="rule"]').inputValue(), / or /);
  assert.ok(int(await view.locator('[data-testid="count"]').textContent()) >= count);
  await view.locator('[data-testid="match"]').selectOption('all');
  await settle(page);
  assert.equal(int(await view.locator('[data-testid="count"]').textContent()), count);

  const [download] = await Promise.all([page.waitForEvent('download'), view.locator('[data-testid="download-csv"]').click()]);
  const rows = csvRecords((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
  assert.ok(rows[0][0].startsWith(`Audience: ${rule} · ${count.toLocaleString('en-US')} of `), rows[0][0]);
  assert.deepEqual(rows[1].slice(0, 2), ['customer_id', 'rfm.recency']);
  assert.equal(rows.filter((r) => r.length > 1).length - 1, count, 'one row a customer of the audience');

  // saved: kept across a reload, gone after "Clear data"
  await view.locator('[data-testid="name"]').fill('Loyal champions');
  await view.locator('[data-testid="save"]').click();
  await view.locator('[data-testid="saved"]', { hasText: 'Loyal champions' }).waitFor();
  await page.reload();
  await waitForResults(page, 90_000);
  await showTab(page, 'audience');
  await view.locator('[data-testid="saved"]', { hasText: 'Loyal champions' }).waitFor();
  await page.locator('portrait-app button[data-action="clear"]').click();
  await page.waitForTimeout(500);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('portrait.saved.')));
  assert.deepEqual(kept, [], 'Clear data removes the saved definitions');
  assert.deepEqual(consoleErrors, []);
});

test("a cluster's link opens the audience of its customers", async () => {
  const { page } = browser;
  await openApp(page, server.origin);
  await waitForResults(page, 90_000);
  await showTab(page, 'clusters');
  const clusters = page.locator('portrait-clusters');
  await clusters.locator('[data-testid="cluster"]').first().waitFor({ timeout: 60_000 });
  const size = int((await clusters.locator('[data-testid="cluster"]').first().locator('p').nth(1).textContent()).split('customers')[0]);
  await clusters.locator('[data-testid="to-audience"]').first().click();
  const view = page.locator('portrait-audience');
  await view.locator('[data-testid="count"]').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(800);
  assert.equal(await view.locator('[data-testid="rule"]').inputValue(), 'clusters.cluster == 1');
  assert.equal(int(await view.locator('[data-testid="count"]').textContent()), size, "the audience is the cluster's customers");
});
