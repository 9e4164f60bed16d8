//! Integration tests of `sim::stats`: error bound against exact quantiles,
//! bit-exact merging, fixed-point moments and bounded memory.

use rand::{RngExt, SeedableRng};
use rand_distr::{Distribution, LogNormal, Normal};
use rand_pcg::Pcg64Mcg;
use salesim::sim::stats::*;

const QS: [f64; 9] = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

fn rng(seed: u64) -> Pcg64Mcg {
    Pcg64Mcg::seed_from_u64(seed)
}

fn uniform(n: usize, seed: u64) -> Vec<f64> {
    let mut r = rng(seed);
    (0..n).map(|_| r.random_range(10.0..1000.0)).collect()
}

fn lognormal(n: usize, seed: u64, mu: f64, sigma: f64) -> Vec<f64> {
    let d = LogNormal::new(mu, sigma).unwrap();
    let mut r = rng(seed);
    (0..n).map(|_| d.sample(&mut r)).collect()
}

/// Profit-like: normal around a small positive mean, half of it negative.
fn straddling_zero(n: usize, seed: u64) -> Vec<f64> {
    let d = Normal::new(50.0, 2000.0).unwrap();
    let mut r = rng(seed);
    (0..n).map(|_| d.sample(&mut r)).collect()
}

/// 40 % exact zeros, some tiny values, the rest of both signs over decades.
fn many_zeros(n: usize, seed: u64) -> Vec<f64> {
    let d = LogNormal::new(3.0, 2.5).unwrap();
    let mut r = rng(seed);
    (0..n)
        .map(|_| match r.random_range(0..10) {
            0..=3 => 0.0,
            4 => r.random_range(-1e-10..1e-10),
            5..=6 => -d.sample(&mut r),
            _ => d.sample(&mut r),
        })
        .collect()
}

/// Exact powers of two, where the midpoint error equals the bound.
fn powers_of_two(n: usize, seed: u64) -> Vec<f64> {
    let mut r = rng(seed);
    (0..n).map(|_| 2f64.powi(r.random_range(-5..40))).collect()
}

fn sorted(values: &[f64]) -> Vec<f64> {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    v
}

/// Exact q-quantile under the sketch's documented rank rule.
fn exact_quantile(sorted: &[f64], q: f64) -> f64 {
    let rank = quantile_rank(q, sorted.len() as u64).unwrap();
    sorted[rank as usize - 1]
}

fn allowed_error(exact: f64) -> f64 {
    if exact.abs() < ZERO_THRESHOLD {
        ZERO_THRESHOLD
    } else {
        RELATIVE_ERROR * exact.abs()
    }
}

fn assert_quantiles_within_bound(name: &str, values: &[f64]) {
    let mut acc = Accumulator::new();
    for &v in values {
        acc.insert(v);
    }
    let exact_sorted = sorted(values);
    for q in QS {
        let exact = exact_quantile(&exact_sorted, q);
        let est = acc.quantile(q).unwrap();
        assert!(
            (est - exact).abs() <= allowed_error(exact),
            "{name}: q={q} estimate {est} exact {exact}"
        );
    }
    assert_eq!(acc.min(), exact_sorted.first().copied());
    assert_eq!(acc.max(), exact_sorted.last().copied());
}

#[test]
fn quantiles_are_within_the_stated_error_of_exact_quantiles() {
    let n = 20_000;
    assert_quantiles_within_bound("uniform", &uniform(n, 1));
    assert_quantiles_within_bound("lognormal", &lognormal(n, 2, 2.0, 4.0));
    assert_quantiles_within_bound("straddling zero", &straddling_zero(n, 3));
    assert_quantiles_within_bound("many zeros", &many_zeros(n, 4));
    assert_quantiles_within_bound("constant", &vec![4242.4242; 1000]);
    assert_quantiles_within_bound("powers of two", &powers_of_two(n, 5));
    for small in 1..=9 {
        assert_quantiles_within_bound("small lognormal", &lognormal(small, 6, 0.0, 3.0));
    }
}

