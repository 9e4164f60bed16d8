//! The per-metric, per-month statistic: exact fixed-point moments plus a
//! [`QuantileSketch`].
//!
//! # Fixed point
//! Each finite value `v` is rounded once to `x = round_ties_even(v · 2^16)`
//! (saturating into `i64`), and the accumulator keeps `Σx` and `Σx²` as
//! `i128` with *wrapping* addition. Integer addition modulo 2^128 is
//! associative and commutative, so any chunking and merge order gives
//! bit-identical sums, and nothing can panic.
//!
//! The sums are the true (non-wrapped) values whenever
//! `n · (max|v| · 2^16 + 1)^2 < 2^126`, which [`Accumulator::sums_are_exact`]
//! checks from the exact count, min and max (so the check is itself
//! order-independent). That is `|v| ≤ 1.4e11` for 10^6 runs, `≤ 1.4e12` for
//! 10^4. Beyond it, `mean`/`std_dev` fall back to the sketch's bucket
//! representatives (relative error per value ≤ `RELATIVE_ERROR`).
//!
//! # Accuracy
//! Rounding to 2^-16 perturbs each value by at most 2^-17, so in the exact
//! regime `|mean − true mean| ≤ 2^-17 ≈ 7.6e-6` and
//! `|std_dev − true std_dev| ≤ 2^-17 · sqrt(n / (n − 1))` (absolute), plus
//! `f64` rounding of the final division. For money-scale metrics this is far
//! below a cent, and for shares in `[0, 1]` it is below a thousandth of a
//! percentage point.

use serde::{Deserialize, Serialize};

use super::exact_serde::i128_str;
use super::sketch::QuantileSketch;
use crate::sim::math::{ROUNDING_LIMIT, round_to_i64};
use crate::sim::rng::wide_mul;

/// Binary digits after the point in the fixed-point sums.
pub const FIXED_POINT_BITS: u32 = 16;
const SCALE: f64 = (1u64 << FIXED_POINT_BITS) as f64;

/// Fixed-point values below this (2^29, i.e. `v < 8192`) in blocks of at
/// most [`SMALL_BLOCK`] are summed in 64-bit words.
const SMALL_FIXED_POINT: f64 = 536_870_912.0;
const SMALL_BLOCK: usize = 64;

/// `2^126`: see [`Accumulator::sums_are_exact`].
const EXACT_LIMIT: f64 = 85_070_591_730_234_615_865_843_651_857_942_052_864.0;

/// Percentile bands of one metric in one month: the display form.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
    pub mean: f64,
}

/// Count, exact fixed-point sum and sum of squares, exact min/max and a
/// quantile sketch of one metric in one month. Mergeable bit-exactly.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Accumulator {
    /// `Σ round(v · 2^10)`, wrapping.
    #[serde(with = "i128_str")]
    sum: i128,
    /// `Σ round(v · 2^10)^2`, wrapping.
    #[serde(with = "i128_str")]
    sum_sq: i128,
    /// Also holds the count, rejected count and exact min/max.
    sketch: QuantileSketch,
}

/// `round_ties_even(v · 2^16)`; `as` saturates for huge `v`.
#[inline]
fn fixed_point(value: f64) -> i64 {
    (value * SCALE).round_ties_even() as i64
}

/// `x²`, exactly (`|x| ≤ 2^63`, so `x² ≤ 2^126`), from one 64×64→128-bit
/// product: WebAssembly has no 128-bit multiply, and an `i128` product
/// there is a call to `__multi3`; [`wide_mul`] builds it from 32-bit halves.
#[inline(always)]
#[allow(clippy::cast_possible_wrap)]
fn square(x: i64) -> i128 {
    let magnitude = x.unsigned_abs();
    let (low, high) = wide_mul(magnitude, magnitude);
    ((u128::from(high) << 64) | u128::from(low)) as i128
}

/// `value · times` modulo 2^128, as `value.wrapping_mul(i128::from(times))`
/// gives it, without a 128-bit product (see [`square`]).
#[inline(always)]
#[allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap, clippy::cast_sign_loss)]
fn times_count(value: i128, times: u64) -> i128 {
    if times == 1 {
        return value;
    }
    let bits = value as u128;
    let (low, carry) = wide_mul(bits as u64, times);
    let high = carry.wrapping_add(((bits >> 64) as u64).wrapping_mul(times));
    ((u128::from(high) << 64) | u128::from(low)) as i128
}

impl Accumulator {
    /// An empty accumulator.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records one value; non-finite values are only counted as rejected.
    #[inline]
    pub fn insert(&mut self, value: f64) {
        self.insert_repeated(value, 1);
    }

