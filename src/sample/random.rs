//! Seeded draws that give the same bits on every platform.
//!
//! The sample shop must be byte-identical natively and in the browser (wasm32). Two things
//! would break that quietly:
//!
//! - `f64::ln`/`exp`/`powf` call the platform's libm (glibc natively, a Rust port on wasm32),
//!   which may differ in the last bit; `rand_distr` reaches the same functions through
//!   `num-traits`, whose `std` feature any other crate in the graph can switch on. One
//!   differing bit can move an order across a second boundary. So the few transcendental
//!   functions needed here are written with IEEE basic operations only (`+ − × ÷ √`, floor
//!   and bit manipulation), which are correctly rounded everywhere and never fused into
//!   FMAs by rustc.
//! - `usize` ranges draw 64-bit words natively but 32-bit words on wasm32. Every integer draw
//!   here is a `u32` range.
//!
//! The distributions (exponential, normal, gamma, Beta(1, b), Pareto, small Poisson) use
//! textbook exact algorithms on top of these functions, so their shape is that of
//! `rand_distr`'s samplers.

use rand::Rng;
use rand_chacha::rand_core::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// A ChaCha8 stream of `seed`: each part of the generator (products, customers, baskets…)
/// reads its own stream, so changing how one part draws never shifts the others.
pub(super) fn stream(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

/// ln 2 split as in fdlibm: `LN2_HI` has 32 trailing zero bits, so `k * LN2_HI` is exact
/// for every exponent k; `LN2_LO` is the rest.
const LN2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
const LN2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
const LOG2_E: f64 = std::f64::consts::LOG2_E;
const SQRT_2: f64 = std::f64::consts::SQRT_2;
/// 2^54, to lift subnormals into the normal range before splitting off the exponent.
const TWO_54: f64 = 18_014_398_509_481_984.0;

/// Natural logarithm from basic operations: x = 2^e · m with m in (√½, √2], then
/// ln m = 2 atanh((m − 1)/(m + 1)) as a series in s² ≤ 0.0295 (error below 1e-17).
pub(super) fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    let (mut bits, mut e) = (x.to_bits(), 0i64);
    if bits >> 52 == 0 {
        bits = (x * TWO_54).to_bits();
        e -= 54;
    }
    e += ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let z = s * s;
    // Σ z^k / (2k + 1), k = 1..12, by Horner
    let mut poly = 1.0 / 25.0;
    for k in (1..12).rev() {
        poly = poly * z + 1.0 / (2 * k + 1) as f64;
    }
    let ln_m = 2.0 * s + 2.0 * s * z * poly;
    let ef = e as f64;
    ef * LN2_HI + (ln_m + ef * LN2_LO)
}

/// 2^k for −1022 ≤ k ≤ 1023, built from its bits.
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

/// e^x from basic operations: x = k ln 2 + r with |r| ≤ ½ ln 2, then a degree-14 Taylor
/// polynomial for e^r (error below 1e-17) scaled by 2^k.
pub(super) fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.7 {
        return f64::INFINITY;
    }
    if x < -745.2 {
        return 0.0;
    }
    let k = (x * LOG2_E + 0.5).floor();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut p = 1.0;
    for n in (1..=14).rev() {
        p = 1.0 + p * r / n as f64;
    }
    let k = k as i64;
    if k < -1021 {
        p * pow2(k + 64) * pow2(-64)
    } else if k > 1023 {
        p * pow2(k - 1) * 2.0
    } else {
        p * pow2(k)
    }
}

/// x^y for x > 0, as e^(y ln x).
pub(super) fn powf(x: f64, y: f64) -> f64 {
    exp(y * ln(x))
}

/// cos x from basic operations: reduce to [−π, π], then the Taylor series to x^30
/// (error below 1e-17). Only the calendar's yearly cycle uses it.
pub(super) fn cos(x: f64) -> f64 {
    let tau = std::f64::consts::TAU;
    let x = x - tau * (x / tau + 0.5).floor();
    let z = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for n in 1..=15 {
        term *= -z / ((2 * n - 1) * (2 * n)) as f64;
        sum += term;
    }
    sum
}

/// Uniform in [0, 1): rand's 53-bit float, identical on every platform.
pub(super) fn uniform<R: Rng>(rng: &mut R) -> f64 {
    rng.gen::<f64>()
}

/// Uniform in (0, 1], for logarithms.
pub(super) fn open01<R: Rng>(rng: &mut R) -> f64 {
    1.0 - rng.gen::<f64>()
}

/// True with probability `p`.
pub(super) fn chance<R: Rng>(rng: &mut R, p: f64) -> bool {
    uniform(rng) < p
}

/// Uniform integer in `0..n` (n ≥ 1) from a `u32` range, so wasm32 and 64-bit platforms
/// consume the same random words.
pub(super) fn below<R: Rng>(rng: &mut R, n: u32) -> u32 {
    rng.gen_range(0..n.max(1))
}

/// Exponential with mean 1 (inverse CDF).
pub(super) fn exp1<R: Rng>(rng: &mut R) -> f64 {
    -ln(open01(rng))
}

/// Standard normal by Marsaglia's polar method (needs only ln and √).
pub(super) fn normal<R: Rng>(rng: &mut R) -> f64 {
    loop {
        let u = 2.0 * uniform(rng) - 1.0;
        let v = 2.0 * uniform(rng) - 1.0;
        let s = u * u + v * v;
        if s > 0.0 && s < 1.0 {
            return u * (-2.0 * ln(s) / s).sqrt();
        }
    }
}

