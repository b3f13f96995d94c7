// Clustering on the sample shop as a merchant runs it: automatic k, the clusters described
// in words with their sizes adding up, the scatter drawn with its sample size, a k chosen on
// the curve, and each cluster a link to an audience of its customers.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { int, launch, openApp, requireBuild, screenshot, showTab, startServer, waitForResults } from './helpers.mjs';

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch({ locale: 'en-US' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('automatic k on the sample shop: described clusters, the scatter, and a link to an audience', async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin);
  await waitForResults(page, 90_000);
  await showTab(page, 'clusters');
  const view = page.locator('portrait-clusters');
  await view.locator('[data-testid="cluster"]').first().waitFor({ timeout: 60_000 });
  const found = await view.locator('[data-testid="found"]').textContent();
  const [k, customers] = found.match(/[\d,]+/g).map(int);
  assert.equal(await view.locator('[data-testid="cluster"]').count(), k, 'one card per cluster');
  assert.ok(k >= 2 && k <= 10, `k = ${k}`);
  let sum = 0;
  for (const card of await view.locator('[data-testid="cluster"]').all()) {
    assert.match(await card.locator('[data-testid="words"]').textContent(), /[a-z]/, 'each cluster has words');
    sum += int((await card.locator('p').nth(1).textContent()).split('customers')[0]);
    assert.match(await card.locator('[data-testid="to-audience"]').getAttribute('href'), /audience\?rule=clusters\.cluster%20%3D%3D%20\d+$/);
  }
  assert.equal(sum, customers, 'cluster sizes add up to the customers clustered');
  assert.match(await view.locator('[data-testid="silhouette"]').textContent(), /Silhouette [\d.]+ on a sample of [\d,]+ customers/);
  assert.match(await view.locator('[data-testid="map-sample"]').textContent(), /[\d,]+ of [\d,]+ customers drawn/);
  await view.locator('[data-testid="map"] canvas').first().waitFor();
  await screenshot(page, 'sample-clusters.png');

  // a fixed k from the form gives that many clusters
  await view.locator('[data-testid="k"]').selectOption('4');
  await view.locator('[data-testid="run"]').click();
  await page.waitForFunction(() => {
    const v = document.querySelector('portrait-app')?.shadowRoot?.querySelector('portrait-clusters') ?? document.querySelector('portrait-clusters');
    return v?.shadowRoot?.querySelector('[data-testid="found"]')?.textContent?.startsWith('4 clusters');
  }, null, { timeout: 30_000 }).catch(() => {});
  assert.match(await view.locator('[data-testid="found"]').textContent(), /^4 clusters/);
  assert.equal(await view.locator('[data-testid="cluster"]').count(), 4);
  assert.deepEqual(consoleErrors, []);
});
