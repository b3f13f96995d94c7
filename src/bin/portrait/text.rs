//! The human-readable report the CLI prints without `--json`.

use portrait::segment::rfm::RfmSummary;
use portrait::session::IngestSummary;
use std::fmt::Write;

/// Renders the quality report, overview and RFM segments as aligned text.
pub fn render(s: &IngestSummary, rfm: &RfmSummary) -> String {
    let mut o = String::new();
    let q = &s.quality;
    let sym = if q.currency.symbol.is_empty() {
        ""
    } else {
        q.currency.symbol.as_str()
    };
    let _ = writeln!(o, "Data quality");
    for f in &q.files {
        let _ = writeln!(
            o,
            "  {}: {} {}, {} rows read, {} used, dates {}",
            f.file, f.format, f.encoding, f.rows_read, f.rows_used, f.date_format
        );
    }
    let _ = writeln!(o, "  rows read        {:>12}", q.rows_read);
    let _ = writeln!(o, "  rows used        {:>12}", q.rows_used);
    let _ = writeln!(o, "  rows rejected    {:>12}", q.rows_rejected);
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
    for g in &q.rejected {
        let _ = writeln!(o, "  rejected: {} x {}", g.count, g.message);
        for e in &g.examples {
            let detail = if e.detail.is_empty() {
                String::new()
            } else {
                format!(" ({})", e.detail)
            };
            let _ = writeln!(
                o,
                "    {}: line {}, column {:?}: {:?}{}",
                e.file, e.line, e.column, e.value, detail
            );
        }
    }
    let v = &s.overview;
    let _ = writeln!(o, "\nOverview");
    let _ = writeln!(o, "  customers        {:>12}", v.customers);
    let _ = writeln!(o, "  orders           {:>12}", v.orders);
    let _ = writeln!(
        o,
        "  revenue (net)    {:>12}",
        money(v.revenue_cents as f64, sym)
    );
    let _ = writeln!(
        o,
        "  returns          {:>12}",
        money(v.returns_cents as f64, sym)
    );
    let _ = writeln!(o, "  AOV              {:>12}", money(v.aov_cents, sym));
    let _ = writeln!(o, "  repeat rate      {:>11.1}%", v.repeat_rate * 100.0);
    let _ = writeln!(o, "  items per order  {:>12.2}", v.items_per_order);
    let _ = writeln!(
        o,
        "\nRFM segments (snapshot {})",
        rfm.snapshot_date.as_deref().unwrap_or("-")
    );
    let _ = writeln!(
        o,
        "  {:<20} {:>9} {:>7} {:>16} {:>7}",
        "segment", "customers", "share", "revenue", "share"
    );
    for seg in &rfm.segments {
        let _ = writeln!(
            o,
            "  {:<20} {:>9} {:>6.1}% {:>16} {:>6.1}%",
            seg.label,
            seg.customers,
            seg.customer_share * 100.0,
            money(seg.revenue_cents as f64, sym),
            seg.revenue_share * 100.0
        );
    }
    o
}

/// `1234567.5` cents → `12,345.68` with the currency symbol in front.
fn money(cents: f64, symbol: &str) -> String {
    let neg = cents < 0.0;
    let c = cents.abs().round() as u128;
    let (units, frac) = (c / 100, c % 100);
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{}{symbol}{grouped}.{frac:02}", if neg { "-" } else { "" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_groups_thousands_and_keeps_two_decimals() {
        assert_eq!(super::money(974_774_793.0, "£"), "£9,747,747.93");
        assert_eq!(super::money(-5.0, "¥"), "-¥0.05");
    }
}
