//! Equal-width histograms of a horizon distribution, built from the sketch.
//!
//! The range is `[P1, P99]` (sketch estimates), not `[min, max]`: Monte Carlo
//! outcomes are often heavy-tailed and a min/max range would squeeze most of
//! the mass into one bin. Values below P1 are counted in the first bin and
//! values above P99 in the last, so the counts always sum to `count()`.
//! If P1 == P99 the range falls back to `[min, max]`; if that is a single
//! value the histogram is one bin `[v, v]` holding everything.
//!
//! Approximation: each sketch bucket's count goes entirely to the bin holding
//! its representative (midpoint clamped to min/max). A bin's count can thus be
//! off by the counts of the (at most two) buckets straddling its edges; a
//! bucket is at most 1/128 of its value wide, so bins much wider than that
//! are affected only at their edges.

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

impl QuantileSketch {
    /// `bins` equal-width bins between P1 and P99 (see the module docs).
    /// `None` if empty or `bins == 0`.
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
        let width = (high - low) / bins as f64;
        let mut edges: Vec<f64> = (0..bins).map(|i| low + i as f64 * width).collect();
        edges.push(high);
        let mut counts = vec![0u64; bins];
        for (value, count) in self.buckets() {
            // Negative offsets saturate to 0 in the cast; clamp the top end.
            let bin = (((value - low) / width).floor() as usize).min(bins - 1);
            counts[bin] += count;
        }
        Some(Histogram { edges, counts })
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
}
