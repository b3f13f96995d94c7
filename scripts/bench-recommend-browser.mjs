#!/usr/bin/env node
// `make bench`, recommendations part in the browser: stage d of the peer benchmark (FP-Growth
// at support 0.005 and every rule with lift ≥ 1, any consequent — mlxtend's fpgrowth +
// association_rules beside it) in headless Debian Chromium through the JS API, after the CSV
// is ingested (chosen through a file input) and the overview run once (which builds the
// grouped data), in a fresh page each run so no model is cached; then the view's default
// (one item on the right) and a product's frequently-bought-together list on the cached rules;
// then stage f: every customer's top 10 by item-CF and by ALS (`run('recommend')`).
//
// Memory: after ingest, each Chromium process's peak-RSS mark is reset (`/proc/PID/clear_refs`,
// 5) and its resident size read; after the mining, the new peak. `extra_mb` is the largest
// rise of one process (the renderer, whose workers hold the wasm memory): what the mining
// costs on top of the loaded data.
//
//   node scripts/bench-recommend-browser.mjs --csv FILE --repeats 3 --out target/bench/recommend_browser_N.json
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, requireBuild, startServer } from '../tests/browser/helpers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ''), a[i + 1]]]), []));
if (!args.csv || !args.out) {
  console.error('usage: node scripts/bench-recommend-browser.mjs --csv FILE --out FILE [--repeats 3]');
  process.exit(2);
}
const repeats = Number(args.repeats || 3);
requireBuild();

function chromiumPids() {
  try {
    return execFileSync('pgrep', ['-f', 'chromium'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

function status(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Resets every Chromium process's peak mark; their resident sizes now (MB), by pid. */
function resetPeaks() {
  const now = {};
  for (const pid of chromiumPids()) {
    try {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {}
    const rss = status(pid, 'VmRSS');
    if (rss !== null) now[pid] = rss;
  }
  return now;
}

/** The largest rise of one process's peak over its size in `before` (MB), and that peak. */
function rise(before) {
  let extra = 0;
  let peak = 0;
  for (const [pid, rss] of Object.entries(before)) {
    const hwm = status(pid, 'VmHWM');
    if (hwm === null) continue;
    if (hwm - rss > extra) {
      extra = hwm - rss;
      peak = hwm;
    }
  }
  return { extra, peak };
}

const server = await startServer();
const runs = [];
try {
  for (let rep = 0; rep < repeats; rep++) {
    const b = await launch();
    try {
      await openApp(b.page, server.origin, '?sample=0');
      await b.page.evaluate(() => {
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'bench-file';
        document.body.append(input);
      });
      await b.page.locator('#bench-file').setInputFiles(path.resolve(args.csv));
      await b.page.evaluate(async () => {
        const { Portrait } = await import(new URL('main.js', location.href).href);
        globalThis.benchPortrait = await Portrait.open();
        await globalThis.benchPortrait.ingest([document.querySelector('#bench-file').files[0]]);
        // the grouped dataset is built by the first analysis: not part of the mining
        await globalThis.benchPortrait.run('overview');
      });
      const before = resetPeaks();
      const stageD = await b.page.evaluate(async () => {
        const t0 = performance.now();
        const s = await globalThis.benchPortrait.run('basket', { min_support: 0.005, min_lift: 1, consequents: 'any' });
        return { ms: performance.now() - t0, baskets: s.baskets, itemsets: s.itemsets.length, rules: s.rules.length, top: s.top_items[0].product };
      });
      const memory = rise(before);
      const rest = await b.page.evaluate(async (top) => {
        const t0 = performance.now();
        const view = await globalThis.benchPortrait.run('basket');
        const t1 = performance.now();
        const together = await globalThis.benchPortrait.run('basket', { product: top });
        const t2 = performance.now();
        return { default_ms: t1 - t0, default_rules: view.rules.length, together_ms: t2 - t1, partners: together.together.partners.length };
      }, stageD.top);
      // stage f in the tab: every customer's top 10 by item-CF (the view's default: 100
      // neighbours), then by ALS (64 factors, 15 alternations; its one-order customers by
      // item-CF), each fitted afresh — no model of the other is reused
      const lists = await b.page.evaluate(async () => {
        const t0 = performance.now();
        const itemcf = await globalThis.benchPortrait.run('recommend', { method: 'itemcf' });
        const t1 = performance.now();
        const als = await globalThis.benchPortrait.run('recommend', { method: 'als' });
        const t2 = performance.now();
        return { itemcf_ms: t1 - t0, als_ms: t2 - t1, list_customers: itemcf.customers, als_customers: als.customers };
      });
      const run = {
        stage_d_ms: stageD.ms,
        baskets: stageD.baskets,
        itemsets: stageD.itemsets,
        rules: stageD.rules,
        extra_mb: memory.extra,
        peak_rss_mb: memory.peak,
        ...rest,
        ...lists,
      };
      runs.push(run);
      console.log(
        `[recommend-browser] ${path.basename(args.csv)} run ${rep + 1}: stage d ${run.stage_d_ms.toFixed(0)} ms ` +
          `(${run.baskets} baskets, ${run.itemsets} itemsets, ${run.rules} rules), +${run.extra_mb.toFixed(0)} MB over ingest (peak ${run.peak_rss_mb.toFixed(0)} MB); ` +
          `view default ${run.default_ms.toFixed(0)} ms, bought-together ${run.together_ms.toFixed(0)} ms; ` +
          `top 10 for ${run.list_customers} customers: item-CF ${run.itemcf_ms.toFixed(0)} ms, ALS ${run.als_ms.toFixed(0)} ms`,
      );
      if (b.consoleErrors.length) throw new Error(`console errors: ${b.consoleErrors.join('; ')}`);
    } finally {
      await b.close();
    }
  }
} finally {
  await server.stop();
}
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify({ csv: path.basename(args.csv), runs }, null, 1) + '\n');
