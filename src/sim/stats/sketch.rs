//! A mergeable, log-linear quantile sketch (in the family of HDR histograms and
//! DDSketch) whose buckets come straight from the bits of an `f64`.
//!
//! # Buckets
//! A positive finite `f64` is `2^e · (1 + m / 2^52)`. Its bucket key is the bit
//! pattern shifted right by `52 - MANTISSA_BITS`, so that the 11 exponent bits
//! and the top [`MANTISSA_BITS`] = 7 mantissa bits remain: each binade
//! `[2^e, 2^(e+1))` is cut into 128 equal buckets of width `2^e / 128`. For
//! non-negative floats the bit pattern is monotone in the value, so the key is
//! too; computing it is a mask and a shift (no `ln()`).
//!
//! * Negative values go to a mirrored store keyed by `|v|`.
//! * Values with `|v| <` [`ZERO_THRESHOLD`] (`1e-9`, which also keeps
//!   subnormals out of the stores) are counted in a single zero bucket
//!   represented by `0.0`.
//! * Non-finite inputs (NaN, ±inf) are never stored: they increment a separate
//!   `rejected` counter and are otherwise ignored (they are not in `count()`).
//! * `-0.0` is normalised to `+0.0`, so min/max and the serialized form do not
//!   depend on insertion order.
//!
//! # Error bound
//! A bucket is `[L, L + 2^e/128)` with `L ≥ 2^e`; its midpoint `M` is within
//! `2^e/256 ≤ L/256 ≤ |x|/256` of every `x` in it, so the estimate is within
//! [`RELATIVE_ERROR`] `= 2^-8` of the exact value, with equality possible only
//! when `x` is exactly a power of two (the lower edge of the first bucket of a
//! binade). The midpoint is an exact bit pattern and clamping to the exact
//! min/max only moves it towards `x`, so the bound holds in floating point as
//! stated. Values in the zero bucket come back as `0.0` (clamped to min/max):
//! absolute error `< ZERO_THRESHOLD`.
//!
//! # Memory
//! Each store is a dense array of counts (two bytes each until one passes
//! 65,535, see `BucketCounts`) covering exactly the keys between the
//! smallest and largest seen, i.e. at most `128 · (log2(max|v| / min|v|) + 1)`
//! slots per sign, whatever the number of inserts. The store is canonical (its
//! extent depends only on the set of keys seen), so merged sketches compare
//! equal with `==` regardless of chunking and merge order.

use serde::{Deserialize, Serialize};

use super::counts::BucketCounts;
use super::exact_serde::f64_str;

/// Mantissa bits kept in a bucket key: 2^7 = 128 buckets per factor of two.
pub const MANTISSA_BITS: u32 = 7;

/// Bound on `|estimate − exact| / |exact|` of [`QuantileSketch::quantile`] for
/// values outside the zero bucket: half a bucket width over the bucket's lower
/// edge, `2^-(MANTISSA_BITS + 1)`. It is attained (with `≤`) only at exact
/// powers of two.
pub const RELATIVE_ERROR: f64 = 1.0 / 256.0;

/// Values with `|v|` below this go to the zero bucket and are reported as
/// `0.0` (so their absolute error is below this threshold).
pub const ZERO_THRESHOLD: f64 = 1e-9;

const SHIFT: u32 = 52 - MANTISSA_BITS;
const SIGN_BIT: u64 = 1 << 63;
const INF_BITS: u64 = f64::INFINITY.to_bits();
const ZERO_THRESHOLD_BITS: u64 = ZERO_THRESHOLD.to_bits();

/// Bucket key from the bits of `|v|` (sign bit clear, `|v| >= ZERO_THRESHOLD`).
#[inline]
fn key_of_abs_bits(abs_bits: u64) -> u32 {
    // The result is below 2^(63 - SHIFT) = 2^18, so the cast is lossless.
    (abs_bits >> SHIFT) as u32
}

/// Exact midpoint of the bucket `key`: same exponent, one more mantissa bit.
#[inline]
fn bucket_midpoint(key: u32) -> f64 {
    f64::from_bits((u64::from(key) << SHIFT) | (1 << (SHIFT - 1)))
}

/// Lower edge of the bucket `key` (of `|v|`), exactly.
#[inline]
fn bucket_lower(key: u32) -> f64 {
    f64::from_bits(u64::from(key) << SHIFT)
}

/// Exclusive upper edge of the bucket `key`: the next bucket's lower edge
/// (`+inf` above the largest finite bucket).
#[inline]
fn bucket_upper(key: u32) -> f64 {
    bucket_lower(key + 1)
}

