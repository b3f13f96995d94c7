//! The inner loops of ALS and its lists: a dot product, y += a·x (also into f64), and four
//! rows multiplied and added into one. Each is written once as plain Rust (what the CLI runs) and,
//! for the tab, out in WebAssembly SIMD with the same additions in the same order — so the
//! same bits. The compiler leaves the plain forms scalar for wasm even with `simd128` on
//! (measured in Node's V8: the ALS lists 2.5 times slower than natively, the same after the
//! dot product alone was written out); natively it vectorises them itself.

/// Partial sums a dot product keeps: sixteen independent chains of additions (four SIMD
/// registers of four) instead of one, so a length-64 product is not a wait on each addition
/// — and a fixed order of additions, the same result in the tab and natively.
const LANES: usize = 16;

/// a · b (slices of one length): sixteen partial sums, added pairwise at the end.
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    dot_lanes(a, b)
}

/// a · b, the partial sums of `dot_lanes` in four registers.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    use core::arch::wasm32::*;
    let n = a.len().min(b.len());
    let whole = n - n % LANES;
    let zero = f32x4_splat(0.0);
    let (mut s0, mut s1, mut s2, mut s3) = (zero, zero, zero, zero);
    let (ap, bp) = (a.as_ptr(), b.as_ptr());
    let mut k = 0;
    while k < whole {
        // SAFETY: k + 16 ≤ whole ≤ both lengths; v128_load reads unaligned memory
        unsafe {
            let x = |o: usize| v128_load(ap.add(k + o) as *const v128);
            let y = |o: usize| v128_load(bp.add(k + o) as *const v128);
            s0 = f32x4_add(s0, f32x4_mul(x(0), y(0)));
            s1 = f32x4_add(s1, f32x4_mul(x(4), y(4)));
            s2 = f32x4_add(s2, f32x4_mul(x(8), y(8)));
            s3 = f32x4_add(s3, f32x4_mul(x(12), y(12)));
        }
        k += LANES;
    }
    if whole < n {
        let mut first = f32x4_extract_lane::<0>(s0);
        for (x, y) in a[whole..n].iter().zip(&b[whole..n]) {
            first += x * y;
        }
        s0 = f32x4_replace_lane::<0>(s0, first);
    }
    // `dot_lanes`'s widths 8 and 4: lane k plus lane k + 8, then plus lane k + 4
    let s = f32x4_add(f32x4_add(s0, s2), f32x4_add(s1, s3));
    // widths 2 and 1
    let low = f32x4_extract_lane::<0>(s) + f32x4_extract_lane::<2>(s);
    let high = f32x4_extract_lane::<1>(s) + f32x4_extract_lane::<3>(s);
    low + high
}

/// a · b as plain Rust: the definition `dot` keeps to.
#[inline(always)]
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
pub fn dot_lanes(a: &[f32], b: &[f32]) -> f32 {
    let mut s = [0f32; LANES];
    let (ac, ar) = a.split_at(a.len() - a.len() % LANES);
    let (bc, br) = b.split_at(ac.len());
    for (x, y) in ac.chunks_exact(LANES).zip(bc.chunks_exact(LANES)) {
        for k in 0..LANES {
            s[k] += x[k] * y[k];
        }
    }
    for (x, y) in ar.iter().zip(br) {
        s[0] += x * y;
    }
    let mut width = LANES / 2;
    while width > 0 {
        for k in 0..width {
            s[k] += s[k + width];
        }
        width /= 2;
    }
    s[0]
}

/// y += a · x.
#[inline]
pub fn axpy(a: f32, x: &[f32], y: &mut [f32]) {
    let n = x.len().min(y.len());
    let done = simd_axpy(a, &x[..n], &mut y[..n]);
    for (yi, xi) in y[done..n].iter_mut().zip(&x[done..n]) {
        *yi += a * xi;
    }
}

