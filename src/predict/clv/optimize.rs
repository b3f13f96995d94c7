//! Maximum likelihood for a handful of positive parameters: BFGS on their logarithms with a
//! backtracking line search, a few Newton steps on a finite-difference Hessian of the
//! gradient to finish, and the covariance from that Hessian.
//!
//! Written here rather than taken from `argmin`: the models have three or four parameters,
//! the Hessian is needed anyway (the standard errors), and this loop is ~150 lines with no
//! clock, no randomness and no allocation per step, so the tab and the CLI take the same
//! steps to the same bits.

/// An objective in log-parameter space: the mean negative log-likelihood and its gradient.
pub trait Objective {
    /// Parameters.
    const DIM: usize;
    /// Whether the parameters head for an edge of the likelihood the objective should not be
    /// followed to (a limit where it costs far more to evaluate and gains nothing):
    /// `minimise` stops there with `Failure::Edge`.
    fn at_edge(&self, _params: &[f64]) -> bool {
        false
    }
    /// f(θ) and ∇f(θ) at θ = ln(parameters); `f` is +∞ where the likelihood is not finite.
    fn value_gradient(&self, theta: &[f64], gradient: &mut [f64]) -> f64;
}

/// Why a fit stopped without an optimum.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The likelihood was not finite at any start.
    NoFiniteStart,
    /// The iterations ran out with the gradient still this large.
    Iterations {
        /// The largest gradient component left (per customer).
        gradient: f64,
        /// The parameters where it stopped.
        at: Vec<f64>,
    },
    /// The parameters headed for an edge of the likelihood (`Objective::at_edge`).
    Edge {
        /// The parameters where it stopped.
        at: Vec<f64>,
    },
    /// A parameter ran off towards 0 or infinity: the data do not pin it down.
    Boundary {
        /// Its position.
        parameter: usize,
        /// Its value when the fit stopped.
        value: f64,
        /// The parameters where it stopped.
        at: Vec<f64>,
    },
}

impl Failure {
    /// The parameters where the fit stopped, when it got anywhere.
    pub fn stopped_at(&self) -> Option<&[f64]> {
        match self {
            Failure::NoFiniteStart => None,
            Failure::Iterations { at, .. }
            | Failure::Boundary { at, .. }
            | Failure::Edge { at } => Some(at),
        }
    }
}

/// A maximum found.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimum {
    /// The parameters (not their logarithms).
    pub params: Vec<f64>,
    /// The mean negative log-likelihood there.
    pub value: f64,
    /// BFGS iterations of the start that won.
    pub iterations: u32,
    /// The largest gradient component at the optimum (log-parameter space, per customer).
    pub gradient: f64,
    /// The Hessian of the mean negative log-likelihood in log-parameter space.
    pub hessian_log: Vec<f64>,
}

const MAX_ITERATIONS: u32 = 300;
/// Every start is run to this tolerance; the lowest goes on to `COARSE_TOLERANCE` by BFGS,
/// then to `TOLERANCE` by Newton.
const SCREEN_TOLERANCE: f64 = 1e-2;
/// The largest gradient (per customer, log space) at the optimum: the analytic gradients
/// reach it.
const TOLERANCE: f64 = 1e-9;
const COARSE_TOLERANCE: f64 = 1e-4;
/// |ln p| beyond this (p below 1e-13 or above 4e17) is a parameter running off.
const LOG_BOUND: f64 = 30.0;

