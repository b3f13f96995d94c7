// The recommendations part of `make bench`: stage d of the peer benchmark (FP-Growth at
// support 0.005, every rule with lift ≥ 1) by the native CLI (`portrait basket FILE
// --consequents any --timings`, the mining alone, ingest excluded) and in the page's worker
// (scripts/bench-recommend-browser.mjs, with the memory it adds over the ingested data) beside
// mlxtend in the same run (shared/bench/peers/peers.py --stages load_pandas,basket_fpgrowth:
// baskets, TransactionEncoder, fpgrowth, association_rules; reading the CSV excluded); and
// stage f, every customer's top 10 by item-CF and by ALS, natively, in the tab, and by
// scikit-learn and implicit (--stages recs_itemitem,recs_als).
//   node scripts/bench-recommend.mjs --dir target/bench --sizes "100000 1000000"
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

const out = ['', '| market basket, stage d (FP-Growth at support 0.005, every rule with lift ≥ 1) | rows | seconds | memory |', '|---|---|---|---|'];
for (const n of sizes) {
  const rows = n.toLocaleString('en-US');
  out.push(`| Portrait: CLI (native) | ${rows} | ${cell(lines(path.join(dir, `basket_${n}.jsonl`)).map((r) => r.basket_s))} | |`);
  const browser = path.join(dir, `recommend_browser_${n}.json`);
  let tab = null;
  if (existsSync(browser)) {
    const { runs } = JSON.parse(readFileSync(browser, 'utf8'));
    const ms = (key) => runs.map((r) => r[key] / 1000);
    tab = median(ms('stage_d_ms'));
    const extra = Math.max(...runs.map((r) => r.extra_mb));
    const r0 = runs[0];
    out.push(`| **Portrait in Chromium (worker)**: ${r0.baskets.toLocaleString('en-US')} baskets, ${r0.itemsets} itemsets, ${r0.rules} rules | ${rows} | **${cell(ms('stage_d_ms'))}** | +${extra.toFixed(0)} MB over the ingested tab (peak ${Math.max(...runs.map((r) => r.peak_rss_mb)).toFixed(0)} MB) |`);
    out.push(`| Portrait in Chromium (worker): the view's default (one item on the right) | ${rows} | ${cell(ms('default_ms'))} | |`);
    out.push(`| Portrait in Chromium (worker): a product's frequently-bought-together list (rules cached) | ${rows} | ${cell(ms('together_ms'))} | |`);
  }
  const peer = path.join(dir, `peer_basket_${n}.json`);
  if (existsSync(peer)) {
    const st = JSON.parse(readFileSync(peer, 'utf8')).stages?.basket_fpgrowth;
    const runs = st?.seconds_runs ?? [];
    const d = st?.details ?? {};
    out.push(`| mlxtend (peer harness): ${d.itemsets ?? '?'} itemsets, ${d.rules_lift_ge_1 ?? '?'} rules | ${rows} | ${cell(runs)} | peak ${st?.peak_rss_mb?.toFixed(0) ?? '?'} MB |`);
    if (tab && runs.length) out.push(`| **mlxtend ÷ Portrait in the tab** | ${rows} | **${(median(runs) / tab).toFixed(1)}×** | |`);
  }
}

// stage f: every customer's top 10 unseen products
out.push('', '| top 10 for every customer (stage f) | rows | seconds |', '|---|---|---|');
for (const n of sizes) {
  const rows = n.toLocaleString('en-US');
  for (const [m, name] of [['itemcf', 'item-CF (100 neighbours)'], ['als', 'ALS (64 factors, 15 alternations)']]) {
    out.push(`| Portrait: CLI (native), ${name}, fit and lists | ${rows} | ${cell(lines(path.join(dir, `lists_${m}_${n}.jsonl`)).map((r) => r.recommend_s))} |`);
  }
  const browser = path.join(dir, `recommend_browser_${n}.json`);
  if (existsSync(browser)) {
    const { runs } = JSON.parse(readFileSync(browser, 'utf8'));
    if (runs[0]?.itemcf_ms !== undefined) {
      const ms = (key) => runs.map((r) => r[key] / 1000);
      out.push(`| **Portrait in Chromium (worker)**: item-CF, fit and lists | ${rows} | **${cell(ms('itemcf_ms'))}** |`);
      out.push(`| **Portrait in Chromium (worker)**: ALS, fit and lists | ${rows} | **${cell(ms('als_ms'))}** |`);
      out.push(`| Portrait in Chromium: both together | ${rows} | ${cell(runs.map((r) => (r.itemcf_ms + r.als_ms) / 1000))} |`);
    }
  }
  const peer = path.join(dir, `peer_basket_${n}.json`);
  if (existsSync(peer)) {
    const stages = JSON.parse(readFileSync(peer, 'utf8')).stages ?? {};
    for (const [k, name] of [['recs_itemitem', 'scikit-learn cosine item-item'], ['recs_als', 'implicit ALS']]) {
      const st = stages[k];
      if (st) out.push(`| ${name} (peer harness, native) | ${rows} | ${cell(st.seconds_runs ?? [])} |`);
    }
  }
}
console.log(out.join('\n'));
