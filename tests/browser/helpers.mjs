// Shared set-up of the browser end-to-end tests: serve www/dist on a free 127.0.0.1 port
// with scripts/serve.mjs, launch Debian's Chromium through playwright-core with a fresh
// profile, and record every request, console error and dialog.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(ROOT, 'www', 'dist');
export const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'web');
export const SCREENSHOTS = path.join(ROOT, 'target', 'screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The native CLI the page's numbers are compared with. */
export const CLI = process.env.PORTRAIT_BIN ?? path.join(ROOT, 'target', 'release', 'portrait');
/** A test's `skip` when the CLI has not been built (false when it has). */
export const skipNoCli = existsSync(CLI) ? false : `${path.relative(ROOT, CLI)} is missing: build it with \`cargo build --release\` (make build does)`;

/** What `portrait ARGS…` prints on stdout. */
export async function cli(...args) {
  return (await promisify(execFile)(CLI, args, { maxBuffer: 256 << 20 })).stdout;
}

/** Fails with a clear message when the front-end has not been built. */
export function requireBuild() {
  for (const f of ['index.html', 'main.js', 'worker.js', 'portrait_bg.wasm']) {
    if (!existsSync(path.join(DIST, f))) {
      throw new Error(`www/dist/${f} is missing: run \`make build\` (wasm + front-end) before the browser tests.`);
    }
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (\`apt-get install chromium\`, or \`make test\` does it).`);
  }
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Starts scripts/serve.mjs on a free port; resolves once it prints its URL. */
export async function startServer() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), String(port)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${output}`)), 10_000);
    const onData = (d) => {
      output += d;
      if (output.includes('Portrait is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve.mjs exited with ${code}: ${output}`));
    });
  });
  child.removeAllListeners('exit');
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Launches Chromium with a fresh profile under os.tmpdir() and opens one page.
 * Records requests (page and workers), console errors, page errors and dialogs.
 */
export async function launch({ locale = 'en-US', viewport = { width: 1366, height: 768 }, acceptDownloads = false } = {}) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'portrait-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    locale,
    viewport,
    acceptDownloads,
    reducedMotion: 'reduce',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests = [];
  const consoleErrors = [];
  const dialogs = [];
  const seen = new Set();
  const record = (req) => {
    // page.on and context.on can both report one request: count it once
    if (seen.has(req)) return;
    seen.add(req);
    requests.push({ url: req.url(), method: req.method(), type: req.resourceType(), at: Date.now() });
  };
  page.on('request', record);
  context.on('request', record);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(`pageerror: ${err.message}`));
  page.on('dialog', async (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('worker', (worker) => {
    worker.on('console', (msg) => {
      if (msg.type() === 'error') consoleErrors.push(`worker: ${msg.text()}`);
    });
  });
  return {
    context,
    page,
    requests,
    consoleErrors,
    dialogs,
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Opens the app and waits until its engine (worker + wasm) is ready. */
export async function openApp(page, origin, query = '') {
  await page.goto(`${origin}/${query}`, { waitUntil: 'load' });
  await page.waitForSelector('portrait-app[ready]', { timeout: 30_000 });
}

/** Waits until the app shows results and the open view has fetched and shown its own. */
export async function waitForResults(page, timeout = 60_000) {
  await page.waitForSelector('portrait-app[data-state="results"][data-view]', { timeout });
  await page.waitForSelector('portrait-app .view:not([hidden])[ready]', { timeout });
}

/** The app's data-state attribute. */
export function appState(page) {
  return page.locator('portrait-app').getAttribute('data-state');
}

/** KPI card values by id (`customers`, `orders`, `revenue`, …), as shown. */
export async function kpis(page) {
  return page.evaluate(() => {
    const app = document.querySelector('portrait-app');
    const ov = app?.shadowRoot?.querySelector('portrait-overview');
    const out = {};
    for (const card of ov?.shadowRoot?.querySelectorAll('[data-kpi]') ?? []) {
      out[card.getAttribute('data-kpi')] = card.querySelector('[data-testid="kpi-value"]')?.textContent?.trim() ?? '';
    }
    return out;
  });
}

/** Segment counts from the RFM segment table: {segment code: count text}. */
export async function segmentCounts(page) {
  return page.evaluate(() => {
    const app = document.querySelector('portrait-app');
    const rfm = app?.shadowRoot?.querySelector('portrait-rfm');
    const out = {};
    for (const row of rfm?.shadowRoot?.querySelectorAll('[data-testid="segment-table"] tbody tr') ?? []) {
      out[row.getAttribute('data-segment')] = row.querySelector('[data-testid="segment-count"]')?.textContent?.trim() ?? '';
    }
    return out;
  });
}

/** Opens a view from the side bar by id (`overview`, `quality`, `rfm`) and waits for its results. */
export async function showTab(page, id, timeout = 60_000) {
  await page.locator(`portrait-nav a[data-view="${id}"]`).click();
  await page.waitForSelector(`portrait-app[data-view="${id}"]`, { timeout });
  await page.waitForSelector(`portrait-app .view[data-view="${id}"]:not([hidden])[ready]`, { timeout });
}

/**
 * How far the page scrolls sideways (`scrollWidth` beyond the viewport, in CSS pixels): 0 when
 * nothing overflows. Content inside its own scroll container (a wide table) does not count.
 */
export async function horizontalOverflow(page) {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Parses a formatted integer like "1,234" or "4,372". */
export function int(text) {
  return Number(String(text).replace(/[^\d-]/g, ''));
}

/** Polls until the locator's trimmed text equals `expected`. */
export async function waitForText(locator, expected, timeout = 10_000) {
  const end = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = ((await locator.textContent({ timeout })) ?? '').trim();
    if (last === expected) return;
    if (Date.now() > end) throw new Error(`expected text "${expected}", saw "${last}"`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The requests among `requests` that break the privacy rule after load: anything but a
 * same-origin GET of one of the app's own code chunks (`www/dist/chunks/*.js`, a view loaded
 * when first opened). Chunks carry no data; every other request is an offence.
 */
export function requestsBeyondCode(requests, origin) {
  return requests.filter((r) => {
    if (r.method !== 'GET' || !r.url.startsWith(`${origin}/chunks/`)) return true;
    const name = r.url.slice(`${origin}/chunks/`.length);
    return !/^[\w-]+\.js$/.test(name) || !existsSync(path.join(DIST, 'chunks', name));
  });
}

/** The records of a CSV text (RFC 4180: quoted fields, `""` inside quotes), each an array of cells. */
export function csvRecords(text) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(cell);
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || record.length) records.push([...record, cell]);
  return records;
}