/// Minimises `objective` from each start (in log space): every start is run by BFGS until
/// the gradient is small, the lowest goes on to a coarse tolerance, and Newton finishes it.
pub fn minimise<O: Objective>(objective: &O, starts: &[Vec<f64>]) -> Result<Optimum, Failure> {
    let mut best: Option<Result<Optimum, Failure>> = None;
    for start in starts {
        let run = bfgs(objective, start, SCREEN_TOLERANCE);
        best = Some(match (best, run) {
            (None, run) => run,
            (Some(Ok(b)), Ok(r)) => Ok(if r.value < b.value { r } else { b }),
            (Some(Ok(b)), Err(_)) => Ok(b),
            (Some(Err(_)), Ok(r)) => Ok(r),
            (Some(Err(e)), Err(f)) => Err(if matches!(e, Failure::NoFiniteStart) {
                f
            } else {
                e
            }),
        });
    }
    let mut optimum = best.unwrap_or(Err(Failure::NoFiniteStart))?;
    let edge = |o: &Optimum| -> Result<(), Failure> {
        if objective.at_edge(&o.params) {
            return Err(Failure::Edge {
                at: o.params.clone(),
            });
        }
        Ok(())
    };
    edge(&optimum)?;
    if optimum.gradient > COARSE_TOLERANCE {
        let theta: Vec<f64> = optimum.params.iter().map(|p| libm::log(*p)).collect();
        let screened = optimum.iterations;
        optimum = bfgs(objective, &theta, COARSE_TOLERANCE)?;
        optimum.iterations += screened;
        edge(&optimum)?;
    }
    if !polish(objective, &mut optimum) {
        // Newton could not finish from there: BFGS to the fine tolerance, then once more
        let theta: Vec<f64> = optimum.params.iter().map(|p| libm::log(*p)).collect();
        let coarse = optimum.iterations;
        optimum = bfgs(objective, &theta, TOLERANCE)?;
        optimum.iterations += coarse;
        polish(objective, &mut optimum);
    }
    if let Some((parameter, &value)) = optimum
        .params
        .iter()
        .enumerate()
        .find(|(_, p)| libm::log(**p).abs() > LOG_BOUND - 1.0)
    {
        return Err(Failure::Boundary {
            parameter,
            value,
            at: optimum.params,
        });
    }
    if optimum.gradient > 1e-5 {
        return Err(Failure::Iterations {
            gradient: optimum.gradient,
            at: optimum.params,
        });
    }
    Ok(optimum)
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m, x| m.max(x.abs()))
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// BFGS on the inverse Hessian, Armijo backtracking, steps capped at 2 in log space.
fn bfgs<O: Objective>(objective: &O, start: &[f64], tolerance: f64) -> Result<Optimum, Failure> {
    let d = O::DIM;
    let mut theta = start.to_vec();
    let mut g = vec![0.0; d];
    let mut f = objective.value_gradient(&theta, &mut g);
    if !f.is_finite() {
        return Err(Failure::NoFiniteStart);
    }
    let mut inverse = identity(d);
    let (mut next, mut g_next, mut step) = (vec![0.0; d], vec![0.0; d], vec![0.0; d]);
    let mut iterations = 0;
    let mut still = 0;
    while iterations < MAX_ITERATIONS && max_abs(&g) > tolerance {
        iterations += 1;
        for i in 0..d {
            step[i] = -(0..d).map(|j| inverse[i * d + j] * g[j]).sum::<f64>();
        }
        let mut slope = dot(&step, &g);
        if slope >= 0.0 {
            // not a descent direction: restart from steepest descent
            inverse = identity(d);
            step.iter_mut().zip(&g).for_each(|(s, gi)| *s = -gi);
            slope = dot(&step, &g);
        }
        let longest = max_abs(&step);
        let mut t = if longest > 2.0 { 2.0 / longest } else { 1.0 };
        let mut f_next;
        loop {
            for i in 0..d {
                next[i] = (theta[i] + t * step[i]).clamp(-LOG_BOUND, LOG_BOUND);
            }
            f_next = objective.value_gradient(&next, &mut g_next);
            if f_next.is_finite() && f_next <= f + 1e-4 * t * slope {
                break;
            }
            t *= 0.5;
            if t < 1e-20 {
                return Ok(optimum(theta, f, iterations, &g));
            }
        }
        let s: Vec<f64> = (0..d).map(|i| next[i] - theta[i]).collect();
        let y: Vec<f64> = (0..d).map(|i| g_next[i] - g[i]).collect();
        let sy = dot(&s, &y);
        if sy > 1e-300 {
            if iterations == 1 {
                let scale = sy / dot(&y, &y);
                inverse.iter_mut().for_each(|h| *h *= scale);
            }
            update_inverse(&mut inverse, &s, &y, sy);
        }
        still = if (f - f_next).abs() <= 1e-15 * (1.0 + f.abs()) {
            still + 1
        } else {
            0
        };
        theta.copy_from_slice(&next);
        g.copy_from_slice(&g_next);
        f = f_next;
        if still >= 5 {
            break;
        }
    }
    Ok(optimum(theta, f, iterations, &g))
}

fn optimum(theta: Vec<f64>, value: f64, iterations: u32, g: &[f64]) -> Optimum {
    Optimum {
        params: theta.iter().map(|t| libm::exp(*t)).collect(),
        value,
        iterations,
        gradient: max_abs(g),
        hessian_log: Vec::new(),
    }
}