    /// Records `value` `times` times: the same state as that many
    /// [`Self::insert`]s, since wrapping sums and saturating counts add the
    /// same in one step as in many.
    #[inline]
    pub fn insert_repeated(&mut self, value: f64, times: u64) {
        // Zero (a role the structure lacks, a switch that is off) adds nothing
        // to the sums: skip the 128-bit products.
        if value.is_finite() && value != 0.0 {
            let x = fixed_point(value);
            self.sum = self.sum.wrapping_add(times_count(i128::from(x), times));
            // |x| ≤ 2^63, so x² ≤ 2^126 cannot overflow.
            self.sum_sq = self.sum_sq.wrapping_add(times_count(square(x), times));
        }
        self.sketch.insert_repeated(value, times);
    }

    /// Records every value of `values`, exactly as one [`Self::insert`] per
    /// value would. Many metrics hold one value across a block of runs (the
    /// headcount of a role the structure lacks, a switch that is off), and
    /// those cost one insert. Most others are finite and non-negative, and
    /// those update the count and extremes once per block instead of per value.
    #[inline(always)]
    pub fn insert_all(&mut self, values: &[f64]) {
        let Some(first) = values.first() else {
            return;
        };
        // Non-negative finite floats order like their bits, so one integer
        // pass finds whether the block varies and its extremes.
        let first_bits = first.to_bits();
        let (mut differs, mut low, mut high) = (0u64, u64::MAX, 0u64);
        for value in values {
            let bits = value.to_bits();
            differs |= bits ^ first_bits;
            low = low.min(bits);
            high = high.max(bits);
        }
        if differs == 0 {
            self.insert_repeated(*first, values.len() as u64);
        } else if high < f64::INFINITY.to_bits() {
            let (mut sum, mut sum_sq) = (0i128, 0i128);
            let largest = f64::from_bits(high) * SCALE;
            if largest < SMALL_FIXED_POINT && values.len() <= SMALL_BLOCK {
                // Counts and shares: every x < 2^29, so a block's sums fit
                // 64-bit words exactly (x² < 2^58, and at most 2^6 of them).
                let (mut small_sum, mut small_sum_sq) = (0u64, 0u64);
                for value in values {
                    #[allow(clippy::cast_sign_loss)] // non-negative here
                    let x = round_to_i64(*value * SCALE) as u64;
                    small_sum += x;
                    small_sum_sq += x * x;
                }
                sum = i128::from(small_sum);
                sum_sq = i128::from(small_sum_sq);
            } else if largest < ROUNDING_LIMIT {
                for value in values {
                    let x = round_to_i64(*value * SCALE);
                    sum = sum.wrapping_add(i128::from(x));
                    sum_sq = sum_sq.wrapping_add(square(x));
                }
            } else {
                for value in values {
                    let x = fixed_point(*value);
                    sum = sum.wrapping_add(i128::from(x));
                    sum_sq = sum_sq.wrapping_add(square(x));
                }
            }
            self.sum = self.sum.wrapping_add(sum);
            self.sum_sq = self.sum_sq.wrapping_add(sum_sq);
            self.sketch
                .insert_non_negative(values, f64::from_bits(low), f64::from_bits(high));
        } else {
            // a negative value, -0.0 or a non-finite one somewhere in the block
            for value in values {
                self.insert(*value);
            }
        }
    }

    /// Adds `other`'s values to `self`, exactly and order-independently.
    pub fn merge(&mut self, other: &Self) {
        self.sum = self.sum.wrapping_add(other.sum);
        self.sum_sq = self.sum_sq.wrapping_add(other.sum_sq);
        self.sketch.merge(&other.sketch);
    }

    /// Number of finite values recorded.
    pub fn count(&self) -> u64 {
        self.sketch.count()
    }

    /// Number of non-finite inputs ignored.
    pub fn rejected(&self) -> u64 {
        self.sketch.rejected()
    }

    /// Exact minimum, `None` if empty.
    pub fn min(&self) -> Option<f64> {
        self.sketch.min()
    }

    /// Exact maximum, `None` if empty.
    pub fn max(&self) -> Option<f64> {
        self.sketch.max()
    }

    /// The quantile sketch (for `cdf`, `count_below`, bucket access).
    pub fn sketch(&self) -> &QuantileSketch {
        &self.sketch
    }

    /// Whether the fixed-point sums are guaranteed not to have wrapped:
    /// `n · (max|v| · 2^16 + 1)^2 < 2^126` (bounds `|Σx|` and `Σx²` below
    /// 2^127 with a factor-2 margin for the `f64` evaluation). True if empty.
    pub fn sums_are_exact(&self) -> bool {
        let (Some(min), Some(max)) = (self.min(), self.max()) else {
            return true;
        };
        let bound = min.abs().max(max.abs()) * SCALE + 1.0;
        (self.count() as f64) * bound * bound < EXACT_LIMIT
    }

