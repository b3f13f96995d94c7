#!/usr/bin/env node
// Prints the `make bench` table (markdown) from target/bench/*.json:
//   node scripts/bench-report.mjs --dir target/bench --sizes "100000 1000000"
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ""), a[i + 1]]]), []));
const dir = args.dir || "target/bench";
const sizes = (args.sizes || "100000 1000000").split(/\s+/).filter(Boolean);

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
for (const n of sizes) {
  const native = fs.existsSync(path.join(dir, `native_${n}.jsonl`))
    ? fs.readFileSync(path.join(dir, `native_${n}.jsonl`), "utf8").trim().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l))
    : [];
  const browser = readJson(path.join(dir, `browser_${n}.json`));
  const peers = fs.readdirSync(dir).filter((f) => f.startsWith(`duckdb_wasm_${n}_`)).map((f) => readJson(path.join(dir, f))).filter((j) => j && j.status === "ok");
  const s = (ms) => ms / 1000;
  rows.push([`Portrait CLI (native): ingest + overview`, n, cell(native.map((r) => r.ingest_overview_s))]);
  rows.push([`Portrait CLI (native): RFM`, n, cell(native.map((r) => r.rfm_s))]);
  rows.push([`Portrait CLI (native): ingest + overview + RFM`, n, cell(native.map((r) => r.ingest_overview_s + r.rfm_s))]);
  if (browser) {
    const runs = browser.runs || [];
    rows.push([`Portrait in Chromium: ingest + overview (worker, bytes in)`, n, cell(runs.map((r) => s(r.ingest_ms)))]);
    rows.push([`Portrait in Chromium: RFM`, n, cell(runs.map((r) => s(r.rfm_ms)))]);
    rows.push([`**Portrait in Chromium: ingest + overview + RFM**`, n, `**${cell(runs.map((r) => s(r.ingest_ms + r.rfm_ms)))}**`]);
    rows.push([`Portrait in Chromium: file dropped → KPI cards visible`, n, cell(runs.map((r) => s(r.kpi_visible_ms)).filter(Number.isFinite))]);
    rows.push([`Portrait in Chromium: peak renderer RSS MB`, n, String(Math.max(...runs.map((r) => r.peak_rss_mb || 0)).toFixed(0))]);
    if (browser.segment_counts) notes.push(`${n}: Portrait segments ${JSON.stringify(browser.segment_counts)}`);
  }
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
