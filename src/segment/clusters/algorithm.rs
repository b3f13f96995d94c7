//! Clustering of the customers: their features read by name from the customer table,
//! transformed and standardised; k-means, a Gaussian mixture or DBSCAN fitted step by step
//! (a k-means restart, a silhouette, an EM run, a DBSCAN pass are each one step of the job);
//! then the clusters numbered by size, described by their features' z-scores, and a 2-D
//! map of the principal components.

use super::dbscan::{dbscan, k_distances, knee, Assigner, Dbscan};
use super::describe::{describe, noise};
use super::gmm::{self, Gmm};
use super::kmeans::{kmeans_once, rng, tolerance, KMeansFit, Lanes};
use super::matrix::{sample_rows, Matrix};
use super::messages::MESSAGES;
use super::params::{ClustersValidParams, Method};
use super::pca::pca;
use super::summary::{ClusterMap, ClustersSummary, DbscanFit, Feature, KScore, MixtureFit};
use crate::analysis::{Context, Job, Work};
use crate::error::Error;
use crate::message::Message;
use crate::segment::rfm::{RfmAnalysis, RfmParams};
use crate::table::NULL_U32;

/// The map shows at most this many customers (a fixed-seed sample).
pub const MAP_POINTS: usize = 20_000;
/// The k-distance curve is measured from at most this many customers of DBSCAN's sample.
pub const K_DISTANCE_PROBES: usize = 1_000;

/// The fitted clustering: every customer's cluster and the summary.
#[derive(Debug, Clone)]
pub struct Clusters {
    /// Per customer of the data: 1.. by size, 0 noise, `NULL_U32` left out.
    pub cluster: Vec<u32>,
    /// The output.
    pub summary: ClustersSummary,
}

/// The features of the customers that have them all.
pub struct Prepared {
    /// Standardised rows.
    pub x: Matrix,
    /// Untransformed rows (for the clusters' means).
    raw: Matrix,
    /// The customer number of each row.
    rows: Vec<u32>,
    features: Vec<Feature>,
    revenue: Vec<i64>,
    customers: usize,
}

/// Reads `params.features` through the customer table, drops the customers lacking one,
/// applies log1p and standardises (population standard deviation, as `StandardScaler`).
pub fn prepare(cx: &mut Context<'_>, params: &ClustersValidParams) -> Result<Prepared, Error> {
    let mut columns = Vec::with_capacity(params.features.len());
    for name in &params.features {
        columns.push(cx.numbers(name)?);
    }
    let rfm = cx.require::<RfmAnalysis>(&RfmParams::default())?;
    let n = cx.data.n_customers();
    let d = columns.len();
    let mut rows = Vec::new();
    let mut raw = Vec::new();
    for c in 0..n {
        if columns.iter().all(|col| col.values[c].is_finite()) {
            rows.push(c as u32);
            raw.extend(columns.iter().map(|col| col.values[c]));
        }
    }
    let raw = Matrix::new(raw, d);
    let m = rows.len();
    let mut x = raw.data.clone();
    if params.log1p {
        x.iter_mut().for_each(|v| *v = libm::log1p(v.max(0.0)));
    }
    let mut features = Vec::with_capacity(d);
    for (j, col) in columns.iter().enumerate() {
        let mean = (0..m).map(|i| x[i * d + j]).sum::<f64>() / m.max(1) as f64;
        let var = (0..m)
            .map(|i| (x[i * d + j] - mean) * (x[i * d + j] - mean))
            .sum::<f64>()
            / m.max(1) as f64;
        let scale = if var > 0.0 { var.sqrt() } else { 1.0 };
        for i in 0..m {
            x[i * d + j] = (x[i * d + j] - mean) / scale;
        }
        features.push(Feature {
            name: params.features[j].clone(),
            column: col.id.clone(),
            mean,
            scale,
        });
    }
    let revenue = rows
        .iter()
        .map(|&c| rfm.monetary_cents[c as usize])
        .collect();
    Ok(Prepared {
        x: Matrix::new(x, d),
        raw,
        rows,
        features,
        revenue,
        customers: n,
    })
}