    /// Mean of the values (of their fixed-point roundings; see the module
    /// docs for the `2^-17` bound). `None` if empty.
    pub fn mean(&self) -> Option<f64> {
        let n = self.count();
        if n == 0 {
            return None;
        }
        if self.sums_are_exact() {
            Some(self.sum as f64 / n as f64 / SCALE)
        } else {
            Some(self.sketch_moments().0)
        }
    }

    /// Sample standard deviation (divisor `n − 1`). `None` if `n < 2`.
    pub fn std_dev(&self) -> Option<f64> {
        let n = self.count();
        if n < 2 {
            return None;
        }
        if !self.sums_are_exact() {
            return Some(self.sketch_moments().1);
        }
        // n·Σx² − (Σx)² could overflow i128, so split Σx = q·n + r:
        // Σx² − (Σx)²/n = (Σx² − q·Σx) − r·Σx/n. The first part is an exact
        // integer (|q·Σx| ≤ n·max|x|² < 2^126), the second is in [0, |Σx|),
        // so no cancellation of large floats occurs.
        let n_int = i128::from(n);
        let (q, r) = (self.sum / n_int, self.sum % n_int);
        let integer_part = self.sum_sq.wrapping_sub(q.wrapping_mul(self.sum));
        let fraction = self.sum as f64 * r as f64 / n as f64;
        let centred = (integer_part as f64 - fraction).max(0.0);
        Some((centred / (n - 1) as f64).sqrt() / SCALE)
    }

    /// Standard error of the mean, `std_dev / sqrt(n)`. `None` if `n < 2`.
    pub fn std_error(&self) -> Option<f64> {
        Some(self.std_dev()? / (self.count() as f64).sqrt())
    }

    /// Quantile estimate; see [`QuantileSketch::quantile`].
    pub fn quantile(&self, q: f64) -> Option<f64> {
        self.sketch.quantile(q)
    }

    /// P5 … P95 and the mean, `None` if empty.
    pub fn bands(&self) -> Option<Bands> {
        let q = |p| self.quantile(p);
        Some(Bands {
            p5: q(0.05)?,
            p10: q(0.10)?,
            p25: q(0.25)?,
            p50: q(0.50)?,
            p75: q(0.75)?,
            p90: q(0.90)?,
            p95: q(0.95)?,
            mean: self.mean()?,
        })
    }

