//! Equal-width histograms of a horizon distribution, built from the sketch.
//!
//! The range is `[P1, P99]` (sketch estimates), not `[min, max]`: Monte Carlo
//! outcomes are often heavy-tailed and a min/max range would squeeze most of
//! the mass into one bin. Values below P1 are counted in the first bin and
//! values above P99 in the last, so the counts always sum to `count()`.
//! If P1 == P99 the range falls back to `[min, max]`; if that is a single
//! value the histogram is one bin `[v, v]` holding everything.
//!
//! # Counts
//! Bin `i` holds `round(C(e[i+1])) − round(C(e[i]))`, where `C` is
//! [`QuantileSketch::count_below_interpolated`] (each bucket's count spread
//! over its width) and the outer edges count as `0` and `count()`. Rounding
//! the cumulative counts, not the bins, keeps every count a whole number
//! while they still sum exactly to `count()`. Assigning whole buckets to the
//! bin of their midpoint instead would leave bins that hold no midpoint
//! empty, and neighbours alternating between one and two buckets' worth,
//! whenever bins are about as narrow as buckets: gaps and saw-teeth that are
//! artefacts of the sketch, not of the outcomes.
//!
//! # Resolution
//! A bucket is up to `|v| / 128` wide and the sketch knows nothing of how its
//! values lie inside it, so a bin narrower than a bucket would show the
//! uniform spread as if it were data. [`Histogram::resolvable_bins`] asks
//! for fewer bins when the range is narrow: none narrower than twice the
//! widest bucket in the range.

use serde::{Deserialize, Serialize};

use super::accumulator::Accumulator;
use super::sketch::QuantileSketch;

/// `edges.len() == counts.len() + 1`; bin `i` is `[edges[i], edges[i + 1])`,
/// the first and last bins also hold everything below / above.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    pub edges: Vec<f64>,
    pub counts: Vec<u64>,
}

/// Bins span at least this many of the widest sketch buckets in the range.
const MIN_BUCKETS_PER_BIN: f64 = 2.0;

impl Histogram {
    /// The number of equal-width bins of `[low, high]` the sketch resolves:
    /// at most `bins`, fewer when a bin would be narrower than twice the
    /// widest bucket in the range (the one at the larger `|value|` end), and
    /// at least 1.
    #[must_use]
    pub fn resolvable_bins(low: f64, high: f64, bins: usize) -> usize {
        let widest = QuantileSketch::bucket_width(low.abs().max(high.abs()));
        if widest == 0.0 {
            return bins.max(1);
        }
        // `as` saturates (inf) and maps NaN to 0, which the clamp lifts to 1.
        let fit = ((high - low) / (MIN_BUCKETS_PER_BIN * widest)).floor() as usize;
        fit.clamp(1, bins.max(1))
    }

    /// `bins` equal-width edges from `low` to `high` (both exact).
    #[must_use]
    pub fn equal_width_edges(low: f64, high: f64, bins: usize) -> Vec<f64> {
        let bins = bins.max(1);
        let width = (high - low) / bins as f64;
        let mut edges: Vec<f64> = (0..bins).map(|i| low + i as f64 * width).collect();
        edges.push(high);
        edges
    }
}

impl QuantileSketch {
    /// Up to `bins` equal-width bins between P1 and P99, fewer when the
    /// range is too narrow for the sketch to resolve them (see the module
    /// docs). `None` if empty or `bins == 0`.
    pub fn histogram(&self, bins: usize) -> Option<Histogram> {
        if bins == 0 {
            return None;
        }
        let (mut low, mut high) = (self.quantile(0.01)?, self.quantile(0.99)?);
        if low >= high {
            (low, high) = (self.min()?, self.max()?);
        }
        if low >= high {
            return Some(Histogram {
                edges: vec![low, high],
                counts: vec![self.count()],
            });
        }
        let edges = Histogram::equal_width_edges(low, high, Histogram::resolvable_bins(low, high, bins));
        let counts = self.counts_on(&edges);
        Some(Histogram { edges, counts })
    }