/// Count spread uniformly over `[low, high]` (a point mass when
/// `low == high`): how much of it lies below `x`.
#[inline]
fn spread_below(low: f64, high: f64, count: f64, x: f64) -> f64 {
    if x <= low {
        0.0
    } else if x >= high {
        count
    } else {
        count * (x - low) / (high - low)
    }
}

/// The rank rule used by [`QuantileSketch::quantile`]: the `q`-quantile of `n`
/// values is the `r`-th smallest (1-based) with `r = max(1, ceil(q · n))`,
/// computed in `f64`. `None` if `n == 0` or `q` is not in `[0, 1]`. Exposed so
/// that exact reference quantiles can use the identical rule.
pub fn quantile_rank(q: f64, n: u64) -> Option<u64> {
    if n == 0 || !(0.0..=1.0).contains(&q) {
        return None;
    }
    // `as` saturates, and q ≤ 1 keeps the product ≤ n anyway.
    let r = (q * n as f64).ceil() as u64;
    Some(r.clamp(1, n))
}

/// Dense bucket counts for keys `offset .. offset + counts.len()`.
///
/// Invariant (kept by `add` and `merge`): empty, or the first and last slots
/// are keys actually seen. Counts take two bytes until one passes 65,535 (see
/// [`BucketCounts`]) and saturate at `u32::MAX` (4.3e9 values in one bucket,
/// far beyond a simulation's run count); saturating addition of non-negative
/// numbers is still associative, so merges stay order-independent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Store {
    offset: u32,
    counts: BucketCounts,
}

impl Store {
    #[inline]
    fn add(&mut self, key: u32, times: u32) {
        // Keys below `offset` wrap to huge indices and take the slow path too.
        let index = key.wrapping_sub(self.offset) as usize;
        if !self.counts.add(index, times) {
            self.add_outside(key, times);
        }
    }

    /// Extends the store to cover `key` (exactly: no slack slots, so the extent
    /// stays canonical) and counts it.
    #[cold]
    #[inline(never)]
    fn add_outside(&mut self, key: u32, times: u32) {
        self.cover(key, key);
        self.counts.add((key - self.offset) as usize, times);
    }

    /// Whether the keys `low..=high` (`low <= high`) all have slots.
    #[inline]
    fn covers(&self, low: u32, high: u32) -> bool {
        low >= self.offset && ((high - self.offset) as usize) < self.counts.len()
    }

    /// Grows the store so that it covers the keys `low..=high`.
    #[inline(never)]
    fn cover(&mut self, low: u32, high: u32) {
        if self.counts.is_empty() {
            self.offset = low;
            self.counts = BucketCounts::zeros((high - low) as usize + 1);
            return;
        }
        if low < self.offset {
            self.counts.prepend_zeros((self.offset - low) as usize);
            self.offset = low;
        }
        self.counts.extend_to((high - self.offset) as usize + 1);
    }

    fn merge(&mut self, other: &Store) {
        let Some(other_last) = other.counts.len().checked_sub(1) else {
            return;
        };
        let other_high = other.offset.saturating_add(other_last as u32);
        self.cover(other.offset, other_high);
        self.counts
            .add_all((other.offset - self.offset) as usize, &other.counts);
    }

    fn key(&self, index: usize) -> u32 {
        self.offset.wrapping_add(index as u32)
    }
}

/// Mergeable quantile sketch with relative error [`RELATIVE_ERROR`]; see the
/// module documentation for the bucket layout, bound and memory use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantileSketch {
    /// Finite values inserted (zero bucket included, rejected excluded).
    count: u64,
    /// Values with `|v| < ZERO_THRESHOLD`.
    zero: u64,
    /// Non-finite inputs, ignored.
    rejected: u64,
    /// Exact smallest finite value (`+inf` when empty).
    #[serde(with = "f64_str")]
    min: f64,
    /// Exact largest finite value (`-inf` when empty).
    #[serde(with = "f64_str")]
    max: f64,
    positive: Store,
    /// Keyed by `|v|`: a higher key is a more negative value.
    negative: Store,
}

impl Default for QuantileSketch {
    fn default() -> Self {
        Self::new()
    }
}

impl QuantileSketch {
    /// An empty sketch (no allocation until the first non-zero value).
    pub fn new() -> Self {
        Self {
            count: 0,
            zero: 0,
            rejected: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            positive: Store::default(),
            negative: Store::default(),
        }
    }

