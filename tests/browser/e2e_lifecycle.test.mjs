// Lifecycle stages (Customers › Lifecycle stages) as a merchant reads them: the windows and
// where each came from, customers per stage, the month-end chart, the moves between stages;
// a window set by hand lands in the address and is said to be set; the view's JSON export
// equals `portrait lifecycle FILE --json`.
// Fixture: tests/fixtures/web/shop_small.csv (55 customers).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, FIXTURES, int, launch, openApp, requireBuild, screenshot, showTab, skipNoCli, startServer, waitForResults } from './helpers.mjs';

const FILE = path.join(FIXTURES, 'shop_small.csv');

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

test('the lifecycle view states its windows, counts each stage and exports what the CLI prints', { skip: skipNoCli }, async () => {
  const browser = await launch({ acceptDownloads: true });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
    await waitForResults(page);
    await showTab(page, 'lifecycle');
    const view = page.locator('portrait-lifecycle');
    const expected = JSON.parse(await cli('lifecycle', FILE, '--json')).summary;
    const windows = view.locator('[data-testid="lifecycle-windows"]');
    assert.match(
      await windows.locator('[data-window="active_days"]').textContent(),
      new RegExp(`Active: an order within ${expected.windows.active_days.value} days — the 80th percentile of the days between a customer’s orders`),
    );
    const counts = (await view.locator('[data-testid="stage-count"]').allTextContents()).map(int);
    assert.deepEqual(counts, expected.stages.map((s) => s.customers));
    assert.equal(counts.reduce((a, b) => a + b, 0), 55);
    await view.locator('.chart canvas').waitFor();

    // the moves of the last month: a table, or the sentence that says there were none
    await view.locator('[data-testid="flows-month"]').waitFor();
    const last = expected.months.at(-1).month;
    const moved = expected.flows.filter((f) => f.month === last).reduce((n, f) => n + f.customers, 0);
    if (moved > 0) assert.equal((await view.locator('[data-testid="flows"] tbody tr td.num').allTextContents()).map(int).reduce((a, b) => a + b, 0), moved);

    // the export of the view is the CLI's JSON
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('portrait-app button[data-action="export-view"]').click()]);
    assert.equal(`${await readFile(await json.path(), 'utf8')}\n`, await cli('lifecycle', FILE, '--json'));

    // a window set by hand: in the route, said to be set, the stages computed with it
    await view.locator('input[name="active_days"]').fill('20');
    await view.locator('input[name="churn_days"]').fill('60');
    await view.locator('[data-action="apply-windows"]').click();
    await view.locator('[data-window="active_days"]', { hasText: 'Active: an order within 20 days — set by you' }).waitFor();
    assert.match(page.url(), /#\/customers\/lifecycle\?active_days=20&churn_days=60/);
    const set = JSON.parse(await cli('lifecycle', FILE, '--json', '--active-days', '20', '--churn-days', '60')).summary;
    await page.waitForFunction(
      (want) => {
        const v = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-lifecycle').shadowRoot;
        const got = [...v.querySelectorAll('[data-testid="stage-count"]')].map((e) => Number(e.textContent.replace(/[^\d]/g, '')));
        return JSON.stringify(got) === JSON.stringify(want);
      },
      set.stages.map((s) => s.customers),
    );
    await view.locator('[data-action="default-windows"]').click();
    await view.locator('[data-window="active_days"]', { hasText: 'percentile' }).waitFor();

    // a stage's customers open in the profile table, filtered by the stage's rule
    const biggest = expected.stages.reduce((a, b) => (b.customers > a.customers ? b : a));
    await view.locator(`.stage[data-stage="${biggest.stage}"] [data-action="stage-customers"]`).click();
    await page.waitForSelector('portrait-app[data-view="profiles"]');
    const profiles = page.locator('portrait-profiles');
    assert.equal(await profiles.locator('#profiles-rule').inputValue(), `lifecycle.stage == "${biggest.stage}"`);
    await profiles.locator('[data-testid="rule-count"]', { hasText: `${biggest.customers} match the rule` }).waitFor();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the Chinese lifecycle view names every stage', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'lifecycle');
    const view = page.locator('portrait-lifecycle');
    for (const name of ['新客', '活跃', '忠诚', '回流', '沉睡', '流失']) await view.locator('.stage__name', { hasText: name }).waitFor();
    await view.locator('.chart canvas').waitFor();
    await screenshot(page, 'zh-lifecycle.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
