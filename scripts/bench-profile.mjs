// The customer-portrait part of `make bench`: the profile and lifecycle fits of the native
// CLI (`portrait <kind> FILE --timings`, the fit alone, ingest excluded) beside the pandas
// reference computing the same profile features (`scripts/profile_reference.py --time FILE`,
// reading the CSV excluded), and the same fits in the page's worker
// (scripts/bench-portrait-browser.mjs), as a markdown table on stdout.
//   node scripts/bench-profile.mjs --dir target/bench --sizes "100000 1000000"
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

const out = ['', '| customer portrait stage | rows | seconds |', '|---|---|---|'];
for (const n of sizes) {
  const profile = lines(path.join(dir, `profile_${n}.jsonl`)).map((r) => r.profile_s);
  const lifecycle = lines(path.join(dir, `lifecycle_${n}.jsonl`)).map((r) => r.lifecycle_s);
  const pandas = lines(path.join(dir, `pandas_profile_${n}.json`)).map((r) => r.profile_s);
  const rows = n.toLocaleString('en-US');
  out.push(`| Portrait: CLI (native): profile features (31 per customer) | ${rows} | ${cell(profile)} |`);
  out.push(`| Portrait: CLI (native): lifecycle stages and month ends | ${rows} | ${cell(lifecycle)} |`);
  const tags = lines(path.join(dir, `tags_${n}.jsonl`)).map((r) => r.tags_s);
  const tagsRules = lines(path.join(dir, `tags_rules_${n}.jsonl`)).map((r) => r.tags_s);
  out.push(`| Portrait: CLI (native): tags (built-in rules; profile, lifecycle and RFM fitted inside) | ${rows} | ${cell(tags)} |`);
  out.push(`| Portrait: CLI (native): the same with ten rule tags more (scripts/bench-rules.json) | ${rows} | ${cell(tagsRules)} |`);
  out.push(`| pandas reference (scripts/profile_reference.py): the same profile features | ${rows} | ${cell(pandas)} |`);
  if (profile.length && pandas.length) out.push(`| **pandas ÷ Portrait, profile features** | ${rows} | **${(median(pandas) / median(profile)).toFixed(1)}×** |`);
  const browser = path.join(dir, `portrait_browser_${n}.json`);
  if (existsSync(browser)) {
    const { runs, customers } = JSON.parse(readFileSync(browser, 'utf8'));
    const ms = (key) => cell(runs.map((r) => r[key] / 1000));
    const who = `${rows} (${customers.toLocaleString('en-US')} customers)`;
    out.push(`| Portrait in Chromium (worker): profile features | ${who} | ${ms('profile_ms')} |`);
    out.push(`| Portrait in Chromium (worker): lifecycle stages | ${who} | ${ms('lifecycle_ms')} |`);
    out.push(`| Portrait in Chromium (worker): built-in tags (RFM fitted inside) | ${who} | ${ms('tags_ms')} |`);
    out.push(`| **Portrait in Chromium (worker): profile + lifecycle + tags** | ${who} | **${ms('portrait_ms')}** |`);
    out.push(`| Portrait in Chromium (worker): tags refit with one rule tag (inputs cached) | ${who} | ${ms('tags_one_rule_ms')} |`);
    out.push(`| Portrait in Chromium (worker): tags refit with ten rule tags (inputs cached) | ${who} | ${ms('tags_ten_rules_ms')} |`);
    const ten = runs.map((r) => Math.max(0, r.tags_ten_rules_ms - r.tags_one_rule_ms) * (10 / 9) / 1000);
    out.push(`| **Portrait in Chromium (worker): ten rule tags alone ((ten − one) × 10/9)** | ${who} | **${cell(ten)}** |`);
  }
}
console.log(out.join('\n'));