/// out += c₀·r₀ + c₁·r₁ + c₂·r₂ + c₃·r₃, each element left to right, over `out`'s length
/// (every row at least as long).
#[inline]
pub fn madd4_f32(out: &mut [f32], c: [f32; 4], r: [&[f32]; 4]) {
    let n = out.len();
    let [r0, r1, r2, r3] = r.map(|row| &row[..n]);
    let done = simd_madd4_f32(out, c, [r0, r1, r2, r3]);
    for k in done..n {
        out[k] += c[0] * r0[k] + c[1] * r1[k] + c[2] * r2[k] + c[3] * r3[k];
    }
}

/// `madd4_f32` in f64.
#[inline]
pub fn madd4_f64(out: &mut [f64], c: [f64; 4], r: [&[f64]; 4]) {
    let n = out.len();
    let [r0, r1, r2, r3] = r.map(|row| &row[..n]);
    let done = simd_madd4_f64(out, c, [r0, r1, r2, r3]);
    for k in done..n {
        out[k] += c[0] * r0[k] + c[1] * r1[k] + c[2] * r2[k] + c[3] * r3[k];
    }
}

/// out += c · v, v widened to f64 first.
#[inline]
pub fn add_wide(c: f64, v: &[f32], out: &mut [f64]) {
    let n = out.len().min(v.len());
    let done = simd_add_wide(c, &v[..n], &mut out[..n]);
    for (o, &x) in out[done..n].iter_mut().zip(&v[done..n]) {
        *o += c * f64::from(x);
    }
}

// Natively the loops above are the whole work (the compiler vectorises them); in the tab the
// SIMD forms below do the elements in fours (twos for f64) and leave the rest.

#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn simd_axpy(_a: f32, _x: &[f32], _y: &mut [f32]) -> usize {
    0
}

#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn simd_madd4_f32(_out: &mut [f32], _c: [f32; 4], _r: [&[f32]; 4]) -> usize {
    0
}

#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn simd_madd4_f64(_out: &mut [f64], _c: [f64; 4], _r: [&[f64]; 4]) -> usize {
    0
}

#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
fn simd_add_wide(_c: f64, _v: &[f32], _out: &mut [f64]) -> usize {
    0
}

/// The elements of `out` done, two at a time (`v` as long as `out`).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn simd_add_wide(c: f64, v: &[f32], out: &mut [f64]) -> usize {
    use core::arch::wasm32::*;
    let whole = out.len() - out.len() % 2;
    let cv = f64x2_splat(c);
    let mut k = 0;
    while k < whole {
        // SAFETY: k + 2 ≤ whole ≤ both lengths; two f32 read as the low half of a v128
        unsafe {
            let pair = v128_load64_zero(v.as_ptr().add(k) as *const u64);
            let at = out.as_mut_ptr().add(k) as *mut v128;
            v128_store(
                at,
                f64x2_add(v128_load(at), f64x2_mul(cv, f64x2_promote_low_f32x4(pair))),
            );
        }
        k += 2;
    }
    whole
}

/// The elements of `y` done, four at a time (`x` as long as `y`).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn simd_axpy(a: f32, x: &[f32], y: &mut [f32]) -> usize {
    use core::arch::wasm32::*;
    let whole = y.len() - y.len() % 4;
    let av = f32x4_splat(a);
    let mut k = 0;
    while k < whole {
        // SAFETY: k + 4 ≤ whole ≤ both lengths
        unsafe {
            let at = y.as_mut_ptr().add(k) as *mut v128;
            let xv = v128_load(x.as_ptr().add(k) as *const v128);
            v128_store(at, f32x4_add(v128_load(at), f32x4_mul(av, xv)));
        }
        k += 4;
    }
    whole
}

