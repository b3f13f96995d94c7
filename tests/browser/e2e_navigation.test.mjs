// The shell of ten views: hash routes (deep link, reload, back button), the global filter with
// the previous period, the Chinese page with no English sentence from the core, and no
// sideways overflow on a phone, a laptop and a wide screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  horizontalOverflow,
  int,
  kpis,
  launch,
  openApp,
  requireBuild,
  ROOT,
  screenshot,
  segmentCounts,
  showTab,
  startServer,
  waitForResults,
  waitForText,
} from './helpers.mjs';

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** The English templates of every core code (the generated catalogue the CLI words with). */
function coreEnglish() {
  const text = readFileSync(path.join(ROOT, 'www', 'api', 'generated', 'messages.ts'), 'utf8');
  return Array.from(text.matchAll(/^ {2}("[^"]+"): (".*"),$/gm), (m) => [JSON.parse(m[1]), JSON.parse(m[2])]);
}

/** The pieces of a template between its holes that hold a sentence: three English words or more. */
function sentences(template) {
  return template
    .split(/\{[^}]*\}|[[\]]/)
    .map((s) => s.trim())
    .filter((s) => (s.match(/[A-Za-z]{2,}/g) ?? []).length >= 3);
}

/** Every text the page shows, through shadow roots (visible elements only). */
function pageText(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (el.closest('[hidden]') || el.closest('style, script, template')) continue;
        for (const n of el.childNodes) if (n.nodeType === 3 && n.textContent.trim()) out.push(n.textContent.trim());
        for (const a of ['title', 'aria-label', 'placeholder']) if (el.getAttribute(a)) out.push(el.getAttribute(a));
      }
    };
    walk(document);
    return out.join('\n');
  });
}

