//! Clusters in plain words: a cluster's mean z-score on each feature says what sets it
//! apart — "high spend, low frequency, recently active". A feature half a standard
//! deviation or more from the mean is a trait; the three strongest are said, strongest
//! first. Recency, frequency and spend (RFM's and the profile's) have words of their own;
//! any other feature is "high …" or "low …" by its name.

use super::matrix::Matrix;
use super::messages::MESSAGES;
use super::summary::{ClusterProfile, Feature};
use crate::message::{english_in, Message};

/// |z| from which a feature is a trait.
pub const TRAIT_Z: f64 = 0.5;
/// Traits said per cluster.
pub const MAX_TRAITS: usize = 3;

/// What a feature measures, for its words.
fn role(column: &str) -> Option<&'static str> {
    match column {
        "rfm.recency" | "profile.days_since_last_order" => Some("recency"),
        "rfm.frequency" | "profile.orders" => Some("frequency"),
        "rfm.monetary_cents" | "profile.revenue_cents" => Some("monetary"),
        _ => None,
    }
}

/// The trait of feature `f` at z-score `z`.
fn trait_of(f: &Feature, z: f64) -> Message {
    let level = if z > 0.0 { "high" } else { "low" };
    let m = match role(&f.column) {
        Some(r) => Message::new(&format!("clusters.trait.{r}.{level}")),
        None => Message::new(&format!("clusters.trait.{level}")),
    };
    m.with("feature", f.column.as_str())
        .with("z", (z * 100.0).round() / 100.0)
        .worded_by(MESSAGES)
}

/// The English of `traits`, comma-separated.
pub fn words(traits: &[Message]) -> String {
    traits
        .iter()
        .map(|m| english_in(m, &[MESSAGES]))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Clusters 1..=k of `numbered` (0 is noise) described: size, revenue, means, z-scores and
/// traits.
pub fn describe(
    x: &Matrix,
    raw: &Matrix,
    features: &[Feature],
    numbered: &[u32],
    k: usize,
    revenue: &[i64],
) -> Vec<ClusterProfile> {
    let clustered = numbered.len();
    let total_revenue: i64 = revenue.iter().sum();
    (1..=k as u32)
        .map(|number| {
            let mut p = profile(x, raw, numbered, number, revenue, clustered, total_revenue);
            let mut strong: Vec<(usize, f64)> =
                p.z.iter()
                    .enumerate()
                    .filter(|(_, z)| z.abs() >= TRAIT_Z)
                    .map(|(j, z)| (j, *z))
                    .collect();
            strong.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
            p.traits = strong
                .iter()
                .take(MAX_TRAITS)
                .map(|(j, z)| trait_of(&features[*j], *z))
                .collect();
            if p.traits.is_empty() {
                p.traits
                    .push(Message::new("clusters.trait.typical").worded_by(MESSAGES));
            }
            p.words = words(&p.traits);
            p
        })
        .collect()
}

/// DBSCAN's noise as a group of its own (number 0).
pub fn noise(x: &Matrix, raw: &Matrix, numbered: &[u32], revenue: &[i64]) -> ClusterProfile {
    let total_revenue: i64 = revenue.iter().sum();
    let mut p = profile(x, raw, numbered, 0, revenue, numbered.len(), total_revenue);
    p.traits = vec![Message::new("clusters.noise").worded_by(MESSAGES)];
    p.words = words(&p.traits);
    p
}

fn profile(
    x: &Matrix,
    raw: &Matrix,
    numbered: &[u32],
    number: u32,
    revenue: &[i64],
    clustered: usize,
    total_revenue: i64,
) -> ClusterProfile {
    let d = x.dims;
    let mut z = vec![0.0; d];
    let mut mean = vec![0.0; d];
    let mut customers = 0usize;
    let mut revenue_cents = 0i64;
    for (row, _) in numbered.iter().enumerate().filter(|(_, c)| **c == number) {
        customers += 1;
        revenue_cents += revenue[row];
        for j in 0..d {
            z[j] += x.row(row)[j];
            mean[j] += raw.row(row)[j];
        }
    }
    let per = customers.max(1) as f64;
    z.iter_mut().for_each(|v| *v /= per);
    mean.iter_mut().for_each(|v| *v /= per);
    ClusterProfile {
        number,
        customers,
        share: customers as f64 / clustered.max(1) as f64,
        revenue_cents,
        revenue_share: if total_revenue != 0 {
            revenue_cents as f64 / total_revenue as f64
        } else {
            0.0
        },
        mean,
        z,
        traits: Vec::new(),
        words: String::new(),
    }
}
