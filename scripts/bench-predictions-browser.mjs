#!/usr/bin/env node
// `make bench`, predictions part in the browser: the worker time of the lifetime-value fit in
// headless Debian Chromium, through the JS API (`Portrait.open()`), after the CSV is ingested
// (chosen through a file input) and the overview run once (which builds the grouped data),
// each in a fresh page so no model is cached:
//   stage e     `clv` with `validate: false`: the summary, BG/NBD, Gamma-Gamma, every
//               customer's P(alive), expected purchases, value, CLV and next purchase, and the
//               intervals (lifetimes' stage e beside it: shared/bench/peers, clv_lifetimes)
//   default     `clv` as the view runs it: the same plus the holdout validation (a second fit)
//   pareto      `clv` with `model: 'pareto'`, validated
//   propensity  `propensity` as the view runs it: the features of three periods, logistic
//               regression, a tree and a 100-tree forest, their held-out metrics, every
//               customer scored (scikit-learn beside it: scripts/propensity_reference.py --bench)
//   logistic    `propensity` with the logistic regression alone
//
//   node scripts/bench-predictions-browser.mjs --csv FILE --repeats 3 --out target/bench/predictions_browser_N.json
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, requireBuild, startServer } from '../tests/browser/helpers.mjs';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ''), a[i + 1]]]), []));
if (!args.csv || !args.out) {
  console.error('usage: node scripts/bench-predictions-browser.mjs --csv FILE --out FILE [--repeats 3]');
  process.exit(2);
}
const repeats = Number(args.repeats || 3);
requireBuild();

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
      const run = await b.page.evaluate(async () => {
        const { Portrait } = await import(new URL('main.js', location.href).href);
        const portrait = await Portrait.open();
        await portrait.ingest([document.querySelector('#bench-file').files[0]]);
        // the grouped dataset is built by the first analysis: not part of any fit
        await portrait.run('overview');
        const t0 = performance.now();
        const stageE = await portrait.run('clv', { validate: false });
        const t1 = performance.now();
        const full = await portrait.run('clv');
        const t2 = performance.now();
        const pareto = await portrait.run('clv', { model: 'pareto' });
        const t3 = performance.now();
        const propensity = await portrait.run('propensity');
        const t4 = performance.now();
        await portrait.run('propensity', { compare: false, model: 'logistic' });
        const t5 = performance.now();
        const p = (s) => Object.fromEntries(s.purchases.parameters.map((x) => [x.name, x.value]));
        return {
          customers: stageE.customers,
          stage_e_ms: t1 - t0,
          default_ms: t2 - t1,
          pareto_ms: t3 - t2,
          propensity_ms: t4 - t3,
          propensity_logistic_ms: t5 - t4,
          propensity_auc: Object.fromEntries(propensity.models.map((m) => [m.model, m.roc_auc])),
          bgnbd: p(stageE),
          expected_purchases_90d: stageE.expected_purchases.value,
          lifetime_value_90d: stageE.lifetime_value?.value ?? null,
          pareto_params: p(pareto),
        };
      });
      runs.push(run);
      console.log(
        `[predictions-browser] ${path.basename(args.csv)} run ${rep + 1}: stage e ${run.stage_e_ms.toFixed(0)} ms, ` +
          `with validation ${run.default_ms.toFixed(0)} ms, Pareto/NBD ${run.pareto_ms.toFixed(0)} ms, ` +
          `propensity ${run.propensity_ms.toFixed(0)} ms (logistic alone ${run.propensity_logistic_ms.toFixed(0)} ms), ${run.customers} customers, ` +
          `r ${run.bgnbd.r.toFixed(4)} alpha ${run.bgnbd.alpha.toFixed(3)} a ${run.bgnbd.a.toFixed(4)} b ${run.bgnbd.b.toFixed(4)}`,
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
