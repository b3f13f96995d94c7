// The predictions part of `make bench`: the lifetime-value fit of the native CLI (`portrait clv
// FILE --timings`, the fit alone, ingest excluded) and in the page's worker
// (scripts/bench-predictions-browser.mjs) beside lifetimes' stage e in the same run
// (shared/bench/peers/peers.py --stages load_pandas,clv_lifetimes: summary, BG/NBD,
// Gamma-Gamma and 90-day CLV, reading the CSV excluded), and the propensity fit (`portrait
// propensity FILE --timings`; in the worker; pandas + scikit-learn in the same run,
// scripts/propensity_reference.py --bench, reading the CSV excluded), as markdown tables.
//   node scripts/bench-predictions.mjs --dir target/bench --sizes "100000 1000000"
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((a, v, i, all) => (v.startsWith('--') ? [...a, [v.slice(2), all[i + 1]]] : a), []));
const dir = args.dir ?? 'target/bench';
const sizes = (args.sizes ?? '100000 1000000').split(/\s+/).filter(Boolean).map(Number);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const lines = (file) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)) : []);
const cell = (xs) => (xs.length ? `${median(xs).toFixed(3)} (${Math.min(...xs).toFixed(3)}-${Math.max(...xs).toFixed(3)})` : '—');

const out = ['', '| lifetime value | rows | seconds |', '|---|---|---|'];
for (const n of sizes) {
  const rows = n.toLocaleString('en-US');
  const native = (f) => lines(path.join(dir, `${f}_${n}.jsonl`)).map((r) => r.clv_s);
  out.push(`| Portrait: CLI (native): stage e (summary, BG/NBD, Gamma-Gamma, every customer's predictions, intervals) | ${rows} | ${cell(native('clv_stage_e'))} |`);
  out.push(`| Portrait: CLI (native): the same with the holdout validation (the view's default) | ${rows} | ${cell(native('clv'))} |`);
  out.push(`| Portrait: CLI (native): Pareto/NBD, validated | ${rows} | ${cell(native('clv_pareto'))} |`);
  const browser = path.join(dir, `predictions_browser_${n}.json`);
  let tab = null;
  if (existsSync(browser)) {
    const { runs } = JSON.parse(readFileSync(browser, 'utf8'));
    const ms = (key) => runs.map((r) => r[key] / 1000);
    tab = median(ms('stage_e_ms'));
    out.push(`| **Portrait in Chromium (worker): stage e** | ${rows} | **${cell(ms('stage_e_ms'))}** |`);
    out.push(`| Portrait in Chromium (worker): with the holdout validation | ${rows} | ${cell(ms('default_ms'))} |`);
    out.push(`| Portrait in Chromium (worker): Pareto/NBD, validated | ${rows} | ${cell(ms('pareto_ms'))} |`);
  }
  const peer = path.join(dir, `peer_clv_${n}.json`);
  if (existsSync(peer)) {
    const st = JSON.parse(readFileSync(peer, 'utf8')).stages?.clv_lifetimes;
    const runs = st?.seconds_runs ?? [];
    out.push(`| lifetimes 0.11.3 (peer harness): stage e | ${rows} | ${cell(runs)} |`);
    if (tab && runs.length) out.push(`| **lifetimes ÷ Portrait in the tab, stage e** | ${rows} | **${(median(runs) / tab).toFixed(1)}×** |`);
  }
}
out.push('', '| propensity (churn in 90 days: features of three periods, logistic regression, a tree and a 100-tree forest, held-out metrics, every customer scored) | rows | seconds |', '|---|---|---|');
for (const n of sizes) {
  const rows = n.toLocaleString('en-US');
  out.push(`| Portrait: CLI (native) | ${rows} | ${cell(lines(path.join(dir, `propensity_${n}.jsonl`)).map((r) => r.propensity_s))} |`);
  const browser = path.join(dir, `predictions_browser_${n}.json`);
  let tab = null;
  if (existsSync(browser)) {
    const { runs } = JSON.parse(readFileSync(browser, 'utf8'));
    const ms = (key) => runs.filter((r) => r[key] !== undefined).map((r) => r[key] / 1000);
    if (ms('propensity_ms').length) {
      tab = median(ms('propensity_ms'));
      out.push(`| **Portrait in Chromium (worker): all three models** | ${rows} | **${cell(ms('propensity_ms'))}** |`);
      out.push(`| Portrait in Chromium (worker): logistic regression alone | ${rows} | ${cell(ms('propensity_logistic_ms'))} |`);
    }
  }
  const peer = path.join(dir, `peer_propensity_${n}.json`);
  if (existsSync(peer)) {
    const p = JSON.parse(readFileSync(peer, 'utf8'));
    const total = p.features_s + p.models_s;
    out.push(`| pandas ${p.pandas} + scikit-learn ${p.scikit_learn}: features ${p.features_s.toFixed(2)} s, logistic ${p.logistic_s.toFixed(2)} s, tree ${p.tree_s.toFixed(2)} s, forest ${p.forest_s.toFixed(2)} s | ${rows} | ${total.toFixed(3)} |`);
    if (tab) out.push(`| **pandas + scikit-learn ÷ Portrait in the tab** | ${rows} | **${(total / tab).toFixed(1)}×** |`);
  }
}
console.log(out.join('\n'));
