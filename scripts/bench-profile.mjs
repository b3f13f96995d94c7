// The customer-portrait part of `make bench`: the profile and lifecycle fits of the native
// CLI (`portrait <kind> FILE --timings`, the fit alone, ingest excluded) beside the pandas
// reference computing the same profile features (`scripts/profile_reference.py --time FILE`,
// reading the CSV excluded), as a markdown table on stdout.
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
  out.push(`| Portrait: CLI (native): profile features (25 per customer) | ${rows} | ${cell(profile)} |`);
  out.push(`| Portrait: CLI (native): lifecycle stages and month ends | ${rows} | ${cell(lifecycle)} |`);
  out.push(`| pandas reference (scripts/profile_reference.py): the same profile features | ${rows} | ${cell(pandas)} |`);
  if (profile.length && pandas.length) out.push(`| **pandas ÷ Portrait, profile features** | ${rows} | **${(median(pandas) / median(profile)).toFixed(1)}×** |`);
}
console.log(out.join('\n'));