test('views are addressed by hash routes: deep link, reload, back button, unknown address', async () => {
  const browser = await launch();
  const { page, consoleErrors } = browser;
  try {
    await page.goto(`${server.origin}/#/segments/rfm?segment=at_risk`, { waitUntil: 'load' });
    await waitForResults(page, 90_000);
    assert.equal(await page.locator('portrait-app').getAttribute('data-view'), 'rfm');
    const counts = await segmentCounts(page);
    const pager = page.locator('portrait-rfm [data-testid="pager"]');
    await waitForText(pager, `1–25 of ${counts.at_risk}`);
    assert.equal(await page.locator('portrait-rfm #rfm-segment').inputValue(), 'at_risk');

    // choosing another segment replaces the address (no new history entry)
    await page.locator('portrait-rfm #rfm-segment').selectOption('champions');
    await waitForText(pager, `1–25 of ${counts.champions}`);
    assert.match(page.url(), /#\/segments\/rfm\?segment=champions$/);

    // another view is a new entry; back returns to the segment
    await showTab(page, 'quality');
    assert.match(page.url(), /#\/data\/quality$/);
    await page.goBack();
    await page.waitForSelector('portrait-app[data-view="rfm"]');
    await waitForText(pager, `1–25 of ${counts.champions}`);

    // a reload keeps the view and its state (the sample shop is generated again)
    await page.reload({ waitUntil: 'load' });
    await waitForResults(page, 90_000);
    assert.equal(await page.locator('portrait-app').getAttribute('data-view'), 'rfm');
    await waitForText(page.locator('portrait-rfm [data-testid="pager"]'), `1–25 of ${counts.champions}`);

    // the score bins are a parameter in the address too; segments keep their quintile names
    await page.locator('portrait-rfm [data-testid="rfm-bins"]').selectOption('3');
    await page.waitForFunction(() => location.hash.includes('bins=3'));
    await page.locator('portrait-app .view[data-view="rfm"][ready]').waitFor();
    const grid = page.locator('portrait-rfm .rf tbody tr');
    await page.waitForFunction(() => {
      const rfm = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-rfm');
      return rfm?.shadowRoot?.querySelectorAll('.rf tbody tr').length === 3;
    });
    assert.equal(await grid.count(), 3);
    assert.deepEqual(await segmentCounts(page), counts, 'the segments do not depend on the bins');

    // an address of no view shows the home view and says so
    await page.goto(`${server.origin}/#/nowhere/nothing`, { waitUntil: 'load' });
    await waitForResults(page, 90_000);
    assert.equal(await page.locator('portrait-app').getAttribute('data-view'), 'overview');
    await page.locator('portrait-app .notice', { hasText: 'There is no view at this address' }).waitFor();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the global filter applies to every view and the overview compares with the previous period', async () => {
  const browser = await launch();
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    const before = await kpis(page);
    const filter = page.locator('portrait-filter');
    await filter.locator('summary').click();
    await filter.locator('[data-testid="filter-from"]').fill('2024-07-01');
    await filter.locator('[data-testid="filter-from"]').dispatchEvent('change');
    await filter.locator('[data-testid="filter-to"]').fill('2024-09-30');
    await filter.locator('[data-testid="filter-to"]').dispatchEvent('change');
    await page.locator('portrait-overview [data-testid="previous-period"]').waitFor();
    await waitForResults(page);
    const during = await kpis(page);
    assert.notEqual(during.customers, before.customers);
    // the previous period: the 92 days before 1 July
    assert.match(await page.locator('portrait-overview [data-testid="previous-period"]').textContent(), /Mar 31, 2024 – Jun 30, 2024/);
    assert.equal(await page.locator('portrait-overview [data-kpi="orders"] [data-testid="kpi-previous"]').count(), 1);
    assert.match(await filter.locator('[data-testid="filter-shown"]').textContent(), /^Showing [\d,]+ of 100,000 lines · [\d,]+ customers$/);

    // a channel on top of the dates; RFM scores only the customers of the filtered lines
    await filter.locator('[data-testid="filter-channel"]').selectOption('app');
    await waitForResults(page);
    const customers = int((await kpis(page)).customers);
    await showTab(page, 'rfm');
    assert.equal(int(await page.locator('portrait-rfm [data-testid="rfm-customers"]').textContent()), customers);

    // reset: every line again
    await filter.locator('[data-action="reset-filter"]').click();
    await waitForResults(page);
    assert.equal(int(await page.locator('portrait-rfm [data-testid="rfm-customers"]').textContent()), int(before.customers));
    await showTab(page, 'overview');
    assert.equal(await page.locator('portrait-overview [data-testid="previous-period"]').count(), 0);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

/** The ids of the navigation's views, in its order. */
function navViews(page) {
  return page.locator('portrait-nav a[data-view]').evaluateAll((links) => links.map((a) => a.dataset.view));
}

/** Lets the view shown draw its results (tables, charts) before the page is measured or read. */
async function settled(page) {
  // (Playwright's CSS pierces the views' shadow roots)
  await page.locator('portrait-app .view:not([hidden]) [aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 30_000 });
  await page.waitForTimeout(400);
}

test('the Chinese page shows no English sentence from the core, on every view and on bad files', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  const english = coreEnglish().flatMap(([code, t]) => sentences(t).map((s) => [code, s]));
  assert.ok(english.length > 40, `the catalogue has sentences to look for (${english.length})`);
  const check = async (where) => {
    const text = await pageText(page);
    const found = english.filter(([, s]) => text.includes(s)).map(([code, s]) => `${code}: "${s}"`);
    assert.deepEqual(found, [], `${where}: English core text on the Chinese page`);
  };
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    const views = await navViews(page);
    assert.ok(views.length >= 6, `every view of the navigation (${views})`);
    for (const view of views) {
      await showTab(page, view);
      await settled(page);
      await check(`sample shop, ${view}`);
    }
    // a customer's card
    await showTab(page, 'profiles');
    await page.locator('portrait-profiles [data-testid="profile-table"] a.id').first().click();
    await page.locator('portrait-customer [data-testid="card-stage"]').waitFor();
    await check('sample shop, a customer card');
    await page.locator('portrait-customer [data-action="close-card"]').click();
    // two messy files: every rejection reason, details, notes and the currency evidence
    const golden = path.join(ROOT, 'tests', 'fixtures', 'golden');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles([path.join(golden, 'messy-orders.csv'), path.join(golden, '订单明细.csv')]);
    await page.locator('[data-testid="source-title"]', { hasText: 'messy-orders.csv' }).waitFor({ timeout: 30_000 });
    await waitForResults(page);
    await showTab(page, 'quality');
    const quality = await pageText(page);
    assert.match(quality, /应有 9 个字段，实际 6 个/);
    assert.match(quality, /没有数量列：每行按数量 1 计/);
    assert.match(quality, /3 个金额写有 ¥/);
    assert.match(quality, /D\/M\/YYYY hh:mm（日在前）|D\/M\/YYYY hh:mm \(日在前\)/);
    for (const view of views) {
      await showTab(page, view);
      await settled(page);
      await check(`messy files, ${view}`);
    }
    await screenshot(page, 'zh-messy-rfm.png');
    // a file no row of which can be used: the error, worded in Chinese
    await page.locator('portrait-dropzone input[type=file]').setInputFiles({
      name: 'dates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('order_id,customer_id,order_date,quantity,unit_price\nA1,c1,yesterday,1,9.50\nA2,c2,someday,2,3\n'),
    });
    await page.locator('portrait-error [data-testid="error-details"]').waitFor({ timeout: 30_000 });
    assert.match(await page.locator('portrait-error [data-testid="error-details"]').textContent(), /全部 2 行数据都被拒绝/);
    await check('an unusable file');
    await screenshot(page, 'zh-error.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('no view overflows sideways on a phone, a laptop or a wide screen', async () => {
  for (const width of [390, 1024, 1400]) {
    const browser = await launch({ viewport: { width, height: 860 } });
    const { page, consoleErrors } = browser;
    try {
      await openApp(page, server.origin, '?sample=0');
      assert.equal(await horizontalOverflow(page), 0, `${width} px, empty page`);
      await screenshot(page, `width-${width}-empty.png`);
      await page.locator('portrait-app button[data-action="sample"]').click();
      await waitForResults(page, 90_000);
      const views = await navViews(page);
      assert.ok(views.length >= 6, `every view of the navigation (${views})`);
      // below 861 px the side bar is a drawer: open it first
      const open = async (view) => {
        if (width < 861) {
          await page.locator('portrait-app button.menu').click();
          await page.locator('portrait-nav').waitFor({ state: 'visible' });
        }
        await showTab(page, view);
      };
      for (const view of views) {
        await open(view);
        await settled(page);
        assert.equal(await horizontalOverflow(page), 0, `${width} px, ${view}`);
        await screenshot(page, `width-${width}-${view}.png`);
      }
      // the widest content: a customer's card
      await open('profiles');
      await page.locator('portrait-profiles [data-testid="profile-table"] a.id').first().click();
      await page.locator('portrait-customer [data-testid="card-stage"]').waitFor();
      await settled(page);
      assert.equal(await horizontalOverflow(page), 0, `${width} px, a customer card`);
      await screenshot(page, `width-${width}-card.png`);
      assert.deepEqual(consoleErrors, []);
    } finally {
      await browser.close();
    }
  }
});
