// Browser and CLI give identical results: the report the page exports ("Export JSON", built
// by the wasm core in the worker) must be byte-identical to `portrait analyze FILE --json`.
// Skips (with a message) when the native CLI has not been built.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { FIXTURES, launch, openApp, requireBuild, ROOT, startServer, waitForResults } from './helpers.mjs';

const CLI = process.env.PORTRAIT_BIN ?? path.join(ROOT, 'target', 'release', 'portrait');
const FILE = path.join(FIXTURES, 'shop_small.csv');
const haveCli = existsSync(CLI);

let server;
let browser;

before(async () => {
  if (!haveCli) return;
  requireBuild();
  server = await startServer();
  browser = await launch({ acceptDownloads: true });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test(
  'the page exports the same JSON as `portrait analyze --json`',
  { skip: haveCli ? false : `${path.relative(ROOT, CLI)} is missing: build it with \`cargo build --release\` (make build does)` },
  async () => {
    const { stdout } = await promisify(execFile)(CLI, ['analyze', FILE, '--json'], { maxBuffer: 64 << 20 });
    // the CLI ends its output with one newline; the report itself is the text before it
    const cliJson = stdout.endsWith('\n') ? stdout.slice(0, -1) : stdout;

    const { page, consoleErrors } = browser;
    await openApp(page, server.origin, '?sample=0');
    await page.locator('portrait-dropzone input[type=file]').setInputFiles(FILE);
    await waitForResults(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('portrait-app button[data-action="export"]').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'portrait-shop_small.json');
    const pageJson = await readFile(await download.path(), 'utf8');

    const a = JSON.parse(pageJson);
    const b = JSON.parse(cliJson);
    assert.deepEqual(a, b, 'same report structure and values');
    assert.equal(pageJson, cliJson, 'byte-identical JSON text');
    assert.deepEqual(consoleErrors, []);
  },
);