/// Gamma(shape, scale 1) by Marsaglia and Tsang (2000); shapes below 1 via the boost
/// Gamma(a) = Gamma(a + 1) · U^(1/a).
pub(super) fn gamma<R: Rng>(rng: &mut R, shape: f64) -> f64 {
    if shape < 1.0 {
        let boost = exp(ln(open01(rng)) / shape);
        return gamma(rng, shape + 1.0) * boost;
    }
    let d = shape - 1.0 / 3.0;
    let c = 1.0 / (9.0 * d).sqrt();
    loop {
        let x = normal(rng);
        let v = 1.0 + c * x;
        if v <= 0.0 {
            continue;
        }
        let v = v * v * v;
        let u = open01(rng);
        let x2 = x * x;
        if u < 1.0 - 0.0331 * x2 * x2 || ln(u) < 0.5 * x2 + d * (1.0 - v + ln(v)) {
            return d * v;
        }
    }
}

/// Beta(1, b) by its inverse CDF 1 − (1 − x)^b, which is exact and needs one draw.
pub(super) fn beta_1<R: Rng>(rng: &mut R, b: f64) -> f64 {
    1.0 - powf(open01(rng), 1.0 / b)
}

/// Pareto with scale 1 and tail index `alpha` (values ≥ 1), by its inverse CDF; numpy's
/// `1 + pareto(alpha)`.
pub(super) fn pareto<R: Rng>(rng: &mut R, alpha: f64) -> f64 {
    powf(open01(rng), -1.0 / alpha)
}

/// Poisson by Knuth's product of uniforms; fine for the small means used here (< 2).
pub(super) fn poisson_small<R: Rng>(rng: &mut R, mean: f64) -> u32 {
    let limit = exp(-mean);
    let mut k = 0;
    let mut prod = uniform(rng);
    while prod > limit && k < 1000 {
        k += 1;
        prod *= uniform(rng);
    }
    k
}

/// In-place Fisher–Yates shuffle with `u32` draws (see the module note on `usize`).
pub(super) fn shuffle<R: Rng, T>(rng: &mut R, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        let j = below(rng, (i + 1) as u32) as usize;
        items.swap(i, j);
    }
}

/// A discrete distribution over `0..n` from non-negative weights, drawn by binary search
/// in the normalised cumulative sums (numpy's `choice(p=…)`/`searchsorted`).
#[derive(Debug, Clone)]
pub(super) struct Discrete {
    cum: Vec<f64>,
}

impl Discrete {
    /// The distribution proportional to `weights` (at least one positive).
    pub(super) fn new(weights: &[f64]) -> Discrete {
        let mut cum = Vec::with_capacity(weights.len());
        let mut acc = 0.0;
        for w in weights {
            acc += w;
            cum.push(acc);
        }
        if acc > 0.0 {
            for c in &mut cum {
                *c /= acc;
            }
        }
        Discrete { cum }
    }

    /// The outcome whose cumulative interval holds `u` in [0, 1).
    pub(super) fn pick(&self, u: f64) -> usize {
        let k = self.cum.partition_point(|&c| c <= u);
        k.min(self.cum.len().saturating_sub(1))
    }

    /// One draw.
    pub(super) fn sample<R: Rng>(&self, rng: &mut R) -> usize {
        self.pick(uniform(rng))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn ln_and_exp_agree_with_std_to_a_few_ulps() {
        let mut x = 1e-300;
        while x < 1e300 {
            assert!(
                rel(ln(x), x.ln()) < 4e-16 || (ln(x) - x.ln()).abs() < 1e-15,
                "ln {x}"
            );
            x *= 1.37;
        }
        let mut y = -700.0;
        while y < 700.0 {
            assert!(rel(exp(y), y.exp()) < 4e-15, "exp {y}");
            y += 0.731;
        }
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(exp(0.0), 1.0);
        assert!(rel(ln(5e-324), (5e-324f64).ln()) < 1e-15);
    }

    #[test]
    fn cos_agrees_with_std() {
        let mut x = -40.0;
        while x < 40.0 {
            assert!((cos(x) - x.cos()).abs() < 1e-14, "cos {x}");
            x += 0.173;
        }
    }

    #[test]
    fn samplers_have_the_textbook_means() {
        let mut rng = stream(1, 0);
        let n = 200_000;
        let mean = |f: &mut dyn FnMut() -> f64| (0..n).map(|_| f()).sum::<f64>() / n as f64;
        // tolerances: about 4 standard errors
        assert!((mean(&mut || gamma(&mut rng, 0.6)) - 0.6).abs() < 0.007);
        assert!((mean(&mut || gamma(&mut rng, 2.5)) - 2.5).abs() < 0.015);
        assert!((mean(&mut || beta_1(&mut rng, 3.0)) - 0.25).abs() < 0.002);
        assert!((mean(&mut || exp1(&mut rng)) - 1.0).abs() < 0.01);
        assert!(mean(&mut || normal(&mut rng)).abs() < 0.01);
        assert!((mean(&mut || normal(&mut rng).powi(2)) - 1.0).abs() < 0.015);
        assert!((mean(&mut || pareto(&mut rng, 3.0)) - 1.5).abs() < 0.01);
        assert!((mean(&mut || poisson_small(&mut rng, 0.8) as f64) - 0.8).abs() < 0.01);
    }
}
