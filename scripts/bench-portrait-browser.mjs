#!/usr/bin/env node
// `make bench`, customer-portrait part in the browser: the worker time of the portrait fits
// in headless Debian Chromium. The app's page is opened only to load its code; the bench
// then opens a worker of its own through the JS API (`Portrait.open()`, what an embedder
// calls), so no view warms a cache first. After the CSV is ingested (chosen through a file
// input, as a merchant chooses it), each fit is one `run` round trip, timed in the page:
//   profile                      every profile feature (nothing cached)
//   lifecycle                    the stages and month ends
//   tags                         the built-in tags (profile and lifecycle cached; RFM fitted)
//   tags + one rule tag          a refit with one user rule tag: the built-in tags again and
//                                the one rule, every input cached
//   tags + ten rule tags         the same with ten: what it takes beyond the one-rule refit,
//                                × 10/9, is the ten rules' own time
//
//   node scripts/bench-portrait-browser.mjs --csv FILE --repeats 3 --out target/bench/portrait_browser_N.json
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, requireBuild, startServer } from '../tests/browser/helpers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ''), a[i + 1]]]), []));
if (!args.csv || !args.out) {
  console.error('usage: node scripts/bench-portrait-browser.mjs --csv FILE --out FILE [--repeats 3]');
  process.exit(2);
}
const repeats = Number(args.repeats || 3);
requireBuild();

/** Ten rule tags of the kinds a merchant writes, over profile, lifecycle and RFM columns (shared with
 * the native run in scripts/bench.sh). */
const TEN_RULES = JSON.parse(fs.readFileSync(new URL('./bench-rules.json', import.meta.url), 'utf8'));

const server = await startServer();
const runs = [];
let customers = null;
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
        const file = document.querySelector('#bench-file').files[0];
        const t0 = performance.now();
        const summary = await portrait.ingest([file]);
        const t1 = performance.now();
        await portrait.run('profile');
        const t2 = performance.now();
        await portrait.run('lifecycle');
        const t3 = performance.now();
        const tags = await portrait.run('tags');
        const t4 = performance.now();
        // the same refit with one rule: what the ten cost beyond it is the rules' own time
        await portrait.run('tags', { rules: [{ name: 'one', rule: 'orders >= 1' }] });
        const t5 = performance.now();
        const ruled = await portrait.run('tags', { rules });
        const t6 = performance.now();
        portrait.close();
        return {
          customers: summary.facts.customers,
          tags_counted: tags.tags.length,
          rule_tags_counted: ruled.tags.length - tags.tags.length,
          ingest_ms: t1 - t0,
          profile_ms: t2 - t1,
          lifecycle_ms: t3 - t2,
          tags_ms: t4 - t3,
          portrait_ms: t4 - t1,
          tags_one_rule_ms: t5 - t4,
          tags_ten_rules_ms: t6 - t5,
        };
      }, TEN_RULES);
      if (run.rule_tags_counted < TEN_RULES.length) throw new Error(`only ${run.rule_tags_counted} rule tags counted`);
      customers = run.customers;
      runs.push(run);
      console.log(
        `[portrait-browser] ${path.basename(args.csv)} run ${rep + 1}: profile ${run.profile_ms.toFixed(0)} ms, lifecycle ${run.lifecycle_ms.toFixed(0)} ms, ` +
          `tags ${run.tags_ms.toFixed(0)} ms (all three ${run.portrait_ms.toFixed(0)} ms), tags + one rule ${run.tags_one_rule_ms.toFixed(0)} ms, tags + ten rules ${run.tags_ten_rules_ms.toFixed(0)} ms, ${run.customers} customers`,
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
fs.writeFileSync(args.out, JSON.stringify({ csv: args.csv, customers, runs }, null, 1) + '\n');
