//! Random number streams and the few distributions the model needs.
//!
//! Each path has independent streams, each a Xoshiro256++ generator whose
//! 256-bit state is filled from a splitmix64 hash of (seed, path, stream).
//! All transcendental maths goes through `libm`, so results are bit-identical
//! natively and in WebAssembly.

use rand_core::{RngCore, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

use crate::input::Range;

/// Stream of per-path parameter draws (one uniform per uncertain input, at a fixed index).
pub(crate) const STREAM_PARAMS: u64 = 1;
/// Stream of monthly context draws (staff leavers, children entering and leaving care).
pub(crate) const STREAM_CONTEXT: u64 = 2;
/// Stream of monthly leadership draws (departures, campaign outcomes, contract events).
pub(crate) const STREAM_LEADERSHIP: u64 = 3;

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// The splitmix64 finaliser (Steele, Lea and Flood 2014).
#[inline]
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// One splitmix64 step: advance the state and return the mixed output.
#[inline]
pub(crate) fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(GOLDEN_GAMMA);
    mix64(*state)
}

/// 256-bit generator seed for (seed, path, stream).
pub(crate) fn stream_seed(seed: u64, path: u64, stream: u64) -> [u8; 32] {
    let mut s = seed;
    let a = splitmix64(&mut s);
    let mut s = a ^ path.wrapping_mul(GOLDEN_GAMMA);
    let b = splitmix64(&mut s);
    let mut s = b ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut out = [0u8; 32];
    for chunk in out.chunks_exact_mut(8) {
        chunk.copy_from_slice(&splitmix64(&mut s).to_le_bytes());
    }
    out
}

/// A portable random stream.
#[derive(Debug, Clone)]
pub(crate) struct Stream(Xoshiro256PlusPlus);

impl Stream {
    /// The stream for (seed, path, stream).
    pub(crate) fn new(seed: u64, path: u64, stream: u64) -> Self {
        Stream(Xoshiro256PlusPlus::from_seed(stream_seed(
            seed, path, stream,
        )))
    }

    /// A uniform number strictly inside (0, 1), with 53 random bits.
    #[inline]
    pub(crate) fn uniform(&mut self) -> f64 {
        ((self.0.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// Triangular inverse CDF of `r` at `u` in (0, 1).
#[inline]
pub(crate) fn triangular_inverse(r: &Range, u: f64) -> f64 {
    let (a, c, b) = (r.low, r.likely, r.high);
    let width = b - a;
    if width <= 0.0 {
        return a;
    }
    let fc = (c - a) / width;
    if u < fc {
        a + (u * width * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * width * (b - c)).sqrt()
    }
}

/// Standard normal inverse CDF (Acklam's rational approximation, relative
/// error below 1.2e-9), for `p` in (0, 1).
pub(crate) fn normal_inverse(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    const P_LOW: f64 = 0.02425;
    if p < P_LOW {
        let q = (-2.0 * libm::log(p)).sqrt();
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    } else if p <= 1.0 - P_LOW {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    } else {
        let q = (-2.0 * libm::log(1.0 - p)).sqrt();
        -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    }
}

/// A Weibull draw with the given mean and shape `k`, by inverse CDF from `u`:
/// scale = mean / Gamma(1 + 1/k), value = scale x (-ln u)^(1/k).
#[cfg(test)]
pub(crate) fn weibull_from_mean(mean: f64, shape: f64, u: f64) -> f64 {
    let scale = mean / libm::tgamma(1.0 + 1.0 / shape);
    let e = -libm::log(u);
    if shape == 1.0 {
        scale * e
    } else {
        scale * libm::pow(e, 1.0 / shape)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uniform_is_inside_open_interval_and_deterministic() {
        let mut a = Stream::new(1, 2, 3);
        let mut b = Stream::new(1, 2, 3);
        for _ in 0..1000 {
            let x = a.uniform();
            assert!(x > 0.0 && x < 1.0);
            assert_eq!(x.to_bits(), b.uniform().to_bits());
        }
        let mut c = Stream::new(1, 2, 4);
        assert_ne!(Stream::new(1, 2, 3).uniform(), c.uniform());
    }

    #[test]
    fn triangular_inverse_hits_ends_and_mode() {
        let r = Range::new(2.0, 3.0, 6.0);
        assert!((triangular_inverse(&r, 1e-12) - 2.0).abs() < 1e-5);
        assert!((triangular_inverse(&r, 1.0 - 1e-12) - 6.0).abs() < 1e-5);
        assert!((triangular_inverse(&r, 0.25) - 3.0).abs() < 1e-12);
        assert_eq!(triangular_inverse(&Range::fixed(7.0), 0.3), 7.0);
        // Mean by midpoint rule.
        let n = 100_000;
        let m: f64 = (0..n)
            .map(|i| triangular_inverse(&r, (i as f64 + 0.5) / n as f64))
            .sum::<f64>()
            / n as f64;
        assert!((m - r.mean()).abs() < 1e-3);
    }

    #[test]
    fn normal_inverse_known_points() {
        assert!(normal_inverse(0.5).abs() < 1e-12);
        assert!((normal_inverse(0.975) - 1.959_963_985).abs() < 1e-7);
        assert!((normal_inverse(0.001) + 3.090_232_306).abs() < 1e-7);
    }

    #[test]
    fn weibull_mean_matches() {
        for &k in &[0.7, 1.0, 2.0] {
            let n = 200_000;
            let m: f64 = (0..n)
                .map(|i| weibull_from_mean(30.0, k, (i as f64 + 0.5) / n as f64))
                .sum::<f64>()
                / n as f64;
            assert!((m - 30.0).abs() < 0.3, "k={k} mean={m}");
        }
    }
}
