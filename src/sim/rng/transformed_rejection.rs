//! Exact binomial and Poisson samplers for large expected counts: Hörmann's
//! transformed rejection with squeeze (W. Hörmann, "The generation of
//! binomial random variates", J. Statist. Comput. Simul. 46, 1993, algorithm
//! BTRS; "The transformed rejection method for generating Poisson random
//! variables", Insurance: Mathematics and Economics 12, 1993, algorithm PTRS).
//!
//! Both draw a candidate from a transformed uniform that hugs the target
//! distribution and accept it outright about 86% of the time with two
//! uniforms and no logarithm; only the remaining candidates pay for the exact
//! acceptance test (a few `ln`). Set-up is a square root and a few divisions,
//! so unlike BTPE they stay cheap when the parameters change every call, as
//! they do here (every month's counts are new).

use rand::RngExt;

use super::SimRng;

/// `ln(k!) − ((k + ½)·ln(k + 1) − (k + 1) + ½·ln(2π))`, the error of
/// Stirling's formula, for k = 0..9; larger k use its asymptotic series.
const STIRLING_TAIL: [f64; 10] = [
    0.081_061_466_795_327_33,
    0.041_340_695_955_409_46,
    0.027_677_925_684_997_717,
    0.020_790_672_103_765_84,
    0.016_644_691_189_820_815,
    0.013_876_128_823_072_431,
    0.011_896_709_945_892_87,
    0.010_411_265_261_973_224,
    0.009_255_462_182_709_007,
    0.008_330_563_433_359_028,
];

/// Candidates this close to the mode are tested by a product instead of logarithms.
const RECURSION_REACH: f64 = 15.0;

const HALF_LN_TWO_PI: f64 = 0.918_938_533_204_672_8;

fn stirling_tail(k: f64) -> f64 {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    if k < 10.0 {
        return STIRLING_TAIL[k.max(0.0) as usize];
    }
    let next = k + 1.0;
    let inverse_square = 1.0 / (next * next);
    (1.0 / 12.0 - (1.0 / 360.0 - inverse_square / 1260.0) * inverse_square) / next
}

/// `ln(k!)` for whole `k ≥ 0`.
fn ln_factorial(k: f64) -> f64 {
    (k + 0.5) * (k + 1.0).ln() - (k + 1.0) + HALF_LN_TWO_PI + stirling_tail(k)
}

/// Binomial(n, p) by BTRS; requires `p ≤ ½` and `n·p ≥ 10`.
pub(super) fn binomial_btrs(rng: &mut SimRng, n: u64, p: f64) -> u64 {
    let trials = n as f64;
    let q = 1.0 - p;
    let spread = (trials * p * q).sqrt();
    let b = 1.15 + 2.53 * spread;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = trials * p + 0.5;
    let v_r = 0.92 - 4.2 / b;
    loop {
        let u = rng.random::<f64>() - 0.5;
        let v: f64 = rng.random();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + c).floor();
        if us >= 0.07 && v <= v_r {
            return whole(k);
        }
        if k < 0.0 || k > trials {
            continue;
        }
        // The exact test: the density ratio f(k)/f(mode) against the hat.
        let alpha = (2.83 + 5.1 / b) * spread;
        let r = p / q;
        let m = ((trials + 1.0) * p).floor();
        let v = v * alpha / (a / (us * us) + b);
        if (k - m).abs() <= RECURSION_REACH {
            // Near the mode the ratio is a short product, f(i)/f(i−1) =
            // r·(n + 1 − i)/i (BTRD's step 3.1); numerators and denominators
            // are multiplied separately, so the test needs no logarithm and
            // no division.
            let (mut numerator, mut denominator) = (1.0, 1.0);
            let mut i = m.min(k) + 1.0;
            while i <= m.max(k) {
                numerator *= r * (trials + 1.0 - i);
                denominator *= i;
                i += 1.0;
            }
            // k above the mode: accept when v ≤ num/den; below it, when v ≤ den/num
            let accepted = if k > m {
                v * denominator <= numerator
            } else {
                v * numerator <= denominator
            };
            if accepted {
                return whole(k);
            }
            continue;
        }
        if far_candidate_accepted(v, k, m, trials, r) {
            return whole(k);
        }
    }
}

/// BTRS's exact test by logarithms for a candidate far from the mode. Out of
/// line and cold so that the compiler does not hoist its logarithms into
/// every call's set-up.
#[cold]
#[inline(never)]
fn far_candidate_accepted(v: f64, k: f64, m: f64, trials: f64, r: f64) -> bool {
    let bound = (m + 0.5) * ((m + 1.0) / (r * (trials - m + 1.0))).ln()
        + (trials + 1.0) * ((trials - m + 1.0) / (trials - k + 1.0)).ln()
        + (k + 0.5) * (r * (trials - k + 1.0) / (k + 1.0)).ln()
        + stirling_tail(m)
        + stirling_tail(trials - m)
        - stirling_tail(k)
        - stirling_tail(trials - k);
    v.ln() <= bound
}

