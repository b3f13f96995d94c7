//! Clustering parameters and their checks.

use super::messages::MESSAGES;
use crate::analysis::{Check, Coded};
use crate::message::Message;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How customers are grouped.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    Serialize,
    Deserialize,
    ts_rs::TS,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// k-means (k-means++ seeding, several seeded restarts, the lowest inertia kept).
    #[default]
    Kmeans,
    /// A Gaussian mixture with full covariances, started from the k-means clusters.
    Gmm,
    /// DBSCAN: dense regions as clusters, the rest noise; the number of clusters follows.
    Dbscan,
}

/// The number of clusters: `"auto"` (the best silhouette, or the lowest BIC for a mixture,
/// between `k_min` and `k_max`) or a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ts_rs::TS)]
#[ts(type = "\"auto\" | number")]
pub enum ClusterCount {
    /// Chosen from the data.
    #[default]
    Auto,
    /// This many.
    Fixed(u8),
}

impl Serialize for ClusterCount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            ClusterCount::Auto => s.serialize_str("auto"),
            ClusterCount::Fixed(k) => s.serialize_u8(*k),
        }
    }
}

impl<'de> Deserialize<'de> for ClusterCount {
    /// `"auto"`, a number, or a number written as text (the CLI's `--k 5`).
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) if s.trim().eq_ignore_ascii_case("auto") => {
                Ok(ClusterCount::Auto)
            }
            serde_json::Value::String(s) => {
                s.trim().parse().map(ClusterCount::Fixed).map_err(|_| {
                    D::Error::custom(format!("k must be \"auto\" or a number, got {s:?}"))
                })
            }
            serde_json::Value::Number(n) => n
                .as_u64()
                .and_then(|k| u8::try_from(k).ok())
                .map(ClusterCount::Fixed)
                .ok_or_else(|| {
                    D::Error::custom(format!("k must be \"auto\" or a number, got {n}"))
                }),
            other => Err(D::Error::custom(format!(
                "k must be \"auto\" or a number, got {other}"
            ))),
        }
    }
}

impl schemars::JsonSchema for ClusterCount {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "ClusterCount".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "description": "\"auto\" or a number" })
    }
}

/// Parameters of the clustering. Defaults: stage c of the peer benchmark — k-means on
/// log1p of recency, frequency and monetary, standardised — with k chosen from 2 to 10.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ClustersParams {
    /// kmeans, gmm or dbscan.
    pub method: Method,
    /// Number of clusters: auto (chosen between k-min and k-max) or a number (2 to 20);
    /// DBSCAN finds its own.
    pub k: ClusterCount,
    /// Fewest clusters automatic k tries.
    pub k_min: u8,
    /// Most clusters automatic k tries.
    pub k_max: u8,
    /// Customer-table columns to cluster on, by any name a rule takes (rfm.recency,
    /// orders, 客单价), comma-separated or one per item; customers lacking one are left out.
    pub features: Vec<String>,
    /// Take log(1 + max(x, 0)) of every feature before standardising (spend and counts are
    /// skewed).
    pub log1p: bool,
    /// Seed of every random choice (k-means++ picks, samples).
    pub seed: u64,
    /// k-means runs from different seeded starts; the lowest inertia is kept.
    pub restarts: u8,
    /// Automatic k: runs per k while scanning k-min to k-max (at most restarts); the k
    /// chosen then gets all its restarts, so it equals a fit of that k alone.
    pub scan_restarts: u8,
    /// Customers (a fixed-seed sample) the silhouette is measured on.
    pub silhouette_sample: u32,
    /// DBSCAN's radius in standardised units; default: the knee of the k-distance curve.
    pub eps: Option<f64>,
    /// DBSCAN: neighbours within eps (the point itself counted) that make a core point.
    pub min_samples: u16,
    /// DBSCAN runs on a fixed-seed sample of this many customers; the others join the
    /// cluster of their nearest core point within eps.
    pub dbscan_sample: u32,
}

impl Default for ClustersParams {
    fn default() -> Self {
        ClustersParams {
            method: Method::Kmeans,
            k: ClusterCount::Auto,
            k_min: 2,
            k_max: 10,
            features: ClustersParams::DEFAULT_FEATURES
                .iter()
                .map(|f| f.to_string())
                .collect(),
            log1p: true,
            seed: 0,
            restarts: 10,
            scan_restarts: 3,
            silhouette_sample: 4000,
            eps: None,
            min_samples: 10,
            dbscan_sample: 20_000,
        }
    }
}

impl ClustersParams {
    /// Stage c of the peer benchmark.
    pub const DEFAULT_FEATURES: [&'static str; 3] =
        ["rfm.recency", "rfm.frequency", "rfm.monetary"];
    /// The most clusters.
    pub const MAX_K: u8 = 20;
    /// The most features (the mixture's work buffer).
    pub const MAX_FEATURES: usize = super::gmm::MAX_DIMS;
    /// The most restarts.
    pub const MAX_RESTARTS: u8 = 50;
    /// Sample sizes.
    pub const MIN_SAMPLE: u32 = 100;
    /// The largest sample (the silhouette is quadratic in it).
    pub const MAX_SAMPLE: u32 = 50_000;
}

/// Checked parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct ClustersValidParams {
    /// The method.
    pub method: Method,
    /// The clusters to try: one, or `k_min..=k_max`.
    pub ks: Vec<usize>,
    /// Whether k is chosen.
    pub auto: bool,
    /// The features' names as given.
    pub features: Vec<String>,
    /// log1p first.
    pub log1p: bool,
    /// Seed.
    pub seed: u64,
    /// Restarts.
    pub restarts: u32,
    /// Restarts per k while scanning.
    pub scan_restarts: u32,
    /// Silhouette sample.
    pub silhouette_sample: usize,
    /// DBSCAN radius, if given.
    pub eps: Option<f64>,
    /// DBSCAN core size.
    pub min_samples: usize,
    /// DBSCAN sample.
    pub dbscan_sample: usize,
}