    /// Fallback `(mean, sample std dev)` from bucket representatives, used
    /// only when the fixed-point sums may have wrapped (so `|v|` is huge):
    /// computed relative to `max|v|` so that it cannot overflow. Each
    /// representative is within `RELATIVE_ERROR` of its value, so the mean is
    /// within `RELATIVE_ERROR · mean(|v|)`. Requires `n ≥ 1`.
    fn sketch_moments(&self) -> (f64, f64) {
        let n = self.count() as f64;
        let (min, max) = (self.min().unwrap_or(0.0), self.max().unwrap_or(0.0));
        let scale = min.abs().max(max.abs());
        if scale == 0.0 {
            return (0.0, 0.0);
        }
        let buckets = || self.sketch.buckets().map(|(v, c)| (v / scale, c as f64));
        let mean = buckets().map(|(v, c)| v * c).sum::<f64>() / n;
        let squares: f64 = buckets().map(|(v, c)| (v - mean) * (v - mean) * c).sum();
        let std_dev = if n > 1.0 { (squares / (n - 1.0)).sqrt() } else { 0.0 };
        (mean * scale, std_dev * scale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_block_inserts_equal_one_insert_at_a_time() {
        let blocks: [&[f64]; 15] = [
            &[3.25; 64],
            &[0.0; 7],
            &[-2.5, -2.5, -2.5],
            &[f64::NAN, f64::NAN],
            &[1.0, 2.0, 1.0, -0.0, 0.0, 1e15, f64::INFINITY],
            &[1e300; 5],
            // non-negative blocks that widen the store downwards and upwards
            &[7.5, 0.001, 7.5, 1e9, 42.0],
            &[3.0, 1e-12, 0.0, 5e-10, 1e12, 3.0],
            &[2.0, f64::MAX, 1e-9],
            &[0.25, 0.5],
            // fixed-point ties, both sides of the 64-bit sums' limit (8192) and
            // of the shortcut rounding's (2^35)
            &[2.5 / 65_536.0, 3.5 / 65_536.0, 1.0],
            &[8191.99, 8191.99, 17.0, 0.125],
            &[8192.0, 1.0],
            &[3.0e10, 1.0, 3.4e10],
            &[3.5e10, 2.0],
        ];
        let mut one_by_one = Accumulator::new();
        let mut by_block = Accumulator::new();
        for block in blocks {
            for value in block {
                one_by_one.insert(*value);
            }
            by_block.insert_all(block);
        }
        assert_eq!(by_block, one_by_one);
        let mut repeated = Accumulator::new();
        repeated.insert_repeated(-7.125, 1000);
        let mut single = Accumulator::new();
        (0..1000).for_each(|_| single.insert(-7.125));
        assert_eq!(repeated, single);
        assert_eq!(repeated.count(), 1000);
    }

    /// The 64-bit forms of the sums' products equal the 128-bit ones.
    #[test]
    fn squares_and_repeats_equal_128_bit_products() {
        let mut rng = crate::sim::rng::seeded(17);
        let edges = [
            0,
            1,
            -1,
            i64::MAX,
            i64::MIN,
            i64::MIN + 1,
            1 << 32,
            -(1 << 32),
            0xFFFF_FFFF,
        ];
        let random: Vec<i64> = (0..50_000)
            .map(|i| (rand::Rng::next_u64(&mut rng) as i64) >> (i % 64))
            .collect();
        for x in edges.into_iter().chain(random) {
            let wide = i128::from(x);
            assert_eq!(square(x), wide * wide, "{x}");
            for times in [0, 1, 2, 3, 1000, u64::MAX, rand::Rng::next_u64(&mut rng)] {
                let times_wide = i128::from(times);
                assert_eq!(times_count(wide, times), wide.wrapping_mul(times_wide), "{x} × {times}");
                assert_eq!(
                    times_count(square(x), times),
                    (wide * wide).wrapping_mul(times_wide),
                    "{x}² × {times}"
                );
            }
        }
    }

    #[test]
    fn empty_accumulator() {
        let a = Accumulator::new();
        assert_eq!(a.count(), 0);
        assert_eq!(a.mean(), None);
        assert_eq!(a.std_dev(), None);
        assert_eq!(a.std_error(), None);
        assert_eq!(a.bands(), None);
        assert!(a.sums_are_exact());
    }

    #[test]
    fn single_value() {
        let mut a = Accumulator::new();
        a.insert(-2.5);
        assert_eq!(a.mean(), Some(-2.5));
        assert_eq!(a.std_dev(), None);
        let b = a.bands().unwrap();
        assert_eq!((b.p5, b.p50, b.p95, b.mean), (-2.5, -2.5, -2.5, -2.5));
    }

    #[test]
    fn small_exact_moments() {
        let mut a = Accumulator::new();
        for v in [1.0, 2.0, 3.0, 4.0] {
            a.insert(v);
        }
        assert_eq!(a.mean(), Some(2.5));
        // Sample variance of 1..4 is 5/3.
        assert!((a.std_dev().unwrap() - (5.0f64 / 3.0).sqrt()).abs() < 1e-15);
        assert!((a.std_error().unwrap() - (5.0f64 / 12.0).sqrt()).abs() < 1e-15);
    }

    #[test]
    fn constant_has_zero_spread() {
        let mut a = Accumulator::new();
        for _ in 0..1000 {
            a.insert(123_456.789);
        }
        assert_eq!(a.std_dev(), Some(0.0));
        assert_eq!(a.quantile(0.5), Some(123_456.789));
    }

    #[test]
    fn non_finite_values_do_not_touch_the_sums() {
        let mut a = Accumulator::new();
        a.insert(1.0);
        a.insert(f64::NAN);
        a.insert(f64::NEG_INFINITY);
        a.insert(3.0);
        assert_eq!((a.count(), a.rejected()), (2, 2));
        assert_eq!(a.mean(), Some(2.0));
    }

    #[test]
    fn huge_values_never_panic_and_fall_back_to_the_sketch() {
        let mut a = Accumulator::new();
        for v in [f64::MAX, 1e300, -1e300, 4e300] {
            a.insert(v);
        }
        assert!(!a.sums_are_exact());
        let mut b = Accumulator::new();
        b.merge(&a);
        b.merge(&a);
        let mean = b.mean().unwrap();
        assert!(mean.is_finite() && mean > 0.0);
        let exact_mean = f64::MAX / 4.0 + 1e300;
        assert!((mean - exact_mean).abs() <= 2.0 * crate::sim::stats::RELATIVE_ERROR * exact_mean);
        assert!(b.std_dev().unwrap().is_finite());
    }

    #[test]
    fn exactness_limit_matches_the_documented_range() {
        let mut ok = Accumulator::new();
        let mut too_big = Accumulator::new();
        for _ in 0..1000 {
            ok.insert(1e12);
            too_big.insert(1e12);
        }
        too_big.insert(1e20);
        assert!(ok.sums_are_exact());
        assert!(!too_big.sums_are_exact());
        assert_eq!(ok.mean(), Some(1e12));
        assert_eq!(ok.std_dev(), Some(0.0));
    }
}