    /// Records one value. NaN and ±inf are counted in [`Self::rejected`] and
    /// otherwise ignored; this never panics.
    #[inline]
    pub fn insert(&mut self, value: f64) {
        self.insert_repeated(value, 1);
    }

    /// Records `value` `times` times, exactly as that many [`Self::insert`]s
    /// would (saturating counts add the same either way).
    #[inline]
    pub fn insert_repeated(&mut self, value: f64, times: u64) {
        let bits = value.to_bits();
        let abs_bits = bits & !SIGN_BIT;
        if abs_bits >= INF_BITS {
            self.rejected = self.rejected.saturating_add(times);
            return;
        }
        if times == 0 {
            return;
        }
        // -0.0 + 0.0 == +0.0: keeps min/max (and their serialized form) canonical.
        let value = value + 0.0;
        self.count = self.count.saturating_add(times);
        if value < self.min {
            self.min = value;
        }
        if value > self.max {
            self.max = value;
        }
        if abs_bits < ZERO_THRESHOLD_BITS {
            self.zero = self.zero.saturating_add(times);
        } else {
            let key = key_of_abs_bits(abs_bits);
            let times = u32::try_from(times).unwrap_or(u32::MAX);
            if bits & SIGN_BIT == 0 {
                self.positive.add(key, times);
            } else {
                self.negative.add(key, times);
            }
        }
    }

    /// Records `values`, all finite and `>= +0.0` (not `-0.0`), whose
    /// smallest and largest are `low` and `high`: the same state as one
    /// [`Self::insert`] per value.
    #[inline(always)]
    pub(crate) fn insert_non_negative(&mut self, values: &[f64], low: f64, high: f64) {
        debug_assert!(low.to_bits() <= high.to_bits() && high.to_bits() < INF_BITS);
        self.count = self.count.saturating_add(values.len() as u64);
        if low < self.min {
            self.min = low;
        }
        if high > self.max {
            self.max = high;
        }
        let (low_bits, high_bits) = (low.to_bits(), high.to_bits());
        if low_bits >= ZERO_THRESHOLD_BITS {
            // `low` and `high` are keys of values in this block, so covering
            // exactly their range keeps the store canonical.
            let (low_key, high_key) = (key_of_abs_bits(low_bits), key_of_abs_bits(high_bits));
            if !self.positive.covers(low_key, high_key) {
                self.positive.cover(low_key, high_key);
            }
            let offset = self.positive.offset;
            self.positive.counts.increment_each(
                values
                    .iter()
                    .map(|value| (key_of_abs_bits(value.to_bits()) - offset) as usize),
            );
        } else {
            for value in values {
                let bits = value.to_bits();
                if bits < ZERO_THRESHOLD_BITS {
                    self.zero = self.zero.saturating_add(1);
                } else {
                    self.positive.add(key_of_abs_bits(bits), 1);
                }
            }
        }
    }

    /// Adds `other`'s values to `self`. Exact and order-independent: any
    /// chunking of the same values merged in any order gives an `==` sketch.
    pub fn merge(&mut self, other: &Self) {
        self.count = self.count.saturating_add(other.count);
        self.zero = self.zero.saturating_add(other.zero);
        self.rejected = self.rejected.saturating_add(other.rejected);
        if other.min < self.min {
            self.min = other.min;
        }
        if other.max > self.max {
            self.max = other.max;
        }
        self.positive.merge(&other.positive);
        self.negative.merge(&other.negative);
    }

    /// Number of finite values inserted.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Number of non-finite inputs that were ignored.
    pub fn rejected(&self) -> u64 {
        self.rejected
    }

    /// Exact smallest value, `None` if empty.
    pub fn min(&self) -> Option<f64> {
        (self.count > 0).then_some(self.min)
    }

    /// Exact largest value, `None` if empty.
    pub fn max(&self) -> Option<f64> {
        (self.count > 0).then_some(self.max)
    }

    /// Number of dense bucket slots held (both signs): the sketch's memory is
    /// 2 bytes times this (4 once a bucket passes 65,535 values), independent
    /// of the number of inserts.
    pub fn stored_buckets(&self) -> usize {
        self.positive.counts.len() + self.negative.counts.len()
    }