#[test]
fn every_rank_is_within_the_bound() {
    // Denser check than the fixed q list: every rank of a mixed sample.
    let values = many_zeros(3000, 7);
    let exact_sorted = sorted(&values);
    let mut sketch = QuantileSketch::new();
    values.iter().for_each(|&v| sketch.insert(v));
    let n = values.len();
    for rank in 1..=n {
        // A q whose rank under the f64 rule is exactly `rank`.
        let q = (rank as f64 - 0.5) / n as f64;
        let exact = exact_quantile(&exact_sorted, q);
        assert_eq!(exact, exact_sorted[rank - 1]);
        let est = sketch.quantile(q).unwrap();
        assert!((est - exact).abs() <= allowed_error(exact), "rank {rank}");
    }
}

#[test]
fn bound_is_tight_not_vacuous() {
    // Powers of two sit at a bucket's lower edge: the midpoint is off by
    // exactly RELATIVE_ERROR, so a tighter bound would fail.
    let values = powers_of_two(2000, 8);
    let mut sketch = QuantileSketch::new();
    values.iter().for_each(|&v| sketch.insert(v));
    let exact = exact_quantile(&sorted(&values), 0.5);
    let est = sketch.quantile(0.5).unwrap();
    assert_eq!((est - exact) / exact, RELATIVE_ERROR);
}

fn merge_test_values() -> Vec<f64> {
    let mut values = many_zeros(4000, 20);
    values.extend(lognormal(4000, 21, 11.0, 1.5));
    values.extend(straddling_zero(1996, 22));
    values.extend([f64::NAN, f64::INFINITY, -0.0, 1e13]);
    let mut r = rng(23);
    // Shuffle so that every chunk sees a mix.
    for i in (1..values.len()).rev() {
        values.swap(i, r.random_range(0..=i));
    }
    assert_eq!(values.len(), 10_000);
    values
}

fn accumulate(values: &[f64]) -> Accumulator {
    let mut acc = Accumulator::new();
    values.iter().for_each(|&v| acc.insert(v));
    acc
}

fn chunks(values: &[f64], sizes: &[usize]) -> Vec<Accumulator> {
    let mut out = Vec::new();
    let mut start = 0;
    for &size in sizes {
        out.push(accumulate(&values[start..start + size]));
        start += size;
    }
    assert_eq!(start, values.len());
    out
}

fn merged(parts: &[&Accumulator]) -> Accumulator {
    let mut acc = Accumulator::new();
    parts.iter().for_each(|p| acc.merge(p));
    acc
}

fn json(acc: &Accumulator) -> String {
    serde_json::to_string(acc).unwrap()
}

#[test]
fn merging_uneven_chunks_in_any_order_is_bit_identical() {
    let values = merge_test_values();
    let whole = accumulate(&values);
    assert_eq!(whole.count(), 9998);
    assert_eq!(whole.rejected(), 2);

    let c = chunks(&values, &[1, 17, 3000, 6982]);
    let mut into_chunk = c[2].clone();
    for i in [0, 3, 1] {
        into_chunk.merge(&c[i]);
    }
    let left = merged(&[&c[0], &c[3]]);
    let right = merged(&[&c[1], &c[2]]);
    let mut tree = right.clone();
    tree.merge(&left);
    let mut deep = merged(&[&c[3], &c[1]]);
    deep.merge(&c[0]);
    deep.merge(&Accumulator::new());
    deep.merge(&c[2]);
    // Shuffled insertion order within one accumulator.
    let mut reversed: Vec<f64> = values.clone();
    reversed.reverse();

    let candidates = [
        merged(&[&c[0], &c[1], &c[2], &c[3]]),
        merged(&[&c[3], &c[2], &c[1], &c[0]]),
        into_chunk,
        tree,
        deep,
        accumulate(&reversed),
    ];
    let whole_json = json(&whole);
    for (i, candidate) in candidates.iter().enumerate() {
        assert_eq!(candidate, &whole, "candidate {i}");
        assert_eq!(json(candidate), whole_json, "candidate {i}");
        assert_eq!(
            candidate.bands().map(|b| b.mean.to_bits()),
            whole.bands().map(|b| b.mean.to_bits())
        );
    }

    // Many random chunk sizes, merged pairwise in a random order.
    let mut r = rng(24);
    let mut sizes = Vec::new();
    let mut left_over = values.len();
    while left_over > 0 {
        let size = r.random_range(1..=left_over.min(900));
        sizes.push(size);
        left_over -= size;
    }
    let mut pool = chunks(&values, &sizes);
    while pool.len() > 1 {
        let a = pool.swap_remove(r.random_range(0..pool.len()));
        let i = r.random_range(0..pool.len());
        pool[i].merge(&a);
    }
    assert_eq!(pool[0], whole);
    assert_eq!(json(&pool[0]), whole_json);
}