/// The elements of `out` done, four at a time (every row as long as `out`).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn simd_madd4_f32(out: &mut [f32], c: [f32; 4], r: [&[f32]; 4]) -> usize {
    use core::arch::wasm32::*;
    let whole = out.len() - out.len() % 4;
    let cv = c.map(|v| f32x4_splat(v));
    let mut k = 0;
    while k < whole {
        // SAFETY: k + 4 ≤ whole ≤ every length
        unsafe {
            let row = |i: usize| f32x4_mul(cv[i], v128_load(r[i].as_ptr().add(k) as *const v128));
            let sum = f32x4_add(f32x4_add(f32x4_add(row(0), row(1)), row(2)), row(3));
            let at = out.as_mut_ptr().add(k) as *mut v128;
            v128_store(at, f32x4_add(v128_load(at), sum));
        }
        k += 4;
    }
    whole
}

/// The elements of `out` done, two at a time (every row as long as `out`).
#[cfg(target_arch = "wasm32")]
#[inline(always)]
fn simd_madd4_f64(out: &mut [f64], c: [f64; 4], r: [&[f64]; 4]) -> usize {
    use core::arch::wasm32::*;
    let whole = out.len() - out.len() % 2;
    let cv = c.map(|v| f64x2_splat(v));
    let mut k = 0;
    while k < whole {
        // SAFETY: k + 2 ≤ whole ≤ every length
        unsafe {
            let row = |i: usize| f64x2_mul(cv[i], v128_load(r[i].as_ptr().add(k) as *const v128));
            let sum = f64x2_add(f64x2_add(f64x2_add(row(0), row(1)), row(2)), row(3));
            let at = out.as_mut_ptr().add(k) as *mut v128;
            v128_store(at, f64x2_add(v128_load(at), sum));
        }
        k += 2;
    }
    whole
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kernels_equal_their_plain_definitions() {
        let x: Vec<f32> = (0..67)
            .map(|i| ((i * 37 % 19) as f32 - 9.0) / 7.0)
            .collect();
        let y: Vec<f32> = (0..67)
            .map(|i| ((i * 11 % 23) as f32 - 11.0) / 3.0)
            .collect();
        let plain: f32 = {
            let mut s = [0f32; LANES];
            for k in 0..64 {
                s[k % LANES] += x[k] * y[k];
            }
            for k in 64..67 {
                s[0] += x[k] * y[k];
            }
            let mut w = LANES / 2;
            while w > 0 {
                for k in 0..w {
                    s[k] += s[k + w];
                }
                w /= 2;
            }
            s[0]
        };
        assert_eq!(dot(&x, &y).to_bits(), plain.to_bits());
        let mut a = y.clone();
        axpy(0.3, &x, &mut a);
        for k in 0..67 {
            assert_eq!(a[k].to_bits(), (y[k] + 0.3 * x[k]).to_bits());
        }
        let mut o = x[..63].to_vec();
        let c = [0.5, -1.25, 2.0, 0.1];
        madd4_f32(&mut o, c, [&y, &x, &y[1..], &x[2..]]);
        for k in 0..63 {
            let want = x[k] + (c[0] * y[k] + c[1] * x[k] + c[2] * y[k + 1] + c[3] * x[k + 2]);
            assert_eq!(o[k].to_bits(), want.to_bits());
        }
        let wide: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
        let mut o = wide[..65].to_vec();
        add_wide(0.7, &y, &mut o);
        for k in 0..65 {
            assert_eq!(o[k].to_bits(), (wide[k] + 0.7 * f64::from(y[k])).to_bits());
        }
        let mut o = wide[..65].to_vec();
        let c = [0.5, -1.25, 2.0, 0.1];
        madd4_f64(&mut o, c, [&wide, &wide[1..], &wide[2..], &wide]);
        for k in 0..65 {
            let w = &wide;
            let want = w[k] + (c[0] * w[k] + c[1] * w[k + 1] + c[2] * w[k + 2] + c[3] * w[k]);
            assert_eq!(o[k].to_bits(), want.to_bits());
        }
    }
}
