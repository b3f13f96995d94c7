//! Clustering: customers grouped on standardised features by k-means (k chosen by the
//! silhouette, with the elbow beside it), a Gaussian mixture (k by BIC) or DBSCAN (eps from
//! the k-distance curve), each cluster described in words, with a 2-D principal-component
//! map.
//!
//! `params.rs` the parameters and their checks; `matrix.rs` the feature matrix and fixed-seed
//! samples; `kmeans.rs`, `silhouette.rs`, `gmm.rs`, `dbscan.rs`, `pca.rs` the numerics, each
//! checked against scikit-learn (`scripts/clusters_reference.py`, `tests/clusters_numerics.rs`);
//! `summary.rs` the output; `describe.rs` the words;
//! `algorithm.rs` the features read from the customer table and the stepped fit;
//! `analysis.rs` the door.

mod algorithm;
mod analysis;
mod dbscan;
mod describe;
pub mod gmm;
pub mod kmeans;
pub mod matrix;
mod messages;
mod params;
pub mod pca;
pub mod silhouette;
mod summary;

pub use algorithm::Clusters;
pub use analysis::ClustersAnalysis;
pub use dbscan::{dbscan, k_distances, knee, Dbscan};
pub use params::{ClusterCount, ClustersParams, ClustersParamsError, ClustersValidParams, Method};
pub use summary::{
    ClusterMap, ClusterProfile, ClustersSummary, DbscanFit, Feature, KScore, MixtureFit,
};