    /// Estimate of the `q`-quantile: the representative of the bucket holding
    /// the `r`-th smallest value, `r` = [`quantile_rank`]`(q, count)`. The
    /// representative is the bucket midpoint (`0.0` for the zero bucket)
    /// clamped to the exact min/max, so
    /// `|estimate − exact| ≤ RELATIVE_ERROR · |exact|`, or `< ZERO_THRESHOLD`
    /// when the exact value is in the zero bucket. Ranks 1 and `count` (e.g.
    /// `q = 0` and `q = 1`) return the exact min and max. `None` if empty or `q` is outside `[0, 1]` (or NaN).
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let rank = quantile_rank(q, self.count)?;
        // The extreme ranks are known exactly.
        if rank == 1 {
            return Some(self.min);
        }
        if rank == self.count {
            return Some(self.max);
        }
        let mut seen = 0u64;
        for (index, c) in self.negative.counts.iter().enumerate().rev() {
            seen += u64::from(c);
            if seen >= rank {
                return Some(self.clamp(-bucket_midpoint(self.negative.key(index))));
            }
        }
        seen += self.zero;
        if seen >= rank {
            return Some(self.clamp(0.0));
        }
        for (index, c) in self.positive.counts.iter().enumerate() {
            seen += u64::from(c);
            if seen >= rank {
                return Some(self.clamp(bucket_midpoint(self.positive.key(index))));
            }
        }
        // Only reachable if a bucket count saturated.
        Some(self.max)
    }

    /// Non-empty buckets in ascending order of value, as
    /// `(representative, count)`; the representative is the one
    /// [`Self::quantile`] reports (midpoint or `0.0`, clamped to min/max).
    pub fn buckets(&self) -> impl Iterator<Item = (f64, u64)> + '_ {
        let negative = self
            .negative
            .counts
            .iter()
            .enumerate()
            .rev()
            .map(|(i, c)| (-bucket_midpoint(self.negative.key(i)), u64::from(c)));
        let zero = std::iter::once((0.0, self.zero));
        let positive = self
            .positive
            .counts
            .iter()
            .enumerate()
            .map(|(i, c)| (bucket_midpoint(self.positive.key(i)), u64::from(c)));
        negative
            .chain(zero)
            .chain(positive)
            .filter(|&(_, c)| c > 0)
            .map(|(v, c)| (self.clamp(v), c))
    }

    /// Estimated number of values `< x`: buckets whose representative is below
    /// `x`. Off by at most the count of the one bucket containing `x`; exact
    /// for `x = 0` (every negative value is `≤ -ZERO_THRESHOLD`), which gives
    /// e.g. the probability of a loss.
    pub fn count_below(&self, x: f64) -> u64 {
        self.buckets().take_while(|&(v, _)| v < x).map(|(_, c)| c).sum()
    }

    /// Estimated number of values `< x`, with each bucket's count spread
    /// uniformly over the bucket's width (clipped to the exact min/max) and
    /// the zero bucket a point mass at `0.0` (clamped likewise).
    ///
    /// Unlike [`Self::count_below`], which steps a whole bucket at a time,
    /// this is continuous and non-decreasing in `x`, so counts between two
    /// close edges (histogram bins as narrow as a bucket) are never an
    /// artefact of the bucket grid. It is off by at most the count of the
    /// bucket containing `x`, is `0` at or below the min, `count()` above the
    /// max (bucket counts saturate at `u32::MAX`, far beyond a run count) and
    /// exact at `x = 0`. NaN gives NaN.
    pub fn count_below_interpolated(&self, x: f64) -> f64 {
        if x.is_nan() {
            return f64::NAN;
        }
        let mut below = 0.0;
        for (low, high, count) in self.spans() {
            if x <= low {
                break;
            }
            below += spread_below(low, high, count as f64, x);
        }
        below
    }

    /// Non-empty buckets in ascending order of value as
    /// `(low, high, count)`: the interval the bucket's values lie in, clipped
    /// to the exact min/max (`low == high` for the zero bucket and for a
    /// bucket holding a single distinct value at min and max).
    fn spans(&self) -> impl Iterator<Item = (f64, f64, u64)> + '_ {
        // A negative key covers |v| in [lower, upper), i.e. v in (−upper, −lower].
        let negative = self.negative.counts.iter().enumerate().rev().map(|(i, c)| {
            let key = self.negative.key(i);
            (-bucket_upper(key), -bucket_lower(key), u64::from(c))
        });
        let zero = std::iter::once((0.0, 0.0, self.zero));
        let positive = self.positive.counts.iter().enumerate().map(|(i, c)| {
            let key = self.positive.key(i);
            (bucket_lower(key), bucket_upper(key), u64::from(c))
        });
        negative
            .chain(zero)
            .chain(positive)
            .filter(|&(_, _, c)| c > 0)
            .map(|(low, high, c)| (self.clamp(low), self.clamp(high), c))
    }

    /// Width of the sketch bucket that `value` falls in: `2^e / 128` for
    /// `|value|` in `[2^e, 2^(e+1))`, `0.0` in the zero bucket (a point).
    /// Non-finite values give NaN.
    pub fn bucket_width(value: f64) -> f64 {
        let abs_bits = value.to_bits() & !SIGN_BIT;
        if abs_bits >= INF_BITS {
            return f64::NAN;
        }
        if abs_bits < ZERO_THRESHOLD_BITS {
            return 0.0;
        }
        // The binade's power of two over 128: exact, and finite even in the
        // top binade, whose upper edge is +inf.
        let binade = f64::from_bits(abs_bits & (0x7ff << 52));
        binade / f64::from(1u32 << MANTISSA_BITS)
    }

    /// Estimated fraction of values `< x` (see [`Self::count_below`]); `None`
    /// if empty.
    pub fn cdf(&self, x: f64) -> Option<f64> {
        (self.count > 0).then(|| self.count_below(x) as f64 / self.count as f64)
    }

    /// Clamps to `[min, max]` without panicking even on a corrupt state.
    fn clamp(&self, value: f64) -> f64 {
        value.max(self.min).min(self.max)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{RngExt, SeedableRng};
    use rand_pcg::Pcg64Mcg;

    fn key_of(abs: f64) -> u32 {
        key_of_abs_bits(abs.to_bits())
    }

    /// Sum of the bucket counts; equals `count()` unless a bucket saturated.
    fn bucket_total(s: &QuantileSketch) -> u64 {
        let total = |store: &Store| store.counts.iter().map(u64::from).sum::<u64>();
        total(&s.positive) + total(&s.negative) + s.zero
    }

    fn random_positive(rng: &mut Pcg64Mcg) -> f64 {
        // Mantissa in [1, 2) times 2^e for e across most of the normal range.
        rng.random_range(1.0..2.0) * 2f64.powi(rng.random_range(-29..1000))
    }

    #[test]
    fn key_is_monotone_in_value() {
        let mut rng = Pcg64Mcg::seed_from_u64(11);
        let mut values: Vec<f64> = (0..20_000).map(|_| random_positive(&mut rng)).collect();
        values.extend([ZERO_THRESHOLD, 1.0, 1.0 + f64::EPSILON, 2.0, f64::MAX]);
        values.sort_by(f64::total_cmp);
        for pair in values.windows(2) {
            assert!(key_of(pair[0]) <= key_of(pair[1]), "{pair:?}");
        }
        // Neighbouring floats across a bucket edge land in adjacent keys.
        let edge = bucket_lower(key_of(3.0) + 1);
        assert_eq!(key_of(edge), key_of(edge.next_down()) + 1);
    }

    #[test]
    fn bucket_bounds_contain_value_and_meet_error_bound() {
        let mut rng = Pcg64Mcg::seed_from_u64(12);
        for _ in 0..20_000 {
            let v = random_positive(&mut rng);
            let key = key_of(v);
            let (lo, hi, mid) = (bucket_lower(key), bucket_upper(key), bucket_midpoint(key));
            assert!(lo <= v && v < hi, "{lo} <= {v} < {hi}");
            assert!(lo < mid && mid < hi);
            // Width is 2^-7 of the binade's power of two.
            let binade = f64::from_bits(v.to_bits() & (0x7ff << 52));
            assert_eq!(hi - lo, binade / 128.0);
            assert!((mid - v).abs() <= RELATIVE_ERROR * v);
        }
        // The bound is attained exactly at a power of two.
        let mid = bucket_midpoint(key_of(1.0));
        assert_eq!(mid - 1.0, RELATIVE_ERROR);
    }

    #[test]
    fn exactly_128_buckets_per_factor_of_two() {
        for x in [1.0, 3.0, 1e-6, 1e12] {
            assert_eq!(key_of(2.0 * x) - key_of(x), 128);
        }
    }

    #[test]
    fn empty_sketch_reports_none() {
        let s = QuantileSketch::new();
        assert_eq!(s.count(), 0);
        assert_eq!(s.quantile(0.5), None);
        assert_eq!(s.min(), None);
        assert_eq!(s.max(), None);
        assert_eq!(s.cdf(1.0), None);
        assert_eq!(s.stored_buckets(), 0);
        assert_eq!(s, QuantileSketch::default());
    }

    #[test]
    fn invalid_q_gives_none() {
        let mut s = QuantileSketch::new();
        s.insert(1.0);
        for q in [-0.1, 1.1, f64::NAN, f64::INFINITY] {
            assert_eq!(s.quantile(q), None, "q = {q}");
        }
        assert_eq!(s.quantile(0.0), Some(1.0));
        assert_eq!(s.quantile(1.0), Some(1.0));
    }

    #[test]
    fn non_finite_values_are_rejected_not_counted() {
        let mut s = QuantileSketch::new();
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -f64::NAN] {
            s.insert(v);
        }
        assert_eq!(s.rejected(), 4);
        assert_eq!(s.count(), 0);
        assert_eq!(s.quantile(0.5), None);
        s.insert(5.0);
        s.insert(f64::NAN);
        assert_eq!((s.count(), s.rejected()), (1, 5));
        assert_eq!(s.quantile(0.5), Some(5.0));
    }

    #[test]
    fn negative_zero_and_positive_are_ordered() {
        let mut s = QuantileSketch::new();
        let values = [-1000.0, -3.0, -1e-12, 0.0, -0.0, 1e-10, 2.0, 70.0];
        for v in values {
            s.insert(v);
        }
        assert_eq!(s.count(), 8);
        assert_eq!(s.zero, 4);
        assert_eq!((s.min(), s.max()), (Some(-1000.0), Some(70.0)));
        // r-th smallest for r = 1..=8 via q = r/8.
        for (r, &exact) in values.iter().enumerate() {
            let est = s.quantile((r + 1) as f64 / 8.0).unwrap();
            if exact.abs() < ZERO_THRESHOLD {
                assert_eq!(est, 0.0);
            } else {
                assert!((est - exact).abs() <= RELATIVE_ERROR * exact.abs(), "{est} vs {exact}");
                assert_eq!(est.signum(), exact.signum());
            }
        }
        // Negatives are exactly the values below zero.
        assert_eq!(s.count_below(0.0), 2);
        assert_eq!(s.count_below(f64::INFINITY), 8);
        assert_eq!(s.count_below(-1e6), 0);
        let reps: Vec<f64> = s.buckets().map(|(v, _)| v).collect();
        assert!(reps.windows(2).all(|w| w[0] < w[1]), "{reps:?}");
        assert_eq!(s.buckets().map(|(_, c)| c).sum::<u64>(), bucket_total(&s));
    }

    #[test]
    fn negative_zero_is_normalised() {
        let mut a = QuantileSketch::new();
        a.insert(-0.0);
        assert!(a.min().unwrap().is_sign_positive());
        let mut b = QuantileSketch::new();
        b.insert(0.0);
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }

    #[test]
    fn store_grows_exactly_at_both_ends() {
        let mut s = QuantileSketch::new();
        s.insert(10.0);
        assert_eq!(s.stored_buckets(), 1);
        s.insert(20.0); // one binade up: 128 keys further
        assert_eq!(s.stored_buckets(), 129);
        s.insert(5.0); // one binade down
        assert_eq!(s.stored_buckets(), 257);
        s.insert(7.0); // inside: no growth
        assert_eq!(s.stored_buckets(), 257);
        s.insert(-1.0);
        assert_eq!(s.stored_buckets(), 258);
        assert_eq!(s.positive.counts.get(0), 1);
        assert_eq!(s.positive.counts.get(s.positive.counts.len() - 1), 1);
        assert_eq!(bucket_total(&s), 5);
    }

    #[test]
    fn extreme_magnitudes_do_not_panic() {
        let mut s = QuantileSketch::new();
        for v in [f64::MAX, -f64::MAX, f64::MIN_POSITIVE, 5e-324, ZERO_THRESHOLD] {
            s.insert(v);
        }
        assert_eq!(s.quantile(1.0), Some(f64::MAX));
        assert_eq!(s.quantile(0.0), Some(-f64::MAX));
        let est = s.quantile(0.8).unwrap();
        assert!((est - ZERO_THRESHOLD).abs() <= RELATIVE_ERROR * ZERO_THRESHOLD);
    }

    #[test]
    fn quantile_rank_rule() {
        assert_eq!(quantile_rank(0.0, 10), Some(1));
        assert_eq!(quantile_rank(0.5, 10), Some(5));
        assert_eq!(quantile_rank(0.51, 10), Some(6));
        assert_eq!(quantile_rank(1.0, 10), Some(10));
        assert_eq!(quantile_rank(0.5, 0), None);
    }
}