/// One step of the job.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Unit {
    /// A k-means run from a seeded k-means++ start.
    Restart { k: usize, restart: u32 },
    /// The silhouette of k's best run.
    Silhouette { k: usize },
    /// EM from k's best k-means run.
    Mixture { k: usize },
    /// The k-distance curve (and the suggested eps).
    KDistance,
    /// DBSCAN on its sample.
    Dbscan,
    /// Automatic k: the k chosen from the scan gets its remaining restarts (and its
    /// silhouette or mixture again), so it equals a fit of that k alone.
    Refine,
}

/// A clustering under way: the steps to run and what they found so far.
pub struct Fitting {
    params: ClustersValidParams,
    prep: Prepared,
    /// The features in SIMD blocks, for the k-means restarts (empty for DBSCAN).
    lanes: Lanes,
    ks: Vec<usize>,
    units: Vec<Unit>,
    next: usize,
    tol: f64,
    best: Vec<(usize, KMeansFit)>,
    silhouettes: Vec<(usize, Option<f64>)>,
    mixtures: Vec<(usize, Option<Gmm>)>,
    silhouette_rows: Vec<usize>,
    dbscan_rows: Vec<usize>,
    dbscan_x: Matrix,
    k_distance: Vec<f64>,
    eps_suggested: Option<f64>,
    dbscan: Option<(Dbscan, f64)>,
    /// Restarts per k while scanning (all of them when k is given).
    scan_restarts: u32,
    /// The k kept once the scan has chosen it.
    chosen: Option<usize>,
}

/// Sets `k`'s entry of `list` to `value`.
fn set<T>(list: &mut Vec<(usize, T)>, k: usize, value: T) {
    match list.iter_mut().find(|(lk, _)| *lk == k) {
        Some(entry) => entry.1 = value,
        None => list.push((k, value)),
    }
}

impl Fitting {
    /// The steps of `params` on the prepared features.
    pub fn new(params: ClustersValidParams, prep: Prepared) -> Result<Fitting, Error> {
        let n = prep.x.rows();
        let ks: Vec<usize> = params.ks.iter().copied().filter(|&k| k < n).collect();
        if params.method != Method::Dbscan && ks.is_empty() {
            let need = params.ks[0] + 1;
            return Err(Error::Refused(
                Message::new("clusters.too_few")
                    .with("customers", n)
                    .with("k", params.ks[0])
                    .with("need", need)
                    .worded_by(MESSAGES),
            ));
        }
        if params.method == Method::Dbscan && n < 2 {
            return Err(Error::Refused(
                Message::new("clusters.too_few")
                    .with("customers", n)
                    .with("k", 1)
                    .with("need", 2)
                    .worded_by(MESSAGES),
            ));
        }
        let mut units = Vec::new();
        let scanning = params.auto && ks.len() > 1;
        let scan_restarts = if scanning {
            params.scan_restarts.min(params.restarts)
        } else {
            params.restarts
        };
        match params.method {
            Method::Kmeans | Method::Gmm => {
                for &k in &ks {
                    for restart in 0..scan_restarts {
                        units.push(Unit::Restart { k, restart });
                    }
                    units.push(if params.method == Method::Gmm {
                        Unit::Mixture { k }
                    } else {
                        Unit::Silhouette { k }
                    });
                }
                if scanning {
                    units.push(Unit::Refine);
                }
                if params.method == Method::Gmm {
                    // the silhouette of the chosen mixture only, once it is chosen
                    units.push(Unit::Silhouette { k: 0 });
                }
            }
            Method::Dbscan => {
                units.push(Unit::KDistance);
                units.push(Unit::Dbscan);
            }
        }
        let silhouette_rows = sample_rows(n, params.silhouette_sample, params.seed, 1_000);
        let dbscan_rows = if params.method == Method::Dbscan {
            sample_rows(n, params.dbscan_sample, params.seed, 2_000)
        } else {
            Vec::new()
        };
        let dbscan_x = prep.x.pick(&dbscan_rows);
        let lanes = if params.method == Method::Dbscan {
            Lanes::default()
        } else {
            Lanes::new(&prep.x)
        };
        Ok(Fitting {
            tol: tolerance(&prep.x),
            lanes,
            params,
            prep,
            ks,
            units,
            next: 0,
            best: Vec::new(),
            silhouettes: Vec::new(),
            mixtures: Vec::new(),
            silhouette_rows,
            dbscan_rows,
            dbscan_x,
            k_distance: Vec::new(),
            eps_suggested: None,
            dbscan: None,
            scan_restarts,
            chosen: None,
        })
    }

