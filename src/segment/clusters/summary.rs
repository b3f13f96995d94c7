//! What the clustering answers (its output, the JS API): the features as standardised, the
//! scan over k, each method's fit, the clusters described and the map.

use super::params::Method;
use crate::message::Message;
use serde::Serialize;

/// A feature as clustered. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct Feature {
    /// The name as given (`rfm.monetary`).
    pub name: String,
    /// The customer-table column it reads (`rfm.monetary_cents`).
    pub column: String,
    /// The mean of the transformed values (log1p when `log1p`).
    pub mean: f64,
    /// Their population standard deviation (1 when they do not vary), the unit of a z-score.
    pub scale: f64,
}

/// One k of the automatic choice. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct KScore {
    /// Clusters.
    pub k: usize,
    /// k-means inertia (Σ squared distance to the centre, standardised units).
    pub inertia: Option<f64>,
    /// Mean silhouette on the sample.
    pub silhouette: Option<f64>,
    /// The mixture's BIC (lower is better); null when it collapsed.
    pub bic: Option<f64>,
}

/// A Gaussian mixture's fit. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct MixtureFit {
    /// Mean log-likelihood per customer (standardised units).
    pub mean_log_likelihood: f64,
    /// Bayesian information criterion.
    pub bic: f64,
    /// EM iterations.
    pub iterations: u32,
    /// Whether EM converged (gain below 1e-3) within 100 iterations.
    pub converged: bool,
}

/// DBSCAN's fit. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct DbscanFit {
    /// The radius used (standardised units).
    pub eps: f64,
    /// The knee of the k-distance curve, the radius suggested.
    pub eps_suggested: Option<f64>,
    /// Neighbours that make a core point.
    pub min_samples: usize,
    /// Customers DBSCAN ran on (a fixed-seed sample when there are more).
    pub sample: usize,
    /// Core points in the sample.
    pub core: usize,
    /// Customers in no cluster.
    pub noise: usize,
    /// Each probe's distance to its `min_samples`-th nearest neighbour, far to near.
    pub k_distance: Vec<f64>,
}

/// A cluster described. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ClusterProfile {
    /// 1, 2, … by size (largest first); 0 is DBSCAN's noise.
    pub number: u32,
    /// Customers in it.
    pub customers: usize,
    /// Their share of the clustered customers.
    pub share: f64,
    /// Their net revenue (RFM monetary), minor units.
    pub revenue_cents: i64,
    /// Its share of the clustered customers' net revenue.
    pub revenue_share: f64,
    /// Mean of each feature, in its own unit (before log1p and standardising).
    pub mean: Vec<f64>,
    /// Mean z-score of each feature (standardised units): the profile the words read.
    pub z: Vec<f64>,
    /// What sets it apart, strongest first: message codes the page words per language.
    pub traits: Vec<Message>,
    /// The traits in English, comma-separated.
    pub words: String,
}

/// The 2-D map. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ClusterMap {
    /// Share of the variance along each axis (the first two principal components).
    pub explained: Vec<f64>,
    /// Customers drawn (a fixed-seed sample of at most 20,000).
    pub sample: usize,
    /// First component of each point.
    pub x: Vec<f32>,
    /// Second component.
    pub y: Vec<f32>,
    /// Each point's cluster number.
    pub cluster: Vec<u32>,
}

/// The clustering's output. Field names are the JS API.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
pub struct ClustersSummary {
    /// The method.
    pub method: Method,
    /// The features, standardised.
    pub features: Vec<Feature>,
    /// Customers clustered.
    pub customers: usize,
    /// Customers left out: a feature is null for them.
    pub left_out: usize,
    /// Clusters found (noise not counted).
    pub k: usize,
    /// Whether k was chosen from the data.
    pub automatic: bool,
    /// Every k tried, for the elbow and silhouette (or BIC) curves.
    pub curve: Vec<KScore>,
    /// Customers the silhouette is measured on.
    pub silhouette_sample: usize,
    /// The chosen clustering's silhouette.
    pub silhouette: Option<f64>,
    /// The chosen k-means inertia.
    pub inertia: Option<f64>,
    /// The mixture, for `gmm`.
    pub mixture: Option<MixtureFit>,
    /// DBSCAN, for `dbscan`.
    pub dbscan: Option<DbscanFit>,
    /// The clusters, largest first; noise last.
    pub clusters: Vec<ClusterProfile>,
    /// The map.
    pub map: ClusterMap,
    /// The seed.
    pub seed: u64,
    /// k-means restarts of the clusters kept.
    pub restarts: u32,
    /// Restarts of each other k of the automatic scan.
    pub scan_restarts: u32,
}