    /// Whole counts per bin of `edges` (at least two, ascending), the end
    /// bins catching everything outside: differences of rounded
    /// interpolated cumulative counts, so they sum to `count()`.
    fn counts_on(&self, edges: &[f64]) -> Vec<u64> {
        let inner = &edges[1..edges.len() - 1];
        // Rounded cumulative counts are non-decreasing, so no difference is
        // negative; `min` guards a saturated (short) bucket total.
        let cumulative: Vec<u64> = std::iter::once(0)
            .chain(
                inner
                    .iter()
                    .map(|&e| (self.count_below_interpolated(e).round() as u64).min(self.count())),
            )
            .chain(std::iter::once(self.count()))
            .collect();
        cumulative.windows(2).map(|w| w[1].saturating_sub(w[0])).collect()
    }
}

impl Accumulator {
    /// Histogram of the recorded values; see [`QuantileSketch::histogram`].
    pub fn histogram(&self, bins: usize) -> Option<Histogram> {
        self.sketch().histogram(bins)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_or_zero_bins_is_none() {
        let mut s = QuantileSketch::new();
        assert_eq!(s.histogram(10), None);
        s.insert(1.0);
        assert_eq!(s.histogram(0), None);
    }

    #[test]
    fn constant_gives_one_bin() {
        let mut a = Accumulator::new();
        for _ in 0..50 {
            a.insert(7.5);
        }
        let h = a.histogram(20).unwrap();
        assert_eq!(h.edges, vec![7.5, 7.5]);
        assert_eq!(h.counts, vec![50]);
    }

    #[test]
    fn counts_sum_to_count_and_outliers_go_to_end_bins() {
        let mut a = Accumulator::new();
        for i in 0..1000 {
            a.insert(f64::from(i));
        }
        a.insert(-1e9);
        a.insert(1e9);
        let h = a.histogram(10).unwrap();
        assert_eq!(h.edges.len(), 11);
        assert_eq!(h.counts.iter().sum::<u64>(), a.count());
        assert!(h.edges.windows(2).all(|w| w[0] < w[1]));
        // The range is P1..P99, not min..max.
        assert!(h.edges[0] > 0.0 && h.edges[10] < 1000.0);
        // Uniform data: every interior bin holds about a tenth of it.
        for &c in &h.counts[1..9] {
            assert!((90..=110).contains(&c), "{:?}", h.counts);
        }
    }

    #[test]
    fn sign_split_is_respected() {
        let mut a = Accumulator::new();
        for i in 1..=100 {
            a.insert(-f64::from(i));
            a.insert(f64::from(i));
        }
        let h = a.histogram(2).unwrap();
        assert_eq!(h.counts, vec![100, 100]);
    }

    #[test]
    fn a_narrow_range_gets_fewer_bins_none_narrower_than_two_buckets() {
        // [1000, 1010]: buckets at 1000 are 512 / 128 = 4 wide, so one bin
        // of 8 fits (10 / 8 rounds down), whatever was asked.
        assert_eq!(Histogram::resolvable_bins(1000.0, 1010.0, 30), 1);
        assert_eq!(Histogram::resolvable_bins(1000.0, 1024.0, 30), 1);
        // The widest bucket is at the larger |value| end: at 1024 it is
        // 1024 / 128 = 8 wide (bins of 16 → 64), just below it 4 (→ 127).
        assert_eq!(Histogram::resolvable_bins(0.0, 1024.0, 30), 30);
        assert_eq!(Histogram::resolvable_bins(0.0, 1024.0, 100), 64);
        assert_eq!(Histogram::resolvable_bins(0.0, 1023.0, 200), 127);
        assert_eq!(Histogram::resolvable_bins(-1023.0, 0.0, 200), 127);
        assert_eq!(Histogram::resolvable_bins(0.0, 0.0, 5), 5);
        assert_eq!(Histogram::resolvable_bins(f64::NAN, 1.0, 5), 1);
    }

    #[test]
    fn counts_are_whole_and_sum_exactly_when_buckets_straddle_edges() {
        let mut a = Accumulator::new();
        for i in 0..997 {
            a.insert(1000.0 + f64::from(i) * 0.37);
        }
        let h = a.histogram(7).unwrap();
        assert_eq!(h.counts.len(), 7);
        assert_eq!(h.counts.iter().sum::<u64>(), 997);
        assert!(h.counts.iter().all(|&c| c > 0), "{:?}", h.counts);
    }
}
