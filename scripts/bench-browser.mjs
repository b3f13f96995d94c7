#!/usr/bin/env node
// `make bench`, browser part: the real page in headless Debian Chromium. For each repeat, a
// fresh browser profile opens the app (`?sample=0`), chooses the CSV through the file input
// and reads the page's User Timing marks:
//   portrait:files → portrait:kpis      file chosen → overview KPI cards painted (ingest + overview)
//   portrait:rfm-open → portrait:rfm    the RFM view opened (`#/segments/rfm`, as a click in the
//                                       side bar does) → RFM scored, segment views painted
// Views are loaded when first opened, so RFM runs when its view opens, not after the KPIs.
// Both include reading the File in the worker, copying it into wasm memory, parsing and
// rendering — everything a merchant waits for. Peak RSS = max VmHWM of Chromium's processes.
//
//   node scripts/bench-browser.mjs --csv FILE --repeats 3 --out target/bench/browser_N.json
import fs from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { launch, openApp, requireBuild, segmentCounts, showTab, startServer, waitForResults } from "../tests/browser/helpers.mjs";

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, v, i, a) => (i % 2 ? acc : [...acc, [v.replace(/^--/, ""), a[i + 1]]]), []));
if (!args.csv || !args.out) {
  console.error("usage: node scripts/bench-browser.mjs --csv FILE --out FILE [--repeats 3]");
  process.exit(2);
}
const repeats = Number(args.repeats || 3);
requireBuild();

function chromiumPeakRssMb() {
  let max = 0;
  try {
    const pids = execFileSync("pgrep", ["-f", "chromium"], { encoding: "utf8" }).trim().split("\n");
    for (const pid of pids) {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        if (m) max = Math.max(max, Number(m[1]) / 1024);
      } catch {}
    }
  } catch {}
  return max;
}

const server = await startServer();
const runs = [];
let segments = null;
let customers = null;
try {
  for (let rep = 0; rep < repeats; rep++) {
    const b = await launch();
    try {
      await openApp(b.page, server.origin, "?sample=0");
      await b.page.locator('input[type="file"]').first().setInputFiles(path.resolve(args.csv));
      await waitForResults(b.page, 300_000);
      await b.page.waitForFunction(() => performance.getEntriesByName("portrait:kpis").length > 0, null, { timeout: 60_000 });
      await b.page.evaluate(() => {
        performance.mark("portrait:rfm-open");
        location.hash = "#/segments/rfm";
      });
      await b.page.waitForFunction(() => performance.getEntriesByName("portrait:rfm").length > 0, null, { timeout: 60_000 });
      const t = await b.page.evaluate(() => {
        const at = (n) => performance.getEntriesByName(n).at(-1)?.startTime;
        return { files: at("portrait:files"), kpis: at("portrait:kpis"), open: at("portrait:rfm-open"), rfm: at("portrait:rfm") };
      });
      const run = {
        ingest_ms: t.kpis - t.files,
        rfm_ms: t.rfm - t.open,
        kpi_visible_ms: t.kpis - t.files,
        total_ms: t.kpis - t.files + (t.rfm - t.open),
        peak_rss_mb: chromiumPeakRssMb(),
      };
      runs.push(run);
      console.log(`[browser] ${path.basename(args.csv)} run ${rep + 1}: files→KPIs ${run.ingest_ms.toFixed(0)} ms, RFM view→RFM ${run.rfm_ms.toFixed(0)} ms, total ${run.total_ms.toFixed(0)} ms, peak RSS ${run.peak_rss_mb.toFixed(0)} MB`);
      if (!segments) {
        await showTab(b.page, "rfm");
        const raw = await segmentCounts(b.page);
        // segment codes → the reference spelling used by rfm.sql / pandas
        const label = (code) => code.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");
        segments = Object.fromEntries(Object.entries(raw).map(([code, text]) => [label(code), Number(text.replace(/[^0-9]/g, ""))]));
        customers = Object.values(segments).reduce((a, v) => a + v, 0);
      }
      if (b.consoleErrors.length) throw new Error(`console errors: ${b.consoleErrors.join("; ")}`);
    } finally {
      await b.close();
    }
  }
} finally {
  await server.stop();
}
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify({ csv: args.csv, runs, customers, segment_counts: segments }, null, 1) + "\n");