    fn unit(&mut self) -> Result<(), Error> {
        let unit = self.units[self.next];
        self.next += 1;
        let x = &self.prep.x;
        match unit {
            Unit::Restart { k, restart } => {
                let fit = kmeans_once(
                    &self.lanes,
                    k,
                    self.tol,
                    &mut rng(self.params.seed, u64::from(restart)),
                );
                match self.best.iter_mut().find(|(bk, _)| *bk == k) {
                    Some((_, b)) if fit.inertia < b.inertia => *b = fit,
                    Some(_) => {}
                    None => self.best.push((k, fit)),
                }
            }
            Unit::Silhouette { k } => {
                let (k, labels) = if k == 0 {
                    let k = self.chosen_k();
                    (k, self.labels_of(k))
                } else {
                    (k, self.labels_of(k))
                };
                let s = self.silhouette(&labels, k);
                set(&mut self.silhouettes, k, s);
            }
            Unit::Refine => {
                let k = self.chosen_k();
                self.chosen = Some(k);
                let mut more: Vec<Unit> = (self.scan_restarts..self.params.restarts)
                    .map(|restart| Unit::Restart { k, restart })
                    .collect();
                if !more.is_empty() {
                    more.push(if self.params.method == Method::Gmm {
                        Unit::Mixture { k }
                    } else {
                        Unit::Silhouette { k }
                    });
                }
                let at = self.next;
                self.units.splice(at..at, more);
            }
            Unit::Mixture { k } => {
                let labels = self.labels_of(k);
                let fitted = gmm::from_labels(x, &labels, k)
                    .and_then(|start| gmm::fit(x, start, gmm::TOL, gmm::MAX_ITER))
                    .ok();
                set(&mut self.mixtures, k, fitted);
            }
            Unit::KDistance => {
                let probes = sample_rows(
                    self.dbscan_x.rows(),
                    K_DISTANCE_PROBES,
                    self.params.seed,
                    3_000,
                );
                let probe = self.dbscan_x.pick(&probes);
                self.k_distance = k_distances(&probe, &self.dbscan_x, self.params.min_samples);
                self.eps_suggested = knee(&self.k_distance).filter(|e| *e > 0.0);
            }
            Unit::Dbscan => {
                let eps = self.params.eps.or(self.eps_suggested).unwrap_or(0.5);
                let fit = dbscan(&self.dbscan_x, eps, self.params.min_samples);
                self.dbscan = Some((fit, eps));
            }
        }
        Ok(())
    }

    fn labels_of(&self, k: usize) -> Vec<u32> {
        self.best
            .iter()
            .find(|(bk, _)| *bk == k)
            .map(|(_, f)| f.labels.clone())
            .unwrap_or_default()
    }

    /// The silhouette of `labels` (over every row) on the sample.
    fn silhouette(&self, labels: &[u32], k: usize) -> Option<f64> {
        let sample = self.prep.x.pick(&self.silhouette_rows);
        let sampled: Vec<u32> = self.silhouette_rows.iter().map(|&i| labels[i]).collect();
        super::silhouette::silhouette(&sample, &sampled, k)
    }