fn identity(d: usize) -> Vec<f64> {
    (0..d * d)
        .map(|k| if k / d == k % d { 1.0 } else { 0.0 })
        .collect()
}

/// H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1 / (yᵀ s).
fn update_inverse(h: &mut [f64], s: &[f64], y: &[f64], sy: f64) {
    let d = s.len();
    let rho = 1.0 / sy;
    let hy: Vec<f64> = (0..d)
        .map(|i| (0..d).map(|j| h[i * d + j] * y[j]).sum())
        .collect();
    let yhy = dot(y, &hy);
    for i in 0..d {
        for j in 0..d {
            h[i * d + j] +=
                -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j];
        }
    }
}

/// The Hessian of f in log space by forward differences of the analytic gradient (whose
/// value at θ is `g`), symmetrised: d evaluations, with an error of the order of the step
/// (1e-6 relative), far below what Newton steps and standard errors notice.
pub fn hessian<O: Objective>(objective: &O, theta: &[f64], g: &[f64]) -> Vec<f64> {
    let d = O::DIM;
    let mut h = vec![0.0; d * d];
    let mut plus = vec![0.0; d];
    let mut at = theta.to_vec();
    for j in 0..d {
        let step = 1e-6;
        at[j] = theta[j] + step;
        objective.value_gradient(&at, &mut plus);
        at[j] = theta[j];
        for i in 0..d {
            h[i * d + j] = (plus[i] - g[i]) / step;
        }
    }
    for i in 0..d {
        for j in 0..i {
            let m = 0.5 * (h[i * d + j] + h[j * d + i]);
            h[i * d + j] = m;
            h[j * d + i] = m;
        }
    }
    h
}

/// Newton's method on a finite-difference Hessian from where BFGS stopped: the Hessian is
/// computed once and reused while each step lowers f and the gradient (a chord method, one
/// evaluation a step), recomputed once if a step fails. The last Hessian, at most a few
/// tiny steps from the end point, gives the standard errors. `true` when the gradient fell
/// below the fine tolerance.
fn polish<O: Objective>(objective: &O, optimum: &mut Optimum) -> bool {
    let d = O::DIM;
    let mut theta: Vec<f64> = optimum.params.iter().map(|p| libm::log(*p)).collect();
    let mut g = vec![0.0; d];
    let mut f = objective.value_gradient(&theta, &mut g);
    let mut g_next = vec![0.0; d];
    let mut fresh = 0;
    let mut hessian_log = Vec::new();
    let mut inverse = None;
    for _ in 0..20 {
        if max_abs(&g) <= TOLERANCE && !hessian_log.is_empty() {
            break;
        }
        let Some(h_inv) = inverse.as_ref() else {
            if fresh == 2 {
                break;
            }
            fresh += 1;
            hessian_log = hessian(objective, &theta, &g);
            inverse = inverse_spd(&hessian_log);
            if inverse.is_none() {
                break;
            }
            continue;
        };
        if max_abs(&g) <= TOLERANCE {
            break;
        }
        let next: Vec<f64> = (0..d)
            .map(|i| theta[i] - (0..d).map(|j| h_inv[i * d + j] * g[j]).sum::<f64>())
            .map(|t| t.clamp(-LOG_BOUND, LOG_BOUND))
            .collect();
        let f_next = objective.value_gradient(&next, &mut g_next);
        if f_next.is_finite() && f_next <= f + 1e-12 * f.abs() && max_abs(&g_next) < max_abs(&g) {
            theta = next;
            g.copy_from_slice(&g_next);
            f = f_next;
        } else {
            inverse = None;
        }
    }
    optimum.params = theta.iter().map(|t| libm::exp(*t)).collect();
    optimum.value = f;
    optimum.gradient = max_abs(&g);
    optimum.hessian_log = hessian_log;
    optimum.gradient <= TOLERANCE
}

