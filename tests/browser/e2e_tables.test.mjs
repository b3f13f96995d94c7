// Several tables in one drop, as a merchant drops them: the sample shop's orders with its
// customer list and events log (written by `portrait sample`), recognised from their
// headers; the quality view's join report counts the ids each table lacks; the profile
// table gets the basic and behaviour columns; a customer is found by a masked phone and
// their card opened; a rule with a typo points at it, fixed it counts; the CSV download has
// one row a customer, the XLSX download is the CLI's workbook; and the Chinese page is screenshotted.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { cli, csvRecords, launch, openApp, requireBuild, screenshot, showTab, skipNoCli, startServer, waitForResults } from './helpers.mjs';

let server;
let tmp;
let files;

before(async () => {
  requireBuild();
  server = await startServer();
  tmp = await mkdtemp(path.join(os.tmpdir(), 'portrait-tables-'));
  files = ['orders.csv', 'customers.csv', 'events.csv'].map((f) => path.join(tmp, f));
  if (!skipNoCli) await cli('sample', '--rows', '4000', '--seed', '7', '--out', files[0], '--customers', files[1], '--events', files[2]);
});

after(async () => {
  await server?.stop();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

test('orders, customers and events dropped together join, and a customer is found by a masked phone', { skip: skipNoCli }, async () => {
  const browser = await launch({ locale: 'en-US', acceptDownloads: true });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(files);
    await waitForResults(page, 60_000);
    const quality = JSON.parse(await cli('quality', ...files, '--json'));

    // the quality view names each table and reports the join as the CLI does
    await showTab(page, 'quality');
    const report = page.locator('portrait-quality [data-testid="join-report"]');
    await report.waitFor();
    const tables = await page.locator('portrait-quality [data-testid="quality-tables"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-table')));
    assert.deepEqual(tables, ['customers', 'events']);
    const sides = await report.locator('li').evaluateAll((items) => items.map((li) => [li.getAttribute('data-join'), Number(li.getAttribute('data-unmatched'))]));
    assert.deepEqual(
      sides,
      quality.join.sides.map((s) => [`${s.table}-${s.other}-${s.key}`, s.unmatched]),
    );
    const signups = quality.join.sides.find((s) => s.table === 'customers' && s.other === 'orders');
    assert.ok(signups.unmatched > 0, 'sign-ups who never bought are reported');
    assert.match(await report.locator(`li[data-join="customers-orders-customer_id"]`).textContent(), new RegExp(signups.examples[0]));

    // the profile table has the basic and behaviour columns; a masked phone finds its customer
    await showTab(page, 'profiles');
    const view = page.locator('portrait-profiles');
    await view.locator('button[data-group="basic"]').click();
    await view.locator('td[data-feature="phone"]').first().waitFor();
    const rows = csvRecords(await cli('customers', ...files, '--csv'));
    const header = rows[0];
    const phoneAt = header.indexOf('phone');
    const someone = rows.slice(1).find((r) => /^\d{3}\*{4}\d{4}$/.test(r[phoneAt]));
    assert.ok(someone, 'the CLI masks phones too');
    const shown = await view.locator('td[data-feature="phone"]').allTextContents();
    assert.ok(shown.every((p) => p === '—' || /^\d{3}\*{4}\d{4}$/.test(p)), `phones are masked: ${shown.join(' ')}`);
    await view.locator('#profiles-search').fill(someone[phoneAt]);
    await page.waitForFunction(
      (id) => {
        const view = document.querySelector('portrait-app').shadowRoot.querySelector('portrait-profiles').shadowRoot;
        const ids = [...view.querySelectorAll('[data-testid="profile-table"] a.id')].map((a) => a.textContent.trim());
        return ids.includes(id);
      },
      someone[0],
      { timeout: 10_000 },
    );
    await view.locator('[data-testid="profile-table"] a.id', { hasText: someone[0] }).first().click();
    const card = page.locator('portrait-customer [data-testid="customer-card"]');
    await card.waitFor();
    assert.equal((await page.locator('portrait-customer [data-testid="card-phone"]').textContent()).trim(), someone[phoneAt]);
    await page.locator('portrait-customer tr[data-feature="behaviour.views"]').waitFor();
    // the card names each built-in tag (not its code)
    const tagNames = await page.locator('portrait-customer [data-testid="card-tags"] li').allTextContents();
    assert.ok(tagNames.length > 0 && tagNames.every((x) => !x.includes('_')), tagNames.join(', '));
    await page.locator('portrait-customer [data-action="close-card"]').click();
    await view.locator('#profiles-search').fill('');

    // a rule over the joined columns: a typo is located, the fix counts as the CLI does
    const rule = view.locator('#profiles-rule');
    await rule.fill('member_levl == "金卡"');
    const error = view.locator('[data-testid="rule-error"]');
    await error.waitFor();
    assert.match(await error.textContent(), /column 1: unknown field "member_levl" — did you mean "member_level"\?/);
    await rule.fill('member_level == "金卡" and views >= 1');
    const count = view.locator('[data-testid="rule-count"]');
    await count.waitFor();
    const want = rows.slice(1).filter((r) => r[header.indexOf('member_level')] === '金卡' && Number(r[header.indexOf('views')]) >= 1).length;
    assert.ok(want > 0);
    assert.equal(await count.textContent(), `${want} match the rule`);
    await rule.fill('');

    // the CSV download: one row a customer, the CLI's bytes
    const [csv] = await Promise.all([page.waitForEvent('download'), view.locator('[data-action="download-profiles"]').click()]);
    const text = (await readFile(await csv.path(), 'utf8')).slice(1);
    assert.equal(text, await cli('customers', ...files, '--csv'));
    assert.equal(text.trim().split('\n').length, rows.length);
    // the XLSX download: the bytes `portrait customers --xlsx` writes (a zip)
    const [xlsx] = await Promise.all([page.waitForEvent('download'), view.locator('[data-action="download-profiles-xlsx"]').click()]);
    assert.equal(xlsx.suggestedFilename(), 'portrait-customer-profiles.xlsx');
    const book = await readFile(await xlsx.path());
    const cliBook = path.join(tmp, 'customers.xlsx');
    await cli('customers', ...files, '--xlsx', cliBook);
    assert.equal(book.subarray(0, 4).toString('latin1'), 'PK\x03\x04');
    assert.ok(book.equals(await readFile(cliBook)), 'the page and the CLI write the same workbook');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the Chinese page reads the three tables', { skip: skipNoCli }, async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(files);
    await waitForResults(page, 60_000);
    await showTab(page, 'quality');
    await page.locator('portrait-quality [data-testid="join-report"] li', { hasText: '客户表' }).first().waitFor();
    await screenshot(page, 'zh-tables-quality.png');
    await showTab(page, 'profiles');
    const view = page.locator('portrait-profiles');
    await view.locator('button[data-group="behaviour"]', { hasText: '行为' }).click();
    await view.locator('th', { hasText: '浏览次数' }).first().waitFor();
    await screenshot(page, 'zh-tables-behaviour.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
