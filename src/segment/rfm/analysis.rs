//! RFM through the door: kind `rfm`, the summary as its output, seven customer columns.

use super::algorithm::{rfm, Rfm, RfmSummary, Segment};
use super::messages::MESSAGES;
use super::params::RfmParams;
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values};
use std::fmt::Write;

/// RFM scores and segments of every identified customer.
pub struct RfmAnalysis;

impl Analysis for RfmAnalysis {
    const KIND: &'static str = "rfm";
    const ABOUT: &'static str = "RFM scores and the 11 named segments of every customer.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const IN_REPORT: bool = true;
    const COLUMNS: &'static [ColumnSpec] = &[
        ColumnSpec {
            name: "recency",
            kind: ColumnKind::Days,
            doc: "Days from the customer's last line to the snapshot (at least 1).",
            zh: "RFM最近购买天数",
        },
        ColumnSpec {
            name: "frequency",
            kind: ColumnKind::Count,
            doc: "Distinct orders, return orders included.",
            zh: "RFM购买频次",
        },
        ColumnSpec {
            name: "monetary_cents",
            kind: ColumnKind::Money,
            doc: "Sum of the customer's line values, returns negative, in minor units.",
            zh: "RFM消费金额",
        },
        ColumnSpec {
            name: "r_score",
            kind: ColumnKind::Score,
            doc: "Recency score: the most recent customers score highest.",
            zh: "R分",
        },
        ColumnSpec {
            name: "f_score",
            kind: ColumnKind::Score,
            doc: "Frequency score.",
            zh: "F分",
        },
        ColumnSpec {
            name: "m_score",
            kind: ColumnKind::Score,
            doc: "Monetary score.",
            zh: "M分",
        },
        ColumnSpec {
            name: "segment",
            kind: ColumnKind::Code {
                names: &Segment::CODES,
            },
            doc: "The named segment of the R and F quintiles.",
            zh: "RFM分群",
        },
    ];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] = &[(
        "bins",
        RfmParams::MIN_BINS as i64,
        RfmParams::MAX_BINS as i64,
    )];

    type Params = RfmParams;
    type Model = Rfm;
    type Output = RfmSummary;

    fn fit(cx: &mut Context<'_>, params: &super::RfmValidParams) -> Result<Fit<Rfm>, Error> {
        let model = rfm(cx.data, params).map_err(|e| Error::Refused(e.message()))?;
        Ok(Fit::Done(model))
    }

    fn output(model: &Rfm, _cx: &Context<'_>) -> RfmSummary {
        model.summary()
    }

    fn columns(m: &Rfm) -> Vec<Values<'_>> {
        vec![
            Values::U32(&m.recency_days),
            Values::U32(&m.frequency),
            Values::I64(&m.monetary_cents),
            Values::U8(&m.r_score),
            Values::U8(&m.f_score),
            Values::U8(&m.m_score),
            Values::Code(&m.segment_code, &Segment::CODES),
        ]
    }

    fn text(s: &RfmSummary, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let _ = writeln!(
            o,
            "RFM segments (snapshot {})",
            s.snapshot_date.as_deref().unwrap_or("-")
        );
        let _ = writeln!(
            o,
            "  {:<20} {:>9} {:>7} {:>16} {:>7}",
            "segment", "customers", "share", "revenue", "share"
        );
        for seg in &s.segments {
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
}

#[cfg(test)]
mod tests {
    use crate::session::Session;
    use crate::table::TableQuery;
    use serde_json::json;

    /// Four customers, one order each on one day; "b" and "9" spend 1.00, "10" and "a" 3.00.
    fn session() -> Session {
        let csv = "order_id,customer_id,order_date,quantity,unit_price\n\
                   a,b,2024-01-02,1,1.00\n\
                   b,10,2024-01-02,1,3.00\n\
                   c,9,2024-01-02,1,1.00\n\
                   d,a,2024-01-02,1,3.00\n";
        let mut s = Session::of_csv(csv);
        s.run_json("rfm", json!({})).expect("rfm");
        s
    }

    fn ids(s: &mut Session, query: TableQuery) -> Vec<String> {
        let query = TableQuery {
            columns: vec!["rfm.monetary_cents".into()],
            limit: 10,
            ..query
        };
        let page = s.table(&query).expect("a page");
        page.rows.into_iter().map(|r| r.customer_id).collect()
    }

    #[test]
    fn customers_follow_natural_ids_and_ties_keep_id_order() {
        let mut s = session();
        let by = |sort: Option<&str>, descending| TableQuery {
            sort: sort.map(String::from),
            descending,
            ..TableQuery::default()
        };
        assert_eq!(ids(&mut s, by(None, false)), ["9", "10", "a", "b"]);
        assert_eq!(ids(&mut s, by(None, true)), ["b", "a", "10", "9"]);
        let money = Some("rfm.monetary_cents");
        assert_eq!(ids(&mut s, by(money, true)), ["10", "a", "9", "b"]);
        assert_eq!(ids(&mut s, by(money, false)), ["9", "b", "10", "a"]);
    }

    #[test]
    fn the_table_searches_and_pages_rfm_customers() {
        let mut s = session();
        let top = TableQuery {
            sort: Some("rfm.monetary_cents".into()),
            descending: true,
            limit: 1,
            ..TableQuery::default()
        };
        let page = s.table(&top).expect("a page");
        assert_eq!((page.total, page.rows[0].customer_id.as_str()), (4, "10"));
        let search = TableQuery {
            search: "9".into(),
            ..TableQuery::default()
        };
        assert_eq!(ids(&mut s, search), ["9"]);
    }

    #[test]
    fn warming_the_report_keeps_the_rfm_model_last_run_as_the_one_shown() {
        let mut s = session(); // rfm run with its defaults
        s.run_json("rfm", json!({ "bins": 3 }))
            .expect("rfm, 3 bins");
        s.warm(&[]).expect("warms");
        let page = s
            .table(&TableQuery {
                columns: vec!["rfm.r_score".into()],
                sort: Some("rfm.r_score".into()),
                descending: true,
                limit: 1,
                ..TableQuery::default()
            })
            .expect("a page");
        assert!(
            matches!(page.rows[0].cells[0].1, crate::table::Cell::Int(r) if r <= 3),
            "scores of the 3-bin model: {:?}",
            page.rows[0].cells
        );
        // every analysis of the report answers from the cache now: nothing is fitted again
        s.warm(&[]).expect("warms again");
    }
}
