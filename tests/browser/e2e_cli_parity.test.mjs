// Browser and CLI give identical results: the report the page exports ("Export JSON", built
// by the wasm core in the worker) must be byte-identical to `portrait analyze FILE --json`.
// Skips (with a message) when the native CLI has not been built.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, FIXTURES, kpis, launch, openApp, requireBuild, ROOT, skipNoCli, startServer, waitForResults } from './helpers.mjs';

const FILE = path.join(FIXTURES, 'shop_small.csv');

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Uploads `file` and returns the report the page exports, and the CLI's for the same file. */
async function bothReports(file) {
  const stdout = await cli('analyze', file, '--json');
  // the CLI ends its output with one newline; the report itself is the text before it
  const cliJson = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;
  const { page } = browser;
  await openApp(page, server.origin, '?sample=0');
  await page.locator('portrait-dropzone input[type=file]').setInputFiles(file);
  await waitForResults(page, 120_000);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('portrait-app button[data-action="export"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), `portrait-${path.basename(file, '.csv')}.json`);
  return { pageJson: await readFile(await download.path(), 'utf8'), cliJson };
}


test('the page exports the same JSON as `portrait analyze --json`', { skip: skipNoCli }, async () => {
  const { pageJson, cliJson } = await bothReports(FILE);
  assert.deepEqual(JSON.parse(pageJson), JSON.parse(cliJson), 'same report structure and values');
  assert.equal(pageJson, cliJson, 'byte-identical JSON text');
  assert.deepEqual(browser.consoleErrors, []);
});

// A 10 MB file is read by two workers in the page (and two threads in the CLI): the tail
// crosses between workers as bytes and must change nothing.
const PEER = path.join(ROOT, 'target', 'fixtures', 'peer_orders_100000_seed42.csv');
test(
  'a file read by two workers exports the same JSON as the CLI',
  { skip: skipNoCli || (existsSync(PEER) ? false : `${path.relative(ROOT, PEER)} is missing: run \`make fixtures\``) },
  async () => {
    const { pageJson, cliJson } = await bothReports(PEER);
    const absorbed = await Promise.all(browser.page.workers().map((w) => w.evaluate(() => globalThis.portraitTailsAbsorbed ?? 0)));
    assert.deepEqual(absorbed.sort(), [0, 1], 'the head worker absorbed one tail from the tail worker');
    assert.equal(pageJson, cliJson, 'byte-identical JSON text');
    assert.deepEqual(browser.consoleErrors, []);
  },
);

test(
  'cancelling a file read by two workers leaves both ready for the next file',
  { skip: existsSync(PEER) ? false : `${path.relative(ROOT, PEER)} is missing: run \`make fixtures\`` },
  async () => {
    const { page } = browser;
    await openApp(page, server.origin, '?sample=0');
    const input = page.locator('portrait-dropzone input[type=file]');
    await input.setInputFiles(PEER);
    // cancel while the halves are being read and parsed
    await page.locator('portrait-dropzone').getByRole('button', { name: /cancel/i }).click();
    await page.waitForSelector('portrait-app[data-state="empty"]', { timeout: 30_000 });
    await input.setInputFiles(PEER);
    await waitForResults(page, 120_000);
    const absorbed = await Promise.all(page.workers().map((w) => w.evaluate(() => globalThis.portraitTailsAbsorbed ?? 0)));
    assert.deepEqual(absorbed.sort(), [0, 1], 'only the second ingest absorbed a tail');
    assert.equal((await kpis(page)).customers, '10,000', 'the 10,000 customers of the peer file (exact below a million)');
    assert.deepEqual(browser.consoleErrors, []);
  },
);

// The clustering, an audience, the lifetime values, the propensity models, the basket rules and the recommendations in the tab equal the CLI's, byte for
// byte (the recommendations made with the tail worker's help): seeded starts and samples draw the same numbers in wasm32 and natively (a `usize`
// range would not), and every logarithm, power and ln Γ of the likelihoods is libm's.
test(
  'clusters, an audience, the lifetime values, the propensity models, the basket rules and the recommendations export the same JSON as the CLI',
  { skip: skipNoCli || (existsSync(PEER) ? false : `${path.relative(ROOT, PEER)} is missing: run \`make fixtures\``) },
  async () => {
    const where = 'rfm.segment == "champions" and orders >= 3';
    const cliClusters = await cli('clusters', PEER, '--k', '4', '--seed', '7', '--json');
    const cliAudience = await cli('audience', PEER, '--where', where, '--json');
    const cliClv = await cli('clv', PEER, '--json');
    const cliPareto = await cli('clv', PEER, '--model', 'pareto', '--unit', 'week', '--json');
    const cliPropensity = await cli('propensity', PEER, '--json');
    const cliCategory = await cli('propensity', PEER, '--target', 'purchase', '--target-category', 'Shoes', '--trees', '20', '--json');
    const cliBasket = await cli('basket', PEER, '--min-support', '0.002', '--consequents', 'any', '--product', '500364', '--json');
    const cliRecommend = await cli('recommend', PEER, '--method', 'hybrid', '--evaluate', '--iterations', '5', '--json');
    const { page } = browser;
    await openApp(page, server.origin, '?sample=0');
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'parity-file';
      document.body.append(input);
    });
    await page.locator('#parity-file').setInputFiles(PEER);
    const [pageClusters, pageAudience, pageClv, pagePareto, pagePropensity, pageCategory, pageBasket, pageRecommend] = await page.evaluate(async (where) => {
      const { Portrait } = await import(new URL('main.js', location.href).href);
      const portrait = await Portrait.open();
      await portrait.ingest([document.querySelector('#parity-file').files[0]]);
      return [
        await portrait.export({ analysis: 'clusters', params: { k: 4, seed: 7 } }),
        await portrait.export({ analysis: 'audience', params: { where } }),
        await portrait.export({ analysis: 'clv', params: {} }),
        await portrait.export({ analysis: 'clv', params: { model: 'pareto', unit: 'week' } }),
        await portrait.export({ analysis: 'propensity', params: {} }),
        await portrait.export({ analysis: 'propensity', params: { target: 'purchase', target_category: 'Shoes', trees: 20 } }),
        await portrait.export({ analysis: 'basket', params: { min_support: 0.002, consequents: 'any', product: '500364' } }),
        // as the view does: the stepped fit (helped by the tail worker), then its export
        await portrait.run('recommend', { method: 'hybrid', evaluate: true, iterations: 5 }).then(() =>
          portrait.export({ analysis: 'recommend', params: { method: 'hybrid', evaluate: true, iterations: 5 } }),
        ),
      ];
    }, where);
    assert.equal(pageClusters, cliClusters.replace(/\n$/, ''), 'clusters: byte-identical JSON');
    assert.equal(pageAudience, cliAudience.replace(/\n$/, ''), 'audience: byte-identical JSON');
    assert.equal(pageClv, cliClv.replace(/\n$/, ''), 'clv: byte-identical JSON');
    assert.equal(pagePareto, cliPareto.replace(/\n$/, ''), 'clv (Pareto/NBD, weeks): byte-identical JSON');
    assert.equal(pagePropensity, cliPropensity.replace(/\n$/, ''), 'propensity (churn, three models): byte-identical JSON');
    assert.equal(pageCategory, cliCategory.replace(/\n$/, ''), 'propensity (a category purchase): byte-identical JSON');
    assert.equal(pageBasket, cliBasket.replace(/\n$/, ''), 'basket (rules and a product\'s list): byte-identical JSON');
    assert.equal(pageRecommend, cliRecommend.replace(/\n$/, ''), 'recommend (hybrid lists, ALS factors and every method evaluated): byte-identical JSON');
    // the tab's recommendations were made with the tail worker's help (item-CF beside ALS,
    // the later customers' lists), and still equal the CLI's, which works alone
    const asked = await Promise.all(page.workers().map((w) => w.evaluate(() => globalThis.portraitHelpAsked ?? 0)));
    assert.ok(asked.reduce((a, b) => a + b, 0) >= 2, `the tail worker answered parts of the recommendations fit (asked per worker: ${asked})`);
  },
);