#[test]
fn serde_json_round_trip_is_exact() {
    let values = merge_test_values();
    let whole = accumulate(&values);
    let text = json(&whole);
    let back: Accumulator = serde_json::from_str(&text).unwrap();
    assert_eq!(back, whole);
    assert_eq!(json(&back), text);
    assert_eq!(back.min().unwrap().to_bits(), whole.min().unwrap().to_bits());

    // Merging deserialized chunks is still exact.
    let c = chunks(&values, &[5000, 5000]);
    let mut via_json: Accumulator = serde_json::from_str(&json(&c[0])).unwrap();
    via_json.merge(&serde_json::from_str(&json(&c[1])).unwrap());
    assert_eq!(via_json, whole);

    for acc in [Accumulator::new(), accumulate(&[-0.0, 1e-300, -5e300])] {
        let back: Accumulator = serde_json::from_str(&json(&acc)).unwrap();
        assert_eq!(back, acc);
    }
    let bands = whole.bands().unwrap();
    let back: Bands = serde_json::from_str(&serde_json::to_string(&bands).unwrap()).unwrap();
    assert!((back.p50 - bands.p50).abs() <= 1e-12 * bands.p50.abs());
    let hist = whole.histogram(12).unwrap();
    let back: Histogram = serde_json::from_str(&serde_json::to_string(&hist).unwrap()).unwrap();
    assert_eq!(back.counts, hist.counts);
}

/// Mean and sample standard deviation by a plain two-pass f64 computation.
fn reference_moments(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let ss: f64 = values.iter().map(|v| (v - mean) * (v - mean)).sum();
    (mean, (ss / (n - 1.0)).sqrt())
}

fn relative(a: f64, b: f64) -> f64 {
    (a - b).abs() / b.abs()
}

#[test]
fn fixed_point_moments_match_f64() {
    // Sales-scale metrics: revenue-like, profit-like (both signs).
    let mut profit = straddling_zero(10_000, 30);
    profit.iter_mut().for_each(|v| *v *= 1000.0);
    const SCALE: f64 = (1u64 << FIXED_POINT_BITS) as f64;
    for values in [lognormal(10_000, 31, 11.0, 1.0), profit] {
        let acc = accumulate(&values);
        let (mean, std_dev) = reference_moments(&values);
        assert!(relative(acc.mean().unwrap(), mean) < 1e-9);
        assert!(relative(acc.std_dev().unwrap(), std_dev) < 1e-9);
        let se = acc.std_error().unwrap();
        assert!(relative(se, std_dev / 100.0) < 1e-9);

        // Against the same values rounded to the fixed-point grid, the
        // integer arithmetic is exact up to the final f64 operations.
        let rounded: Vec<f64> = values.iter().map(|v| (v * SCALE).round_ties_even() / SCALE).collect();
        let (mean_r, std_r) = reference_moments(&rounded);
        assert!(relative(acc.mean().unwrap(), mean_r) < 1e-12);
        assert!(relative(acc.std_dev().unwrap(), std_r) < 1e-12);
    }
}

#[test]
fn fixed_point_error_is_within_half_a_unit() {
    let half_unit = 0.5 / f64::from(1u32 << FIXED_POINT_BITS);
    // Small-scale values, where half a fixed-point unit is visible.
    let mut r = rng(40);
    let values: Vec<f64> = (0..10_000).map(|_| r.random_range(0.0..1.0)).collect();
    let acc = accumulate(&values);
    let (mean, std_dev) = reference_moments(&values);
    let n = values.len() as f64;
    assert!((acc.mean().unwrap() - mean).abs() <= half_unit);
    assert!((acc.std_dev().unwrap() - std_dev).abs() <= half_unit * (n / (n - 1.0)).sqrt());

    // A constant that is off the grid: the error is systematic (all values
    // round the same way) and exceeds 1e-9 relative, but stays within half a unit.
    let acc = accumulate(&[1000.3; 100]);
    let error = (acc.mean().unwrap() - 1000.3).abs();
    assert!(error > 1e-9 * 1000.3 && error <= half_unit, "{error}");
    // The quantiles use the exact min/max, not the grid.
    assert_eq!(acc.quantile(0.5), Some(1000.3));
}