    /// The k kept: the given one, the best silhouette (k-means) or the lowest BIC (mixture).
    fn chosen_k(&self) -> usize {
        if let Some(k) = self.chosen {
            return k;
        }
        if !self.params.auto || self.ks.len() == 1 {
            return self.ks[0];
        }
        match self.params.method {
            Method::Gmm => self
                .mixtures
                .iter()
                .filter_map(|(k, g)| g.as_ref().map(|g| (*k, g.bic(&self.prep.x))))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map_or(self.ks[0], |(k, _)| k),
            _ => self
                .silhouettes
                .iter()
                .filter_map(|(k, s)| s.map(|s| (*k, s)))
                .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
                .map_or(self.ks[0], |(k, _)| k),
        }
    }

    fn finish(self) -> Result<Clusters, Error> {
        let x = &self.prep.x;
        let n = x.rows();
        let mut curve: Vec<KScore> = self
            .ks
            .iter()
            .filter(|_| self.params.method != Method::Dbscan)
            .map(|&k| KScore {
                k,
                inertia: self
                    .best
                    .iter()
                    .find(|(bk, _)| *bk == k)
                    .map(|(_, f)| f.inertia),
                silhouette: None,
                bic: self
                    .mixtures
                    .iter()
                    .find(|(mk, _)| *mk == k)
                    .and_then(|(_, g)| g.as_ref().map(|g| g.bic(x))),
            })
            .collect();
        for (k, s) in &self.silhouettes {
            if let Some(p) = curve.iter_mut().find(|p| p.k == *k) {
                p.silhouette = *s;
            }
        }
        // labels 0.. (None: noise) of every row
        let (labels, k, inertia, mixture, dbscan_fit): (Vec<Option<u32>>, usize, _, _, _) =
            match self.params.method {
                Method::Kmeans => {
                    let k = self.chosen_k();
                    let fit = &self
                        .best
                        .iter()
                        .find(|(bk, _)| *bk == k)
                        .ok_or_else(|| unfinished("k-means"))?
                        .1;
                    let labels = fit.labels.iter().map(|&l| Some(l)).collect();
                    (labels, k, Some(fit.inertia), None, None)
                }
                Method::Gmm => {
                    let k = self.chosen_k();
                    let g = self
                        .mixtures
                        .iter()
                        .find(|(mk, _)| *mk == k)
                        .and_then(|(_, g)| g.as_ref())
                        .ok_or_else(|| {
                            Error::Refused(
                                Message::new("clusters.singular")
                                    .with("k", k)
                                    .worded_by(MESSAGES),
                            )
                        })?;
                    let labels = g.predict(x).into_iter().map(Some).collect();
                    let fit = MixtureFit {
                        mean_log_likelihood: g.mean_log_likelihood,
                        bic: g.bic(x),
                        iterations: g.iterations,
                        converged: g.converged,
                    };
                    (labels, k, None, Some(fit), None)
                }
                Method::Dbscan => {
                    let (fit, eps) = self.dbscan.as_ref().ok_or_else(|| unfinished("DBSCAN"))?;
                    let mut labels = vec![None; n];
                    let mut in_sample = vec![false; n];
                    for (s, &row) in self.dbscan_rows.iter().enumerate() {
                        labels[row] = fit.labels[s];
                        in_sample[row] = true;
                    }
                    if self.dbscan_rows.len() < n {
                        let assign = Assigner::new(fit, &self.dbscan_x, *eps);
                        for row in (0..n).filter(|&r| !in_sample[r]) {
                            labels[row] = assign.label(x.row(row));
                        }
                    }
                    let noise = labels.iter().filter(|l| l.is_none()).count();
                    let summary = DbscanFit {
                        eps: *eps,
                        eps_suggested: self.eps_suggested,
                        min_samples: self.params.min_samples,
                        sample: self.dbscan_rows.len(),
                        core: fit.core.iter().filter(|c| **c).count(),
                        noise,
                        k_distance: self.k_distance.clone(),
                    };
                    (labels, fit.clusters, None, None, Some(summary))
                }
            };
        // numbered by size, largest first (ties: the lower label); noise is 0
        let mut sizes = vec![0usize; k];
        for l in labels.iter().flatten() {
            sizes[*l as usize] += 1;
        }
        let mut by_size: Vec<usize> = (0..k).filter(|&c| sizes[c] > 0).collect();
        by_size.sort_by(|a, b| sizes[*b].cmp(&sizes[*a]).then(a.cmp(b)));
        let mut number = vec![0u32; k];
        for (rank, &c) in by_size.iter().enumerate() {
            number[c] = rank as u32 + 1;
        }
        let numbered: Vec<u32> = labels
            .iter()
            .map(|l| l.map_or(0, |l| number[l as usize]))
            .collect();
        let found = by_size.len();
        let silhouette = match self.params.method {
            Method::Dbscan => {
                let sample: Vec<usize> = self
                    .silhouette_rows
                    .iter()
                    .copied()
                    .filter(|r| numbered[*r] > 0)
                    .collect();
                let m = self.prep.x.pick(&sample);
                let l: Vec<u32> = sample.iter().map(|&r| numbered[r] - 1).collect();
                super::silhouette::silhouette(&m, &l, found)
            }
            _ => self
                .silhouettes
                .iter()
                .find(|(sk, _)| *sk == k)
                .and_then(|(_, s)| *s),
        };
        let groups = describe(
            &self.prep.x,
            &self.prep.raw,
            &self.prep.features,
            &numbered,
            found,
            &self.prep.revenue,
        );
        let mut clusters = groups;
        if numbered.contains(&0) {
            clusters.push(noise(
                &self.prep.x,
                &self.prep.raw,
                &numbered,
                &self.prep.revenue,
            ));
        }
        // the map: principal components of every row, a sample drawn
        let components = pca(x);
        let drawn = sample_rows(n, MAP_POINTS, self.params.seed, 4_000);
        let mut map = ClusterMap {
            explained: components.ratio.iter().take(2).copied().collect(),
            sample: drawn.len(),
            x: Vec::with_capacity(drawn.len()),
            y: Vec::with_capacity(drawn.len()),
            cluster: Vec::with_capacity(drawn.len()),
        };
        for &r in &drawn {
            let (px, py) = components.project(x.row(r));
            map.x.push(px as f32);
            map.y.push(py as f32);
            map.cluster.push(numbered[r]);
        }
        let mut cluster = vec![NULL_U32; self.prep.customers];
        for (row, &c) in self.prep.rows.iter().enumerate() {
            cluster[c as usize] = numbered[row];
        }
        Ok(Clusters {
            cluster,
            summary: ClustersSummary {
                method: self.params.method,
                features: self.prep.features.clone(),
                customers: n,
                left_out: self.prep.customers - n,
                k: found,
                automatic: self.params.auto && self.params.method != Method::Dbscan,
                curve,
                silhouette_sample: self.silhouette_rows.len(),
                silhouette,
                inertia,
                mixture,
                dbscan: dbscan_fit,
                clusters,
                map,
                seed: self.params.seed,
                restarts: self.params.restarts,
                scan_restarts: self.scan_restarts,
            },
        })
    }
}

/// A step that should have run had not: a developer's error, reported rather than a panic.
fn unfinished(what: &str) -> Error {
    Error::InvalidRequest(format!("{what} has not run"))
}

/// The stepped fit (`Fit::Job`): one unit of work a step, at least.
pub struct ClustersJob(pub Option<Fitting>);

impl Job for ClustersJob {
    type Model = Clusters;

    fn step(&mut self, _cx: &mut Context<'_>, budget: u64) -> Result<Option<Clusters>, Error> {
        let Some(f) = self.0.as_mut() else {
            return Err(Error::InvalidRequest("the clustering has finished".into()));
        };
        let cost = f.prep.x.rows().max(1) as u64;
        let mut spent = 0;
        while f.next < f.units.len() && spent < budget {
            f.unit()?;
            spent += cost;
        }
        if f.next < f.units.len() {
            return Ok(None);
        }
        match self.0.take() {
            Some(done) => done.finish().map(Some),
            None => Err(unfinished("the clustering")),
        }
    }

    fn work(&self) -> Work {
        let (done, total) = self
            .0
            .as_ref()
            .map_or((1, 1), |f| (f.next, f.units.len().max(1)));
        Work::of(done as u64, total as u64)
    }
}
