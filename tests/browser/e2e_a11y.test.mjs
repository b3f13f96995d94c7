// Keyboard and screen-reader basics: Tab reaches the file picker, the sample button and the
// language switch; focus is visible; every interactive element has an accessible name (read
// from Chromium's own accessibility tree, through shadow DOM); tabs follow the ARIA pattern;
// table headers are buttons with aria-sort.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, openApp, requireBuild, screenshot, showTab, startServer, waitForResults } from './helpers.mjs';

let server;
let browser;

before(async () => {
  requireBuild();
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Describes the focused element, looking through shadow roots. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const label = el.id ? el.getRootNode().querySelector?.(`label[for="${el.id}"]`)?.textContent : '';
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') || label || el.textContent || '').trim().replace(/\s+/g, ' '),
      action: el.getAttribute('data-action'),
      part: el.getAttribute('part'),
      lang: el.getAttribute('lang'),
      outlineStyle: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
    };
  });
}

/** Interactive nodes of the accessibility tree with no accessible name. */
async function unnamed(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const needsName = new Set([
    'button',
    'link',
    'textbox',
    'searchbox',
    'combobox',
    'listbox',
    'checkbox',
    'radio',
    'tab',
    'tabpanel',
    'slider',
    'spinbutton',
    'menuitem',
    'image',
    'img',
    'progressbar',
    'table',
  ]);
  const bad = [];
  let checked = 0;
  for (const n of nodes) {
    if (n.ignored) continue;
    const role = n.role?.value;
    if (!needsName.has(role)) continue;
    checked++;
    const name = (n.name?.value ?? '').trim();
    if (!name) bad.push(`${role} (backend node ${n.backendDOMNodeId})`);
  }
  return { bad, checked };
}

test('keyboard reaches every control, focus is visible, everything has a name', async () => {
  const { page, consoleErrors } = browser;
  await openApp(page, server.origin, '?sample=0');

  // ---- Tab order from the top of the page
  const stops = [];
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f) stops.push(f);
  }
  const has = (pred, what) => assert.ok(stops.some(pred), `Tab reaches ${what}; stops: ${stops.map((s) => s.text).join(' | ')}`);
  has((s) => s.action === 'sample', 'the "Try a sample shop" button');
  has((s) => s.lang === 'zh-CN', 'the 中文 switch');
  has((s) => s.lang === 'en', 'the English switch');
  has((s) => s.part === 'button' && /Choose files/.test(s.text), 'the file picker button');
  for (const s of stops) {
    assert.ok(s.outlineStyle !== 'none' && s.outlineWidth >= 2, `visible focus outline on ${s.tag} "${s.text}"`);
    assert.ok(s.text.length > 0, `focused ${s.tag} has a name`);
  }

  // the picker button opens a real file input with a label
  const input = page.locator('portrait-dropzone input[type=file]');
  assert.equal(await input.getAttribute('aria-label'), 'Order export files');
  assert.equal(await input.getAttribute('multiple'), '');

  let names = await unnamed(page);
  assert.deepEqual(names.bad, [], 'empty state: interactive elements without a name');
  assert.ok(names.checked >= 5);

  // ---- keyboard only: load the sample with Enter
  await page.locator('portrait-app button[data-action="sample"]').focus();
  await page.keyboard.press('Enter');
  await waitForResults(page, 90_000);

  // ---- the side bar: one Tab stop; arrows, Home and End move, Enter opens a view
  const nav = page.locator('portrait-nav');
  assert.equal(await nav.locator('a[tabindex="0"]').count(), 1, 'one Tab stop in the side bar');
  assert.equal(await nav.locator('a[aria-current="page"]').getAttribute('data-view'), 'overview');
  await nav.locator('a[data-view="overview"]').focus();
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).text, 'Customer profiles');
  await page.keyboard.press('End');
  assert.equal((await focused(page)).text, 'Recommendations');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).text, 'Market basket');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).text, 'Churn & purchase propensity');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).text, 'Lifetime value');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).text, 'RFM segments');
  await page.keyboard.press('Enter');
  await page.waitForSelector('portrait-app[data-view="rfm"]');
  assert.match(page.url(), /#\/segments\/rfm$/);
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).text, 'Data quality');
  await page.keyboard.press('ArrowUp');
  assert.equal((await focused(page)).text, 'Recommendations', 'ArrowUp from the first view wraps to the last');
  await page.keyboard.press('End');
  assert.equal((await focused(page)).text, 'Recommendations');
  await page.locator('portrait-app .view[data-view="rfm"][ready]').waitFor();

  // ---- a reload of the view's address: the skip link is the first stop, the customer
  // search a few stops further (not one stop per control of the page)
  await page.goto(`${server.origin}/#/segments/rfm`, { waitUntil: 'load' });
  await waitForResults(page, 90_000);
  assert.equal(await page.locator('portrait-app').getAttribute('data-view'), 'rfm', 'the address shows its view');
  const path = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    path.push(f?.text ?? '');
    if (f?.tag === 'input' && f.text === 'Search customer ID') break;
  }
  assert.equal(path[0], 'Skip to content', `the first stop is the skip link: ${path.join(' | ')}`);
  assert.ok(path.at(-1) === 'Search customer ID' && path.length <= 22, `the search box is ${path.length} stops in: ${path.join(' | ')}`);
  // the skip link moves the focus to the content
  await page.reload({ waitUntil: 'load' });
  await waitForResults(page, 90_000);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.querySelector('portrait-app').shadowRoot.activeElement?.id), 'main');

  for (const tab of ['overview', 'quality', 'rfm']) {
    await showTab(page, tab);
    if (tab === 'rfm') await page.locator('portrait-rfm [data-testid="customer-table"] tbody tr').first().waitFor();
    names = await unnamed(page);
    assert.deepEqual(names.bad, [], `${tab}: interactive elements without a name`);
  }

  // sortable headers are buttons inside th[aria-sort]; the sorted one says so
  const headers = page.locator('portrait-rfm [data-testid="customer-table"] thead th[aria-sort]');
  assert.equal(await headers.count(), 5);
  assert.equal(await headers.locator('button').count(), 5);
  assert.equal(await page.locator('portrait-rfm th[aria-sort="descending"]').count(), 1);
  // the search box and the segment filter are labelled
  assert.equal(await page.getByLabel('Search customer ID').count(), 1);
  assert.equal(await page.getByLabel('Segment', { exact: true }).count(), 1);

  // no <img> without alt, decorative SVG hidden from assistive technology
  const imgs = await page.evaluate(() => {
    const roots = [document];
    const out = { imgNoAlt: 0, svgExposed: 0 };
    while (roots.length) {
      const root = roots.pop();
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'IMG' && !el.hasAttribute('alt')) out.imgNoAlt++;
        if (el.tagName === 'svg' && el.getAttribute('aria-hidden') !== 'true' && !el.closest('[aria-hidden="true"]') && !el.getAttribute('role') && !el.closest('[role="img"]')) out.svgExposed++;
        if (el.shadowRoot) roots.push(el.shadowRoot);
      }
    }
    return out;
  });
  assert.deepEqual(imgs, { imgNoAlt: 0, svgExposed: 0 });
  await screenshot(page, 'a11y-rfm.png');

  assert.deepEqual(consoleErrors, []);
});