/// Dense slots a sketch may need for values spanning [min, max] of one sign.
fn bucket_bound(min: f64, max: f64) -> usize {
    (128.0 * ((max / min).log2() + 2.0)) as usize
}

#[test]
fn memory_is_bounded_by_the_value_range_not_the_count() {
    let values = lognormal(1_000_000, 50, 10.0, 2.0);
    let acc = accumulate(&values);
    let (min, max) = (acc.min().unwrap(), acc.max().unwrap());
    let stored = acc.sketch().stored_buckets();
    assert!(stored <= bucket_bound(min, max), "{stored}");
    assert!(stored < 5000, "{stored}");
    let small = accumulate(&values[..10_000]);
    let small_stored = small.sketch().stored_buckets();
    assert!(small_stored <= bucket_bound(small.min().unwrap(), small.max().unwrap()));
    assert!(small_stored <= stored);

    // A bounded distribution: 100x the count, (almost) the same memory.
    let mut r = rng(51);
    let mut few = QuantileSketch::new();
    let mut many = QuantileSketch::new();
    for i in 0..1_000_000 {
        let v = r.random_range(1.0..1000.0);
        if i < 10_000 {
            few.insert(v);
        }
        many.insert(v);
    }
    let bound = bucket_bound(1.0, 1000.0);
    assert!(few.stored_buckets() <= bound && many.stored_buckets() <= bound);
    // Only the extremes of the range differ (a few buckets near 1.0).
    assert!(many.stored_buckets() - few.stored_buckets() < 32);
    // The serialized form is bounded the same way (≈ a few bytes per slot).
    assert!(serde_json::to_string(&many).unwrap().len() < 8 * bound);
}

fn normal(n: usize, seed: u64, mean: f64, sd: f64) -> Vec<f64> {
    let d = Normal::new(mean, sd).unwrap();
    let mut r = rng(seed);
    (0..n).map(|_| d.sample(&mut r)).collect()
}

/// Exact counts of `values` on `edges`, with the end bins catching what is
/// outside, as `Histogram` documents.
fn exact_counts(values: &[f64], edges: &[f64]) -> Vec<u64> {
    let bins = edges.len() - 1;
    let mut counts = vec![0u64; bins];
    for &v in values {
        let bin = edges[1..bins].iter().take_while(|&&e| e <= v).count();
        counts[bin] += 1;
    }
    counts
}

/// Bins strictly between the first and last non-empty ones that are empty.
fn interior_empty_bins(counts: &[u64]) -> usize {
    let first = counts.iter().position(|&c| c > 0).unwrap_or(0);
    let last = counts.iter().rposition(|&c| c > 0).unwrap_or(0);
    counts[first..=last].iter().filter(|&&c| c == 0).count()
}

#[test]
fn a_narrow_outcome_has_no_empty_bins_inside_its_bulk() {
    // Profit-like outcomes around $20M with a spread of a few sketch
    // buckets (each ≈ $131k wide here): bins as narrow as the buckets would
    // alternate between full and empty.
    for (sd, seed) in [(1.5e6, 60), (2e5, 61), (5e4, 62)] {
        let values = normal(10_000, seed, 2.0e7, sd);
        let acc = accumulate(&values);
        let h = acc.histogram(30).unwrap();
        assert_eq!(h.counts.iter().sum::<u64>(), acc.count());
        assert_eq!(interior_empty_bins(&h.counts), 0, "sd {sd}: {:?}", h.counts);
    }
}

