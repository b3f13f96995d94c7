#!/usr/bin/env node
// `make bench`, segments part in the browser: the worker time of the clustering and of an
// audience count in headless Debian Chromium, through the JS API (`Portrait.open()`), after
// the CSV is ingested (chosen through a file input) and RFM fitted once:
//   kmeans k=5                   stage c of the peer benchmark: 10 restarts (scikit-learn's
//                                KMeans(5, n_init=10) beside it in the same run)
//   kmeans auto                  k from 2 to 10 by the silhouette on a 4,000-customer sample
//   audience                     the count of each of ten rules (scripts/bench-rules.json,
//                                the valued one left out), every input cached: what a merchant
//                                waits for after each change in the builder
//
//   node scripts/bench-segments-browser.mjs --csv FILE --repeats 3 --out target/bench/segments_browser_N.json
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, requireBuild, startServer } from '../tests/browser/helpers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ''), a[i + 1]]]), []));
if (!args.csv || !args.out) {
  console.error('usage: node scripts/bench-segments-browser.mjs --csv FILE --out FILE [--repeats 3]');
  process.exit(2);
}
const repeats = Number(args.repeats || 3);
requireBuild();
const RULES = JSON.parse(fs.readFileSync(new URL('./bench-rules.json', import.meta.url), 'utf8'))
  .map((r) => r.rule)
  .filter((r) => !r.includes(' if '));

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
      const run = await b.page.evaluate(async (rules) => {
        const { Portrait } = await import(new URL('main.js', location.href).href);
        const portrait = await Portrait.open();
        await portrait.ingest([document.querySelector('#bench-file').files[0]]);
        await portrait.run('rfm');
        const t0 = performance.now();
        const k5 = await portrait.run('clusters', { k: 5 });
        const t1 = performance.now();
        const auto = await portrait.run('clusters');
        const t2 = performance.now();
        // the profile and lifecycle models the rules read, fitted once (as the page has)
        await portrait.run('audience', { where: rules.join(' or ') });
        const counts = [];
        for (const rule of rules) {
          const s = performance.now();
          const a = await portrait.run('audience', { where: rule });
          counts.push({ rule, ms: performance.now() - s, customers: a.customers });
        }
        return {
          customers: k5.customers,
          kmeans5_ms: t1 - t0,
          kmeans5_inertia: k5.inertia,
          auto_ms: t2 - t1,
          auto_k: auto.k,
          silhouette_sample: auto.silhouette_sample,
          audience_ms_max: Math.max(...counts.map((c) => c.ms)),
          audience_ms_median: counts.map((c) => c.ms).sort((a, b) => a - b)[Math.floor(counts.length / 2)],
          audiences: counts,
        };
      }, RULES);
      runs.push(run);
      console.log(
        `[segments-browser] ${path.basename(args.csv)} run ${rep + 1}: k-means k=5 ${run.kmeans5_ms.toFixed(0)} ms (inertia ${run.kmeans5_inertia.toFixed(1)}), ` +
          `auto k ${run.auto_ms.toFixed(0)} ms (k=${run.auto_k}), audience count median ${run.audience_ms_median.toFixed(1)} ms / max ${run.audience_ms_max.toFixed(1)} ms, ${run.customers} customers`,
      );
    } finally {
      await b.close();
    }
  }
} finally {
  await server.stop();
}
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify({ csv: path.basename(args.csv), runs }, null, 1) + '\n');