/// The inverse of a symmetric positive definite matrix by Cholesky; `None` when it is not
/// positive definite.
pub fn inverse_spd(a: &[f64]) -> Option<Vec<f64>> {
    let d = (a.len() as f64).sqrt() as usize;
    let mut l = vec![0.0; d * d];
    for i in 0..d {
        for j in 0..=i {
            let s: f64 = a[i * d + j] - (0..j).map(|k| l[i * d + k] * l[j * d + k]).sum::<f64>();
            if i == j {
                if !(s > 0.0) || !s.is_finite() {
                    return None;
                }
                l[i * d + i] = s.sqrt();
            } else {
                l[i * d + j] = s / l[j * d + j];
            }
        }
    }
    // invert column by column: A x = e_k
    let mut inv = vec![0.0; d * d];
    for k in 0..d {
        let mut y = vec![0.0; d];
        for i in 0..d {
            let e = if i == k { 1.0 } else { 0.0 };
            y[i] = (e - (0..i).map(|j| l[i * d + j] * y[j]).sum::<f64>()) / l[i * d + i];
        }
        for i in (0..d).rev() {
            let x = (y[i]
                - (i + 1..d)
                    .map(|j| l[j * d + i] * inv[j * d + k])
                    .sum::<f64>())
                / l[i * d + i];
            inv[i * d + k] = x;
        }
    }
    Some(inv)
}

/// The largest gap between `objective`'s gradient at `theta` and central differences of its
/// value (step 1e-6): how the models' tests check their analytic gradients.
#[cfg(test)]
pub fn gradient_error<O: Objective>(objective: &O, theta: &[f64]) -> f64 {
    let mut g = vec![0.0; O::DIM];
    let mut scratch = vec![0.0; O::DIM];
    objective.value_gradient(theta, &mut g);
    let mut at = theta.to_vec();
    let mut worst: f64 = 0.0;
    for j in 0..O::DIM {
        at[j] = theta[j] + 1e-6;
        let up = objective.value_gradient(&at, &mut scratch);
        at[j] = theta[j] - 1e-6;
        let down = objective.value_gradient(&at, &mut scratch);
        at[j] = theta[j];
        worst = worst.max((g[j] - (up - down) / 2e-6).abs());
    }
    worst
}

/// Standard errors of the parameters (not their logarithms) from the Hessian of the *mean*
/// negative log-likelihood over `weight` customers: by the delta method, se(p) = p·√(H⁻¹)ᵢᵢ
/// of the total's Hessian in log space. `None` where the Hessian is not positive definite.
pub fn standard_errors(optimum: &Optimum, weight: f64) -> Option<Vec<f64>> {
    let total: Vec<f64> = optimum.hessian_log.iter().map(|h| h * weight).collect();
    let inv = inverse_spd(&total)?;
    let d = optimum.params.len();
    Some(
        (0..d)
            .map(|i| optimum.params[i] * inv[i * d + i].sqrt())
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// f = Σ (e^θᵢ − cᵢ)² / 2 + (e^θ₀ − c₀)(e^θ₁ − c₁)/4: minimum at p = c.
    struct Bowl;
    impl Objective for Bowl {
        const DIM: usize = 2;
        fn value_gradient(&self, t: &[f64], g: &mut [f64]) -> f64 {
            let c = [3.0, 0.02];
            let p = [t[0].exp(), t[1].exp()];
            let e = [p[0] - c[0], p[1] - c[1]];
            g[0] = (e[0] + e[1] / 4.0) * p[0];
            g[1] = (e[1] + e[0] / 4.0) * p[1];
            (e[0] * e[0] + e[1] * e[1]) / 2.0 + e[0] * e[1] / 4.0
        }
    }

    #[test]
    fn finds_the_minimum_of_a_bowl_from_far_away() {
        let o = minimise(&Bowl, &[vec![0.0, 0.0], vec![-5.0, 4.0]]).unwrap();
        assert!((o.params[0] - 3.0).abs() < 1e-9, "{:?}", o.params);
        assert!((o.params[1] - 0.02).abs() < 1e-9, "{:?}", o.params);
    }

    #[test]
    fn inverts_a_positive_definite_matrix_and_refuses_others() {
        let a = [4.0, 1.0, 0.5, 1.0, 3.0, 0.2, 0.5, 0.2, 2.0];
        let inv = inverse_spd(&a).unwrap();
        for i in 0..3 {
            for j in 0..3 {
                let v: f64 = (0..3).map(|k| a[i * 3 + k] * inv[k * 3 + j]).sum();
                assert!((v - if i == j { 1.0 } else { 0.0 }).abs() < 1e-12);
            }
        }
        assert_eq!(inverse_spd(&[1.0, 2.0, 2.0, 1.0]), None);
    }
}
