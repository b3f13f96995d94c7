//! The experiment statistics behave as their definitions promise over many seeded
//! simulations (ChaCha8, seed written in each test): an A/A z-test rejects at its nominal
//! rate, the Wald interval covers a known true lift about 95 % of the time, and under daily
//! peeking the always-valid interval keeps its error rate where the fixed test does not.
//! Tolerances are three binomial standard errors of the simulated rate.

use portrait::campaign::stats::proportions::{z_test, Conversions};
use portrait::campaign::stats::sequential::{half_width, planned_variance};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Binomial, Distribution};

const ALPHA: f64 = 0.05;

fn draw(rng: &mut ChaCha8Rng, users: u64, rate: f64) -> Conversions {
    Conversions {
        users,
        converted: Binomial::new(users, rate).unwrap().sample(rng),
    }
}

/// Three binomial standard errors of a rate `p` simulated `runs` times.
fn three_se(p: f64, runs: usize) -> f64 {
    3.0 * (p * (1.0 - p) / runs as f64).sqrt()
}

#[test]
fn an_a_a_test_rejects_at_the_nominal_rate() {
    let mut rng = ChaCha8Rng::seed_from_u64(20261207);
    let runs = 4000;
    let rejected = (0..runs)
        .filter(|_| {
            let (a, b) = (draw(&mut rng, 2000, 0.1), draw(&mut rng, 2000, 0.1));
            z_test(a, b, ALPHA).p_value.unwrap() < ALPHA
        })
        .count();
    let rate = rejected as f64 / runs as f64;
    assert!(
        (rate - ALPHA).abs() <= three_se(ALPHA, runs),
        "A/A rejection rate {rate}"
    );
}

#[test]
fn the_interval_covers_a_known_lift_about_95_percent_of_the_time() {
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let (runs, lift) = (3000, 0.02);
    let covered = (0..runs)
        .filter(|_| {
            let (a, b) = (
                draw(&mut rng, 3000, 0.10),
                draw(&mut rng, 3000, 0.10 + lift),
            );
            let (lo, hi) = z_test(a, b, ALPHA).interval;
            lo <= lift && lift <= hi
        })
        .count();
    let rate = covered as f64 / runs as f64;
    assert!(
        (rate - (1.0 - ALPHA)).abs() <= three_se(1.0 - ALPHA, runs),
        "coverage {rate}"
    );
}

#[test]
fn the_always_valid_interval_survives_daily_peeking_where_the_fixed_test_does_not() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let (runs, days, per_day, rate) = (1500, 28, 150u64, 0.1);
    // mixing variance: the difference's variance at the planned end of the test
    let tau2 = planned_variance(rate, (days as u64 * per_day) as f64);
    let (mut fixed_errors, mut sequential_errors) = (0, 0);
    for _ in 0..runs {
        let (mut a, mut b) = (
            Conversions {
                users: 0,
                converted: 0,
            },
            Conversions {
                users: 0,
                converted: 0,
            },
        );
        let (mut fixed, mut sequential) = (false, false);
        for _ in 0..days {
            let (da, db) = (draw(&mut rng, per_day, rate), draw(&mut rng, per_day, rate));
            a = Conversions {
                users: a.users + da.users,
                converted: a.converted + da.converted,
            };
            b = Conversions {
                users: b.users + db.users,
                converted: b.converted + db.converted,
            };
            let z = z_test(a, b, ALPHA);
            fixed |= z.p_value.is_some_and(|p| p < ALPHA);
            let (pa, pb) = (a.rate(), b.rate());
            let variance = pa * (1.0 - pa) / a.users as f64 + pb * (1.0 - pb) / b.users as f64;
            if let Some(h) = half_width(variance, tau2, ALPHA) {
                sequential |= z.difference.abs() > h;
            }
        }
        fixed_errors += usize::from(fixed);
        sequential_errors += usize::from(sequential);
    }
    let (fixed, sequential) = (
        fixed_errors as f64 / runs as f64,
        sequential_errors as f64 / runs as f64,
    );
    assert!(
        fixed > 2.0 * ALPHA,
        "peeking at the fixed test errs {fixed}, far above {ALPHA}"
    );
    assert!(
        sequential <= ALPHA + three_se(ALPHA, runs),
        "the always-valid interval errs {sequential} under daily peeking"
    );
}
