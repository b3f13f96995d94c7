#!/usr/bin/env node
// `make bench`, size part: what the page downloads, gzip-compressed (level 9), measured in
// headless Debian Chromium from the requests the page really makes:
//   empty page   `/?sample=0` loaded and idle (shell, worker, wasm; no data yet)
//   first view   `/` with the built-in sample shop, until the overview's KPI cards are painted
// Views (and ECharts) are loaded when first opened, so the first view adds its own chunks.
//
//   node scripts/bench-size.mjs [--repo DIR] --out target/bench/size.json
// `--repo` serves another checkout's www/dist with its own scripts/serve.mjs (the previous
// commit, for the side-by-side run).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { launch } from '../tests/browser/helpers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ''), a[i + 1]]]), []));
const repo = path.resolve(args.repo || '.');
const dist = path.join(repo, 'www', 'dist');
if (!args.out || !fs.existsSync(path.join(dist, 'index.html'))) {
  console.error('usage: node scripts/bench-size.mjs [--repo DIR] --out FILE (after `make build` in DIR)');
  process.exit(2);
}

/** Serves `repo`'s www/dist with its own serve.mjs on `port`. */
async function serve(port) {
  const child = spawn(process.execPath, [path.join(repo, 'scripts', 'serve.mjs'), String(port)], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve.mjs did not start: ${out}`)), 10_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (out.includes('Portrait is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr.on('data', (d) => (out += d));
  });
  return child;
}

/** The distinct same-origin files requested, with their raw and gzip sizes. */
function sizes(requests, origin) {
  const files = new Map();
  for (const r of requests) {
    if (!r.url.startsWith(origin)) continue;
    let p = new URL(r.url).pathname;
    if (p.endsWith('/')) p += 'index.html';
    const file = path.join(dist, decodeURIComponent(p));
    if (files.has(p) || !fs.existsSync(file)) continue;
    const bytes = fs.readFileSync(file);
    files.set(p, { raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length });
  }
  const list = [...files].map(([file, s]) => ({ file, ...s })).sort((a, b) => b.gzip - a.gzip);
  return { gzip: list.reduce((a, f) => a + f.gzip, 0), raw: list.reduce((a, f) => a + f.raw, 0), files: list };
}

const port = 20_000 + Math.floor(Math.random() * 20_000);
const origin = `http://127.0.0.1:${port}`;
const server = await serve(port);
const result = {};
try {
  for (const [phase, url] of [['empty_page', '/?sample=0'], ['first_view', '/']]) {
    const b = await launch();
    try {
      await b.page.goto(origin + url);
      if (phase === 'first_view') {
        await b.page.waitForFunction(() => performance.getEntriesByName('portrait:kpis').length > 0, null, { timeout: 120_000 });
      }
      await b.page.waitForLoadState('networkidle');
      await b.page.waitForTimeout(500);
      result[phase] = sizes(b.requests, origin);
    } finally {
      await b.close();
    }
  }
} finally {
  server.kill('SIGTERM');
}
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify(result, null, 1) + '\n');
for (const [phase, r] of Object.entries(result)) {
  console.log(`[size] ${path.basename(repo)} ${phase}: ${r.gzip.toLocaleString('en-US')} B gzip (${r.raw.toLocaleString('en-US')} B raw) in ${r.files.length} files`);
}