/// Poisson(mean) by PTRS; requires `mean ≥ 10`.
pub(super) fn poisson_ptrs(rng: &mut SimRng, mean: f64) -> u64 {
    let spread = mean.sqrt();
    let b = 0.931 + 2.53 * spread;
    let a = -0.059 + 0.024_83 * b;
    let v_r = 0.9277 - 3.6224 / (b - 2.0);
    loop {
        let u = rng.random::<f64>() - 0.5;
        let v: f64 = rng.random();
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + mean + 0.43).floor();
        if us >= 0.07 && v <= v_r {
            return whole(k);
        }
        if k < 0.0 || (us < 0.013 && v > us) {
            continue;
        }
        let inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
        if poisson_candidate_accepted(v * inverse_alpha / (a / (us * us) + b), k, mean) {
            return whole(k);
        }
    }
}

/// PTRS's exact test, `ln(v) ≤ ln f(k)`; out of line for the reason given at
/// [`far_candidate_accepted`].
#[cold]
#[inline(never)]
fn poisson_candidate_accepted(v: f64, k: f64, mean: f64) -> bool {
    v.ln() <= -mean + k * mean.ln() - ln_factorial(k)
}

/// A candidate as a count; through `i64`, one instruction where `u64` takes several.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn whole(k: f64) -> u64 {
    (k.max(0.0) as i64) as u64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::rng::seeded;

    #[test]
    fn stirling_tail_table_matches_log_factorials_and_joins_the_series() {
        let mut ln_fact = 0.0;
        for k in 0..10u32 {
            if k > 0 {
                ln_fact += f64::from(k).ln();
            }
            let k = f64::from(k);
            let direct = ln_fact - ((k + 0.5) * (k + 1.0).ln() - (k + 1.0) + HALF_LN_TWO_PI);
            assert!((stirling_tail(k) - direct).abs() < 1e-13, "k = {k}");
        }
        // the series at 10 continues the table smoothly (it is accurate to ~1e-10 there)
        let series_at_9 = {
            let next = 10.0_f64;
            (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / (1260.0 * next * next)) / (next * next)) / next
        };
        assert!((series_at_9 - STIRLING_TAIL[9]).abs() < 1e-9);
    }

    /// Pearson's χ² of `draws` samples against the exact probabilities `pmf`
    /// (cells with an expected count below 5 pooled into their neighbours),
    /// and its degrees of freedom.
    fn chi_square(samples: &[u64], pmf: &[f64]) -> (f64, f64) {
        let draws = samples.len() as f64;
        let mut observed = vec![0.0; pmf.len()];
        for &k in samples {
            assert!((k as usize) < pmf.len(), "sample {k} outside the support");
            observed[k as usize] += 1.0;
        }
        let (mut statistic, mut cells) = (0.0, 0.0);
        let (mut pooled_observed, mut pooled_expected) = (0.0, 0.0);
        for (o, p) in observed.iter().zip(pmf) {
            pooled_observed += o;
            pooled_expected += p * draws;
            if pooled_expected >= 5.0 {
                statistic += (pooled_observed - pooled_expected).powi(2) / pooled_expected;
                cells += 1.0;
                pooled_observed = 0.0;
                pooled_expected = 0.0;
            }
        }
        statistic += (pooled_observed - pooled_expected).powi(2) / pooled_expected.max(1e-300);
        (statistic, cells)
    }

    /// χ² has mean dof and standard deviation √(2·dof); allow 5 of them.
    fn assert_fits(label: &str, statistic: f64, dof: f64) {
        let limit = dof + 5.0 * (2.0 * dof).sqrt();
        assert!(
            statistic < limit,
            "{label}: χ² {statistic:.1} with {dof} dof (limit {limit:.1})"
        );
    }

    #[test]
    fn btrs_draws_follow_the_exact_binomial_distribution() {
        let mut rng = seeded(21);
        for (n, p) in [(25u64, 0.45), (60, 0.35), (300, 0.2), (5_000, 0.01), (100_000, 0.3)] {
            let samples: Vec<u64> = (0..200_000).map(|_| binomial_btrs(&mut rng, n, p)).collect();
            let ln_pmf = |k: u64| {
                let (n, k) = (n as f64, k as f64);
                ln_factorial(n) - ln_factorial(k) - ln_factorial(n - k) + k * p.ln() + (n - k) * (1.0 - p).ln()
            };
            let pmf: Vec<f64> = (0..=n).map(|k| ln_pmf(k).exp()).collect();
            let (statistic, cells) = chi_square(&samples, &pmf);
            assert_fits(&format!("binomial({n}, {p})"), statistic, cells - 1.0);
        }
    }

    #[test]
    fn ptrs_draws_follow_the_exact_poisson_distribution() {
        let mut rng = seeded(22);
        for mean in [10.0, 17.5, 60.0, 300.0, 40_000.0] {
            let samples: Vec<u64> = (0..200_000).map(|_| poisson_ptrs(&mut rng, mean)).collect();
            let top = samples.iter().max().copied().unwrap_or(0) as usize + 1;
            #[allow(clippy::cast_precision_loss)]
            let pmf: Vec<f64> = (0..top.max(1))
                .map(|k| (-mean + k as f64 * f64::ln(mean) - ln_factorial(k as f64)).exp())
                .collect();
            let (statistic, cells) = chi_square(&samples, &pmf);
            assert_fits(&format!("poisson({mean})"), statistic, cells - 1.0);
        }
    }
}
