#!/usr/bin/env node
// `make bench`, browser part: the real page in headless Debian Chromium. For each repeat, a
// fresh browser profile opens the app (`?sample=0`), chooses the CSV through the file input
// and reads the page's User Timing marks, twice:
//   on the overview (the home view):
//     portrait:files → portrait:kpis      file chosen → KPI cards painted (ingest + overview)
//     portrait:rfm-open → portrait:rfm    then the RFM view opened, as a click in the side bar
//                                         does → its results painted (its code loads then)
//   on a link to the RFM view (`#/segments/rfm`):
//     portrait:files → portrait:rfm       file chosen → RFM painted (ingest + RFM)
// Each includes reading the File in the worker, copying it into wasm memory, parsing and
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
    const mark = (n) => b.page.evaluate((name) => performance.getEntriesByName(name).at(-1)?.startTime, n);
    const waitMark = (n) => b.page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, n, { timeout: 300_000 });
    try {
      await openApp(b.page, server.origin, "?sample=0");
      await b.page.locator('input[type="file"]').first().setInputFiles(path.resolve(args.csv));
      await waitForResults(b.page, 300_000);
      await waitMark("portrait:kpis");
      await b.page.evaluate(() => {
        performance.mark("portrait:rfm-open");
        location.hash = "#/segments/rfm";
      });
      await waitMark("portrait:rfm");
      const [files, kpis, open, rfm] = await Promise.all(["portrait:files", "portrait:kpis", "portrait:rfm-open", "portrait:rfm"].map(mark));
      if (!segments) {
        await showTab(b.page, "rfm");
        const raw = await segmentCounts(b.page);
        // segment codes → the reference spelling used by rfm.sql / pandas
        const label = (code) => code.split("_").map((w) => w[0].toUpperCase() + w.slice(1)).join(" ");
        segments = Object.fromEntries(Object.entries(raw).map(([code, text]) => [label(code), Number(text.replace(/[^0-9]/g, ""))]));
        customers = Object.values(segments).reduce((a, v) => a + v, 0);
      }
      // the same file again, straight into the RFM view
      await openApp(b.page, server.origin, "?sample=0&again=1#/segments/rfm");
      await b.page.locator('input[type="file"]').first().setInputFiles(path.resolve(args.csv));
      await waitForResults(b.page, 300_000);
      await waitMark("portrait:rfm");
      const [files2, rfm2] = await Promise.all(["portrait:files", "portrait:rfm"].map(mark));
      const run = {
        ingest_ms: kpis - files,
        kpi_visible_ms: kpis - files,
        rfm_open_ms: rfm - open,
        ingest_rfm_ms: rfm2 - files2,
        peak_rss_mb: chromiumPeakRssMb(),
      };
      runs.push(run);
      console.log(`[browser] ${path.basename(args.csv)} run ${rep + 1}: files→KPIs ${run.ingest_ms.toFixed(0)} ms, files→RFM ${run.ingest_rfm_ms.toFixed(0)} ms, RFM view opened→painted ${run.rfm_open_ms.toFixed(0)} ms, peak RSS ${run.peak_rss_mb.toFixed(0)} MB`);
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
