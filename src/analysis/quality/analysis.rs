//! Kind `quality`: the ingest's `QualityReport`, unchanged by the global filter (it is about
//! the files, not about a period).

use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, NoParams, TableKind};
use crate::error::Error;
use crate::ingest::{LeftOutReason, QualityReport};
use crate::message::Message;
use crate::table::{Cell, Sheet};
use std::fmt::Write;

/// The data-quality report.
pub struct Quality;

impl Analysis for Quality {
    const KIND: &'static str = "quality";
    const ABOUT: &'static str =
        "The data-quality report: rows read, used and rejected, with every reason and where.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const IN_REPORT: bool = true;

    type Params = NoParams;
    type Model = QualityReport;
    type Output = QualityReport;

    fn fit(cx: &mut Context<'_>, _: &NoParams) -> Result<Fit<QualityReport>, Error> {
        Ok(Fit::Done(cx.ingest.quality.clone()))
    }

    fn output(model: &QualityReport, _cx: &Context<'_>) -> QualityReport {
        model.clone()
    }

    /// Every rejected row (up to `ingest::report::ROWS_KEPT`): file, line, reason (code and
    /// English wording), column, value, detail — what the page's "Download all rejected
    /// rows" saves, so a merchant can fix the export and drop it again.
    fn sheet(_q: &QualityReport, cx: &Context<'_>, sheet: &mut dyn Sheet) -> bool {
        sheet.header(&[
            "file",
            "line",
            "reason",
            "reason_text",
            "column",
            "value",
            "detail",
        ]);
        let text = |t: &str| Cell::Text(t.to_string());
        for r in &cx.ingest.rejected_rows {
            let detail =
                r.at.detail
                    .map(|d| d.message().to_string())
                    .unwrap_or_default();
            sheet.row(&[
                text(&r.at.file),
                Cell::Int(r.at.line as i64),
                text(r.reason.code().trim_start_matches("reason.")),
                Cell::Text(r.reason.describe()),
                text(&r.at.column),
                text(&r.at.value),
                Cell::Text(detail),
            ]);
        }
        true
    }

    fn text(q: &QualityReport, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let _ = writeln!(o, "Data quality");
        for f in &q.files {
            let dates = f
                .date_format
                .as_ref()
                .map_or_else(|| "none".to_string(), |d| d.english());
            let _ = writeln!(
                o,
                "  {}: {} {}, {} rows read, {} used, dates {}",
                f.file, f.format, f.encoding, f.rows_read, f.rows_used, dates
            );
            // what was assumed or found in the file (no quantity column, ¥ in amounts, …)
            for note in &f.notes {
                let _ = writeln!(o, "    note: {note}");
            }
            if let Some(p) = &f.platform {
                let how = if p.recognised { "recognised" } else { "chosen" };
                let _ = writeln!(o, "    platform: {} — {} ({how})", p.platform, p.export);
                for rule in &p.rules {
                    let _ = writeln!(o, "      rule: {}", Message::new(rule));
                }
            }
        }
        let _ = writeln!(o, "  rows read        {:>12}", q.rows_read);
        let _ = writeln!(o, "  rows used        {:>12}", q.rows_used);
        let _ = writeln!(o, "  rows rejected    {:>12}", q.rows_rejected);
        if q.rows_left_out > 0 {
            let _ = writeln!(o, "  rows left out    {:>12}", q.rows_left_out);
        }
        let _ = writeln!(o, "  duplicates       {:>12}", q.duplicates_removed);
        let _ = writeln!(o, "  return lines     {:>12}", q.return_lines);
        let _ = writeln!(o, "  no customer id   {:>12}", q.missing_customer_lines);
        let _ = writeln!(
            o,
            "  date range       {} .. {}",
            q.date_min.as_deref().unwrap_or("-"),
            q.date_max.as_deref().unwrap_or("-")
        );
        let currency = if q.currency.code.is_empty() {
            "unknown".to_string()
        } else {
            q.currency.code.clone()
        };
        let _ = writeln!(o, "  currency         {} ({})", currency, q.currency.basis);
        let _ = writeln!(
            o,
            "  as read: {} lines, {} orders, {} customers, {} cancelled-order lines, value {}",
            q.read.lines,
            q.read.orders,
            q.read.customers,
            q.read.cancelled_order_lines,
            money(q.read.value_cents as f64, sym)
        );
        for t in &q.tables {
            let _ = writeln!(
                o,
                "  {} ({} table): {} rows read, {} used, {} rejected, {} duplicates",
                t.file,
                t.table.name(),
                t.rows_read,
                t.rows_used,
                t.rows_rejected,
                t.duplicates_removed
            );
            for g in &t.rejected {
                let first = g.examples.first();
                let _ = writeln!(
                    o,
                    "    {} x {}{}",
                    g.count,
                    g.reason.describe(),
                    first.map_or(String::new(), |e| format!(
                        " (first: line {}, column {:?})",
                        e.line, e.column
                    ))
                );
            }
        }
        for j in &q.join.sides {
            let _ = writeln!(
                o,
                "  join: {} of {} {} values of {} are not in {}{}",
                j.unmatched,
                j.ids,
                j.key.name(),
                j.table.name(),
                j.other.name(),
                if j.examples.is_empty() {
                    String::new()
                } else {
                    format!(" (e.g. {})", j.examples.join(", "))
                }
            );
        }
        if q.refunds.lines > 0 {
            let _ = writeln!(
                o,
                "  refunds: {} return lines added, value {}",
                q.refunds.lines,
                money(q.refunds.value_cents as f64, sym)
            );
        }
        for c in &q.currencies {
            let role = match (c.main, c.rate) {
                (true, _) => "main".to_string(),
                (false, Some(r)) => format!("converted at {r}"),
                (false, None) => "left out (no rate)".to_string(),
            };
            let _ = writeln!(
                o,
                "  currency {}: {} lines, value {:.2}, {role}",
                c.code,
                c.lines,
                c.value_cents as f64 / 100.0
            );
        }
        for g in &q.left_out {
            let values: Vec<String> = g
                .values
                .iter()
                .map(|v| format!("{:?} {}", v.value, v.lines))
                .collect();
            let value = if g.reason == LeftOutReason::OtherCurrency {
                String::new()
            } else {
                format!(", value {}", money(g.value_cents as f64, sym))
            };
            let _ = writeln!(
                o,
                "  left out: {} x {} ({}), {} orders{value}",
                g.lines,
                Message::new(g.reason.code()),
                values.join(", "),
                g.orders
            );
            for e in &g.examples {
                let _ = writeln!(
                    o,
                    "    {}: line {}, column {:?}: {:?}",
                    e.file, e.line, e.column, e.value
                );
            }
        }
        for g in &q.rejected {
            let _ = writeln!(o, "  rejected: {} x {}", g.count, g.reason.describe());
            for e in &g.examples {
                let detail = e
                    .detail
                    .map(|d| format!(" ({})", d.message()))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "    {}: line {}, column {:?}: {:?}{}",
                    e.file, e.line, e.column, e.value, detail
                );
            }
        }
        o
    }
}
