//! Clustering through the door: kind `clusters`, the summary as output, one customer
//! column (`cluster`, which rules and audiences can name: `clusters.cluster == 2`).

use super::algorithm::{prepare, Clusters, ClustersJob, Fitting};
use super::messages::MESSAGES;
use super::params::{ClustersParams, ClustersValidParams, Method};
use super::summary::ClustersSummary;
use crate::analysis::text::money;
use crate::analysis::{Analysis, Context, Fit, TableKind};
use crate::error::Error;
use crate::message::Catalogue;
use crate::table::{ColumnKind, ColumnSpec, Values};
use std::fmt::Write;

/// k-means, a Gaussian mixture or DBSCAN on standardised customer features.
pub struct ClustersAnalysis;

impl Analysis for ClustersAnalysis {
    const KIND: &'static str = "clusters";
    const ABOUT: &'static str = "Clusters of customers (k-means with automatic k, a Gaussian mixture or DBSCAN) on standardised features, each described in words, with a 2-D map.";
    const NEEDS: &'static [TableKind] = &[TableKind::Orders];
    const COLUMNS: &'static [ColumnSpec] = &[ColumnSpec {
        name: "cluster",
        kind: ColumnKind::Count,
        doc: "The customer's cluster: 1 is the largest; 0 is DBSCAN's noise; empty when a feature is missing.",
        zh: "聚类",
    }];
    const MESSAGES: Catalogue = MESSAGES;
    const LIMITS: &'static [(&'static str, i64, i64)] = &[
        ("k", 2, ClustersParams::MAX_K as i64),
        ("k_min", 2, ClustersParams::MAX_K as i64),
        ("k_max", 2, ClustersParams::MAX_K as i64),
        ("restarts", 1, ClustersParams::MAX_RESTARTS as i64),
        ("scan_restarts", 1, ClustersParams::MAX_RESTARTS as i64),
        (
            "silhouette_sample",
            ClustersParams::MIN_SAMPLE as i64,
            ClustersParams::MAX_SAMPLE as i64,
        ),
        (
            "dbscan_sample",
            ClustersParams::MIN_SAMPLE as i64,
            ClustersParams::MAX_SAMPLE as i64,
        ),
        ("min_samples", 2, u16::MAX as i64),
    ];

    type Params = ClustersParams;
    type Model = Clusters;
    type Output = ClustersSummary;

    fn fit(cx: &mut Context<'_>, params: &ClustersValidParams) -> Result<Fit<Clusters>, Error> {
        let prep = prepare(cx, params)?;
        let fitting = Fitting::new(params.clone(), prep)?;
        Ok(Fit::Job(Box::new(ClustersJob(Some(fitting)))))
    }

    fn output(model: &Clusters, _cx: &Context<'_>) -> ClustersSummary {
        model.summary.clone()
    }

    fn columns(m: &Clusters) -> Vec<Values<'_>> {
        vec![Values::U32(&m.cluster)]
    }

    fn text(s: &ClustersSummary, cx: &Context<'_>) -> String {
        let sym = cx.currency_symbol();
        let mut o = String::new();
        let method = match s.method {
            Method::Kmeans => "k-means",
            Method::Gmm => "Gaussian mixture",
            Method::Dbscan => "DBSCAN",
        };
        let names: Vec<&str> = s.features.iter().map(|f| f.name.as_str()).collect();
        let _ = writeln!(
            o,
            "Clusters: {method}, k = {}{} on {} ({} customers; {} left out)",
            s.k,
            if s.automatic { " (automatic)" } else { "" },
            names.join(", "),
            s.customers,
            s.left_out
        );
        if let Some(i) = s.inertia {
            let _ = writeln!(o, "  inertia {i:.4}");
        }
        if let Some(sil) = s.silhouette {
            let _ = writeln!(
                o,
                "  silhouette {sil:.4} (sample of {})",
                s.silhouette_sample
            );
        }
        if let Some(m) = &s.mixture {
            let _ = writeln!(
                o,
                "  mean log-likelihood {:.4}, BIC {:.1}, {} EM iterations",
                m.mean_log_likelihood, m.bic, m.iterations
            );
        }
        if let Some(d) = &s.dbscan {
            let _ = writeln!(
                o,
                "  eps {:.4}, min samples {}, sample {}, noise {}",
                d.eps, d.min_samples, d.sample, d.noise
            );
        }
        if s.curve.len() > 1 {
            let _ = writeln!(
                o,
                "  {:>3} {:>14} {:>10} {:>14}",
                "k", "inertia", "silhouette", "BIC"
            );
            for p in &s.curve {
                let f = |v: Option<f64>, dp: usize| v.map_or("-".into(), |v| format!("{v:.dp$}"));
                let _ = writeln!(
                    o,
                    "  {:>3} {:>14} {:>10} {:>14}",
                    p.k,
                    f(p.inertia, 2),
                    f(p.silhouette, 4),
                    f(p.bic, 1)
                );
            }
        }
        let _ = writeln!(
            o,
            "  {:>3} {:>9} {:>7} {:>16} {:>7}  described",
            "#", "customers", "share", "revenue", "share"
        );
        for c in &s.clusters {
            let _ = writeln!(
                o,
                "  {:>3} {:>9} {:>6.1}% {:>16} {:>6.1}%  {}",
                c.number,
                c.customers,
                c.share * 100.0,
                money(c.revenue_cents as f64, sym),
                c.revenue_share * 100.0,
                c.words
            );
        }
        let _ = writeln!(
            o,
            "  map: {} customers, axes explain {}",
            s.map.sample,
            s.map
                .explained
                .iter()
                .map(|e| format!("{:.1}%", e * 100.0))
                .collect::<Vec<_>>()
                .join(" and ")
        );
        o
    }
}