#[test]
fn histogram_bins_are_at_least_two_buckets_wide() {
    let values = normal(10_000, 63, 2.0e7, 2e5);
    let h = accumulate(&values).histogram(30).unwrap();
    // Buckets at $20M are 2^24 / 128 wide.
    let widest = 2f64.powi(24) / 128.0;
    assert!(h.counts.len() < 30, "{} bins", h.counts.len());
    for w in h.edges.windows(2) {
        assert!(w[1] - w[0] >= 2.0 * widest * (1.0 - 1e-12), "{w:?}");
    }
}

#[test]
fn histogram_counts_follow_the_exact_counts_not_the_bucket_grid() {
    // Bins of about two buckets: assigning whole buckets to bins would give
    // a saw-tooth of one-bucket and two-bucket bins.
    let values = normal(10_000, 64, 2.0e7, 1.5e6);
    let h = accumulate(&values).histogram(30).unwrap();
    let exact = exact_counts(&values, &h.edges);
    let tallest = *exact.iter().max().unwrap() as f64;
    for (i, (&estimate, &exact)) in h.counts.iter().zip(&exact).enumerate() {
        let error = (estimate as f64 - exact as f64).abs();
        assert!(error <= 0.08 * tallest, "bin {i}: {estimate} vs exact {exact}");
    }
}

#[test]
fn interpolated_counts_are_monotone_exact_at_the_ends_and_near_the_truth() {
    let values = merge_test_values();
    let finite: Vec<f64> = sorted(&values).into_iter().filter(|v| v.is_finite()).collect();
    let sketch = accumulate(&values).sketch().clone();
    let n = finite.len() as f64;
    assert_eq!(sketch.count_below_interpolated(finite[0]), 0.0);
    assert_eq!(sketch.count_below_interpolated(f64::INFINITY), n);
    assert_eq!(sketch.count_below_interpolated(f64::NEG_INFINITY), 0.0);
    // Exact at zero, where the sign split is: the negatives are below it.
    let negatives = finite.iter().filter(|&&v| v <= -ZERO_THRESHOLD).count() as f64;
    assert_eq!(sketch.count_below_interpolated(0.0), negatives);
    let mut previous = 0.0;
    for &x in finite.iter().step_by(7) {
        let estimate = sketch.count_below_interpolated(x);
        assert!(estimate >= previous, "not monotone at {x}");
        previous = estimate;
        // Off by at most the values in the bucket around x (the zero bucket
        // holds everything closer to 0 than ZERO_THRESHOLD, as a point).
        let in_bucket_of_x = |v: f64| {
            if x.abs() < ZERO_THRESHOLD {
                v.abs() < ZERO_THRESHOLD
            } else {
                (v - x).abs() <= 2.0 * RELATIVE_ERROR * x.abs()
            }
        };
        let within = finite.iter().filter(|&&v| in_bucket_of_x(v)).count() as f64;
        let exact = finite.partition_point(|&v| v < x) as f64;
        assert!((estimate - exact).abs() <= within, "at {x}: {estimate} vs {exact}");
    }
}

#[test]
fn interpolated_counts_spread_a_bucket_over_its_width() {
    // 1000 values in [1000, 1004): one bucket (512 / 128 = 4 wide), whose
    // count a step function would put wholly on one side of 1002.
    let mut r = rng(65);
    let values: Vec<f64> = (0..1000).map(|_| r.random_range(1000.0..1004.0)).collect();
    let sketch = accumulate(&values).sketch().clone();
    assert_eq!(sketch.stored_buckets(), 1);
    let (min, max) = (sketch.min().unwrap(), sketch.max().unwrap());
    let halfway = sketch.count_below_interpolated((min + max) / 2.0);
    assert!((halfway - 500.0).abs() < 1e-9, "{halfway}");
    assert_eq!(sketch.count_below_interpolated(min), 0.0);
    assert_eq!(sketch.count_below_interpolated(max), 1000.0);
    assert_eq!(QuantileSketch::bucket_width(1000.0), 4.0);
    assert_eq!(QuantileSketch::bucket_width(-1000.0), 4.0);
    assert_eq!(QuantileSketch::bucket_width(0.0), 0.0);
    assert_eq!(QuantileSketch::bucket_width(f64::MAX), 2f64.powi(1023) / 128.0);
}
