// The tag system (Customers › Tags) as a merchant uses it: every built-in family with its
// rules and counts, a rule tag with a typo refused with its place, fixed and added (in the
// route), a valued rule tag, a tag's customers opened in the profile table, the Chinese page.
// Fixture: tests/fixtures/web/shop_small.csv (55 customers).
import assert from 'node:assert/strict';
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

test('tags show their rules and counts, and a rule tag is checked, added and opened', { skip: skipNoCli }, async () => {
  const browser = await launch();
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
    await waitForResults(page);
    await showTab(page, 'tags');
    const view = page.locator('portrait-tags');
    const expected = JSON.parse(await cli('tags', FILE, '--json')).summary;
    for (const family of ['value', 'consumption', 'lifecycle', 'preference', 'behaviour', 'risk']) {
      await view.locator(`[data-family="${family}"]`).waitFor();
    }
    const oneTime = expected.tags.find((x) => x.tag === 'one_time_buyer');
    const row = view.locator('tr[data-tag="one_time_buyer"]');
    assert.equal((await row.locator('td.name').textContent()).trim(), 'One-time buyer');
    assert.equal(await row.locator('code.rule').textContent(), 'orders == 1');
    assert.equal(int(await row.locator('[data-testid="tag-customers"]').textContent()), oneTime.customers);

    // a typo: refused, with its place and the field meant
    const form = view.locator('[data-testid="add-tag"]');
    await form.locator('input[name="name"]').fill('VIP');
    await form.locator('input[name="rule"]').fill('ordres >= 3');
    await form.locator('[data-action="add-tag"]').click();
    await view.locator('[data-testid="tag-error"]', { hasText: 'Rule tag “VIP”: column 1: unknown field "ordres" — did you mean "orders"?' }).waitFor();
    await form.locator('input[name="rule"]').fill('orders >= 3');
    await form.locator('[data-action="add-tag"]').click();
    const vip = view.locator('[data-family="rule"] tr[data-tag="VIP"]');
    await vip.waitFor();
    const want = JSON.parse(await cli('tags', FILE, '--json', '--rules', '[{"name":"VIP","rule":"orders >= 3"}]')).summary.tags.find((x) => x.tag === 'VIP');
    assert.equal(int(await vip.locator('[data-testid="tag-customers"]').textContent()), want.customers);
    const route = new URLSearchParams(page.url().split('#')[1].split('?')[1]);
    assert.deepEqual(JSON.parse(route.get('rules')), [{ name: 'VIP', rule: 'orders >= 3' }], 'the rule tags are in the address');

    // a valued tag: every customer has exactly one value
    await form.locator('input[name="name"]').fill('level');
    await form.locator('input[name="rule"]').fill('"high" if orders >= 3, "mid" if orders >= 2, else "low"');
    await form.locator('[data-action="add-tag"]').click();
    await view.locator('tr[data-tag="level"][data-value="low"]').waitFor();
    const levels = await view.locator('tr[data-tag="level"] [data-testid="tag-customers"]').allTextContents();
    assert.equal(levels.map(int).reduce((a, b) => a + b, 0), 55);

    // the VIP customers open in the profile table
    await vip.getByRole('link').click();
    await page.waitForSelector('portrait-app[data-view="profiles"]');
    await page.locator('portrait-profiles [data-testid="rule-count"]', { hasText: `${want.customers} match the rule` }).waitFor();
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});

test('the Chinese tag page names every built-in tag', async () => {
  const browser = await launch({ locale: 'zh-CN' });
  const { page, consoleErrors } = browser;
  try {
    await openApp(page, server.origin);
    await waitForResults(page, 90_000);
    await showTab(page, 'tags');
    const view = page.locator('portrait-tags');
    await view.locator('h2', { hasText: '标签体系' }).waitFor();
    const names = (await view.locator('td.name').allTextContents()).map((s) => s.trim());
    assert.ok(names.length >= 20, names.join(' '));
    assert.ok(names.every((n) => /[\u4e00-\u9fff]/.test(n)), `every built-in tag named in Chinese: ${names.join(' ')}`);
    for (const name of ['高价值', '沉睡', '一次性购买']) assert.ok(names.includes(name), name);
    await screenshot(page, 'zh-tags.png');
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