/// A broken clustering parameter rule.
#[derive(Debug, Clone, PartialEq)]
pub enum ClustersParamsError {
    /// k outside 2..=20.
    K(u8),
    /// k_min > k_max or outside 2..=20.
    KRange(u8, u8),
    /// No features.
    NoFeatures,
    /// More than `MAX_FEATURES`.
    TooManyFeatures(usize),
    /// A feature named twice.
    FeatureTwice(String),
    /// restarts outside 1..=50.
    Restarts(u8),
    /// A sample size outside 100..=50,000.
    Sample(&'static str, u32),
    /// eps not a positive number.
    Eps(f64),
    /// min_samples below 2.
    MinSamples(u16),
}

impl Coded for ClustersParamsError {
    fn message(&self) -> Message {
        let (min, max) = (2u8, ClustersParams::MAX_K);
        let m = match self {
            ClustersParamsError::K(k) => Message::new("clusters.k")
                .with("min", min)
                .with("max", max)
                .with("got", *k),
            ClustersParamsError::KRange(lo, hi) => Message::new("clusters.k_range")
                .with("min", min)
                .with("max", max)
                .with("low", *lo)
                .with("high", *hi),
            ClustersParamsError::NoFeatures => Message::new("clusters.no_features"),
            ClustersParamsError::TooManyFeatures(n) => Message::new("clusters.too_many_features")
                .with("max", ClustersParams::MAX_FEATURES)
                .with("got", *n),
            ClustersParamsError::FeatureTwice(f) => {
                Message::new("clusters.feature_twice").with("feature", f.as_str())
            }
            ClustersParamsError::Restarts(r) => Message::new("clusters.restarts")
                .with("max", ClustersParams::MAX_RESTARTS)
                .with("got", *r),
            ClustersParamsError::Sample(name, got) => Message::new("clusters.sample")
                .with("name", *name)
                .with("min", ClustersParams::MIN_SAMPLE)
                .with("max", ClustersParams::MAX_SAMPLE)
                .with("got", *got),
            ClustersParamsError::Eps(e) => Message::new("clusters.eps").with("got", *e),
            ClustersParamsError::MinSamples(m) => {
                Message::new("clusters.min_samples").with("got", u32::from(*m))
            }
        };
        m.worded_by(MESSAGES)
    }
}

impl Check for ClustersParams {
    type Valid = ClustersValidParams;
    type Error = ClustersParamsError;

    fn check(&self) -> Result<ClustersValidParams, ClustersParamsError> {
        let in_k = |k: u8| (2..=ClustersParams::MAX_K).contains(&k);
        let (ks, auto) = match self.k {
            ClusterCount::Fixed(k) if !in_k(k) => return Err(ClustersParamsError::K(k)),
            ClusterCount::Fixed(k) => (vec![k as usize], false),
            ClusterCount::Auto => {
                if !in_k(self.k_min) || !in_k(self.k_max) || self.k_min > self.k_max {
                    return Err(ClustersParamsError::KRange(self.k_min, self.k_max));
                }
                ((self.k_min as usize..=self.k_max as usize).collect(), true)
            }
        };
        // an item may list several, comma-separated (the CLI's `--features a,b,c`)
        let features: Vec<String> = self
            .features
            .iter()
            .flat_map(|f| f.split(','))
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty())
            .collect();
        if features.is_empty() {
            return Err(ClustersParamsError::NoFeatures);
        }
        if features.len() > ClustersParams::MAX_FEATURES {
            return Err(ClustersParamsError::TooManyFeatures(features.len()));
        }
        for (i, f) in features.iter().enumerate() {
            if features[..i].iter().any(|g| g.eq_ignore_ascii_case(f)) {
                return Err(ClustersParamsError::FeatureTwice(f.clone()));
            }
        }
        for r in [self.restarts, self.scan_restarts] {
            if !(1..=ClustersParams::MAX_RESTARTS).contains(&r) {
                return Err(ClustersParamsError::Restarts(r));
            }
        }
        let sample = |name, n: u32| {
            if (ClustersParams::MIN_SAMPLE..=ClustersParams::MAX_SAMPLE).contains(&n) {
                Ok(n as usize)
            } else {
                Err(ClustersParamsError::Sample(name, n))
            }
        };
        let silhouette_sample = sample("silhouette_sample", self.silhouette_sample)?;
        let dbscan_sample = sample("dbscan_sample", self.dbscan_sample)?;
        if let Some(e) = self.eps {
            if !(e.is_finite() && e > 0.0) {
                return Err(ClustersParamsError::Eps(e));
            }
        }
        if self.min_samples < 2 {
            return Err(ClustersParamsError::MinSamples(self.min_samples));
        }
        Ok(ClustersValidParams {
            method: self.method,
            ks,
            auto,
            features,
            log1p: self.log1p,
            seed: self.seed,
            restarts: u32::from(self.restarts),
            scan_restarts: u32::from(self.scan_restarts),
            silhouette_sample,
            eps: self.eps,
            min_samples: usize::from(self.min_samples),
            dbscan_sample,
        })
    }
}
