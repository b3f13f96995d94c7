#!/usr/bin/env node
// Prints the `make bench` table (markdown) from target/bench/*.json:
//   node scripts/bench-report.mjs --dir target/bench --sizes "100000 1000000" [--baseline SHA]
// With --baseline, the previous commit's runs (baseline_*.json, measured in the same run by
// `BENCH_BASELINE=SHA make bench`) stand beside Portrait's, with the change in per cent.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ""), a[i + 1]]]), []));
const dir = args.dir || "target/bench";
const sizes = (args.sizes || "100000 1000000").split(/\s+/).filter(Boolean);
const baseline = args.baseline || "";

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const range = (xs) => (xs.length ? `${fmt(Math.min(...xs))}-${fmt(Math.max(...xs))}` : "");
const fmt = (s) => (Number.isFinite(s) ? s.toFixed(3) : "n/a");
const cell = (xs) => (xs.length ? `${fmt(median(xs))} (${range(xs)})` : "n/a");
const readJson = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };

const rows = [];
const notes = [];
// `--timings` of the CLI: since the door, ingest and each analysis are timed apart
const ingestOverview = (r) => r.ingest_overview_s ?? r.ingest_s + (r.quality_s || 0) + r.overview_s;
const nativeRuns = (file) => (fs.existsSync(file)
  ? fs.readFileSync(file, "utf8").trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l))
  : []);
const s = (ms) => ms / 1000;
/** Rows of one Portrait build (`who`): its native and browser runs. */
function portraitRows(who, n, native, browser, base) {
  const row = (stage, xs, bold = false) => {
    const v = cell(xs);
    const change = base && base[stage] && xs.length ? ` ${pct(median(xs), median(base[stage]))}` : "";
    rows.push([`${bold ? "**" : ""}${who}: ${stage}${bold ? "**" : ""}`, n, `${bold ? "**" : ""}${v}${bold ? "**" : ""}${change}`]);
    return xs;
  };
  const out = {};
  out["CLI (native): ingest + overview"] = row("CLI (native): ingest + overview", native.map(ingestOverview));
  out["CLI (native): RFM"] = row("CLI (native): RFM", native.map((r) => r.rfm_s));
  out["CLI (native): ingest + overview + RFM"] = row("CLI (native): ingest + overview + RFM", native.map((r) => ingestOverview(r) + r.rfm_s));
  if (browser) {
    const runs = browser.runs || [];
    out["Chromium: ingest + overview (worker, bytes in)"] = row("Chromium: ingest + overview (worker, bytes in)", runs.map((r) => s(r.ingest_ms)));
    // the previous commits computed RFM right after the KPIs, on the landing page: their
    // "file chosen → RFM painted" is the same wait as a link to the RFM view is now
    out["Chromium: ingest + RFM (file chosen → RFM painted)"] = row("Chromium: ingest + RFM (file chosen → RFM painted)", runs.map((r) => s(r.ingest_rfm_ms ?? r.total_ms)), true);
    if (runs.some((r) => r.rfm_open_ms !== undefined)) {
      rows.push([`${who}: Chromium: RFM view opened after the KPIs → painted`, n, cell(runs.map((r) => s(r.rfm_open_ms)))]);
    } else {
      rows.push([`${who}: Chromium: KPIs → RFM painted (computed right after the KPIs)`, n, cell(runs.map((r) => s(r.rfm_ms)))]);
    }
    rows.push([`${who}: Chromium: peak renderer RSS MB`, n, String(Math.max(...runs.map((r) => r.peak_rss_mb || 0)).toFixed(0))]);
  }
  return out;
}
const pct = (now, before) => (Number.isFinite(now) && before > 0 ? `(${now >= before ? "+" : ""}${((now / before - 1) * 100).toFixed(1)} %)` : "");
for (const n of sizes) {
  const browser = readJson(path.join(dir, `browser_${n}.json`));
  let base = null;
  if (baseline) {
    base = portraitRows(`Previous commit ${baseline.slice(0, 7)}`, n, nativeRuns(path.join(dir, `baseline_native_${n}.jsonl`)), readJson(path.join(dir, `baseline_browser_${n}.json`)), null);
  }
  portraitRows("Portrait", n, nativeRuns(path.join(dir, `native_${n}.jsonl`)), browser, base);
  if (browser && browser.segment_counts) notes.push(`${n}: Portrait segments ${JSON.stringify(browser.segment_counts)}`);
  const peers = fs.readdirSync(dir).filter((f) => f.startsWith(`duckdb_wasm_${n}_`)).map((f) => readJson(path.join(dir, f))).filter((j) => j && j.status === "ok");
  if (peers.length) {
    rows.push([`DuckDB-WASM: ingest (fresh instance)`, n, cell(peers.map((p) => s(p.timings_ms.ingest)))]);
    rows.push([`DuckDB-WASM: RFM SQL (first run)`, n, cell(peers.map((p) => s(p.timings_ms.rfm)))]);
    rows.push([`**DuckDB-WASM: ingest + RFM**`, n, `**${cell(peers.map((p) => s(p.timings_ms.ingest + p.timings_ms.rfm)))}**`]);
    rows.push([`DuckDB-WASM: peak renderer RSS MB`, n, String(Math.max(...peers.map((p) => p.peak_rss_mb.renderer_max_mb)).toFixed(0))]);
    const seg = peers[0].segment_counts;
    if (browser && browser.segment_counts) {
      const same = Object.keys(seg).every((k) => seg[k] === browser.segment_counts[k]);
      notes.push(`${n}: segment counts ${same ? "identical" : "DIFFER"} between Portrait (browser) and DuckDB-WASM`);
    }
  }
}
const cpu = os.cpus()[0]?.model || "unknown CPU";
console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.platform()} ${os.release()}; seconds, median (min-max).\n`);
console.log("| stage | rows | seconds |");
console.log("|---|---|---|");
for (const [name, n, v] of rows) console.log(`| ${name} | ${Number(n).toLocaleString("en-US")} | ${v} |`);
console.log("");
for (const line of notes) console.log(`- ${line}`);

// download sizes (scripts/bench-size.mjs): what the page fetches, gzip level 9
const size = readJson(path.join(dir, "size.json"));
if (size) {
  const before = baseline ? readJson(path.join(dir, "baseline_size.json")) : null;
  console.log("");
  console.log(`| download (gzip) | Portrait |${before ? ` previous commit ${baseline.slice(0, 7)} | change |` : ""}`);
  console.log(`|---|---|${before ? "---|---|" : ""}`);
  const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
  for (const [phase, label] of [["empty_page", "empty page (shell, worker, wasm)"], ["first_view", "first view (sample shop overview, charts)"]]) {
    const now = size[phase]?.gzip;
    const was = before?.[phase]?.gzip;
    console.log(`| ${label} | ${kb(now)} |${before ? ` ${kb(was)} | ${pct(now, was)} |` : ""}`);
  }
  const wasm = size.empty_page.files.find((f) => f.file.endsWith(".wasm"));
  if (wasm) console.log(`\n- of which the wasm: ${kb(wasm.gzip)} gzip (${kb(wasm.raw)} raw)`);
}
