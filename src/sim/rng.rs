//! Random streams: a named generator (PCG-64 MCG: the numbers of
//! `rand_pcg::Pcg64Mcg`, see [`SimRng`]) seeded from (scenario seed, run
//! index, month, mechanism).
//!
//! Every mechanism draws from its own sub-stream each month, so two
//! structures that make different numbers of draws in one mechanism stay in
//! step everywhere else: run i of every scenario sees the same luck (common
//! random numbers), and a scenario compared with itself differs by exactly
//! zero. Results never depend on how runs are split into chunks.

mod transformed_rejection;

use std::convert::Infallible;

use rand::{RngExt, SeedableRng, TryRng};
use rand_distr::{Distribution, Gamma};

use self::transformed_rejection::{binomial_btrs, poisson_ptrs};
use super::math::{exp, round_to_i64};

/// PCG-64 MCG (`pcg64_fast`: a 128-bit multiplicative congruential
/// generator with the XSL-RR output), giving exactly the numbers of
/// `rand_pcg::Pcg64Mcg` from the same state (tested), with the state kept
/// as two 64-bit words.
///
/// Why not `Pcg64Mcg` itself: WebAssembly has no 128-bit multiply, so its
/// `u128` step is a call to `__multi3` (with the product returned through
/// memory) on every draw. Here the step is one 64×64→128-bit product and
/// two 64-bit ones, and the wide product is built from four 32-bit halves
/// in WebAssembly (see [`wide_mul`]); natively it stays one instruction.
#[derive(Clone, PartialEq, Eq)]
pub struct SimRng {
    low: u64,
    high: u64,
}

/// `rand_pcg`'s multiplier, `0x2360_ED05_1FC6_5DA4_4385_DF64_9FCC_F645`, in halves.
const MULTIPLIER_LOW: u64 = 0x4385_DF64_9FCC_F645;
const MULTIPLIER_HIGH: u64 = 0x2360_ED05_1FC6_5DA4;

/// The 128-bit product of two 64-bit words, as (low, high) words. (The
/// summaries' fixed-point squares use it too: `sim::stats::accumulator`.)
#[cfg(not(target_arch = "wasm32"))]
#[inline(always)]
#[allow(clippy::cast_possible_truncation)]
pub(crate) fn wide_mul(a: u64, b: u64) -> (u64, u64) {
    let product = u128::from(a) * u128::from(b);
    (product as u64, (product >> 64) as u64)
}

/// The 128-bit product of two 64-bit words, as (low, high) words: in
/// WebAssembly from four 32×32→64-bit products (each an `i64.mul`), since
/// a `u128` product would call `__multi3`.
#[cfg(target_arch = "wasm32")]
#[inline(always)]
pub(crate) fn wide_mul(a: u64, b: u64) -> (u64, u64) {
    wide_mul_by_halves(a, b)
}

/// [`wide_mul`] from 32-bit halves (compiled natively for its test).
#[cfg(any(target_arch = "wasm32", test))]
#[inline(always)]
fn wide_mul_by_halves(a: u64, b: u64) -> (u64, u64) {
    const HALF: u64 = 0xFFFF_FFFF;
    let (a0, a1) = (a & HALF, a >> 32);
    let (b0, b1) = (b & HALF, b >> 32);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    // below 3 · 2^32: no overflow
    let middle = (p00 >> 32) + (p01 & HALF) + (p10 & HALF);
    (a.wrapping_mul(b), p11 + (p01 >> 32) + (p10 >> 32) + (middle >> 32))
}

impl SimRng {
    /// The generator with state `high · 2^64 + low`, its lowest bit forced
    /// to 1 (as `Pcg64Mcg::new` does).
    #[must_use]
    pub fn from_halves(low: u64, high: u64) -> Self {
        SimRng { low: low | 1, high }
    }

    /// The generator of `rand_pcg::Pcg64Mcg::new(state)`.
    #[must_use]
    #[allow(clippy::cast_possible_truncation)]
    pub fn new(state: u128) -> Self {
        Self::from_halves(state as u64, (state >> 64) as u64)
    }

    /// The state, as `rand_pcg::Pcg64Mcg::state` gives it.
    #[must_use]
    pub fn state(&self) -> u128 {
        (u128::from(self.high) << 64) | u128::from(self.low)
    }
}

impl std::fmt::Debug for SimRng {
    // the state stays private, as rand_pcg's Debug keeps it
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SimRng {}")
    }
}

impl TryRng for SimRng {
    type Error = Infallible;

    #[inline]
    #[allow(clippy::cast_possible_truncation)]
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        self.try_next_u64().map(|word| word as u32)
    }

    /// state ← state · multiplier (mod 2^128), then XSL-RR: the high word
    /// xor the low one, rotated right by the state's top 6 bits.
    #[inline]
    #[allow(clippy::cast_possible_truncation)]
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let (low, carry) = wide_mul(self.low, MULTIPLIER_LOW);
        let high = carry
            .wrapping_add(self.low.wrapping_mul(MULTIPLIER_HIGH))
            .wrapping_add(self.high.wrapping_mul(MULTIPLIER_LOW));
        self.low = low;
        self.high = high;
        Ok((high ^ low).rotate_right((high >> 58) as u32))
    }

    /// Little-endian words in the order drawn; the last one partly used.
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), Infallible> {
        let mut chunks = dest.chunks_exact_mut(8);
        for chunk in &mut chunks {
            let Ok(word) = self.try_next_u64();
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        let rest = chunks.into_remainder();
        if !rest.is_empty() {
            let Ok(word) = self.try_next_u64();
            rest.copy_from_slice(&word.to_le_bytes()[..rest.len()]);
        }
        Ok(())
    }
}

impl SeedableRng for SimRng {
    type Seed = [u8; 16];

    /// The seed read as a little-endian 128-bit state, as `Pcg64Mcg` reads it.
    fn from_seed(seed: Self::Seed) -> Self {
        Self::new(u128::from_le_bytes(seed))
    }
}

/// The mechanisms that draw random numbers, one sub-stream each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mechanism {
    /// Uncertain parameters, drawn once per run (month is the parameter index).
    Parameters,
    Inbound,
    TradeShows,
    Agency,
    Referrals,
    Outbound,
    Qualification,
    Handoff,
    Meetings,
    Opportunities,
    DealSizes,
    Churn,
    Attrition,
    Hiring,
    Transition,
}

/// SplitMix64's finaliser: a cheap bijective mixer with good avalanche.
#[must_use]
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The key of one (seed, run); its months' keys derive from it.
#[must_use]
pub fn run_key(seed: u64, run: u64) -> u64 {
    mix(seed ^ mix(run))
}

/// The key of one month of the run of `run_key` (see [`run_key`]);
/// mechanisms' streams derive from it. Computed once a month, so it mixes once.
#[must_use]
pub fn month_key(run_key: u64, month: u32) -> u64 {
    // an odd multiplier spreads consecutive months across the word before mixing
    mix(run_key ^ u64::from(month).wrapping_mul(0xD1B5_4A32_D192_ED03))
}

/// The generator of one mechanism in the month of `key` (see [`month_key`]).
/// The 128-bit state's two halves come from one mix: the generator's
/// multiplication and output permutation do the rest.
#[must_use]
pub fn mechanism_stream(key: u64, mechanism: Mechanism) -> SimRng {
    let key = mix(key ^ mechanism as u64);
    SimRng::from_halves(key.rotate_left(32) ^ 0xA076_1D64_78BD_642F, key)
}

/// The generator for one (seed, run, month, mechanism).
#[must_use]
pub fn stream(seed: u64, run: u64, month: u32, mechanism: Mechanism) -> SimRng {
    mechanism_stream(month_key(run_key(seed, run), month), mechanism)
}

/// A Poisson count; 0 for a non-positive or non-finite mean.
///
/// Small means use sequential inversion (one uniform, about `mean` steps);
/// large ones Hörmann's PTRS. Both are exact samplers.
pub fn poisson(rng: &mut SimRng, mean: f64) -> u64 {
    if !mean.is_finite() || mean <= 0.0 {
        return 0;
    }
    if mean >= REJECTION_FROM {
        return poisson_ptrs(rng, mean);
    }
    let mut probability = exp(-mean);
    let mut u: f64 = rng.random();
    let mut k = 0u64;
    while u > probability {
        u -= probability;
        k += 1;
        probability *= mean * reciprocal(k);
        if probability <= 0.0 {
            break;
        }
    }
    k
}

/// Up to this many trials a count is drawn trial by trial; from three on,
/// inversion's one uniform and `(1−p)^n` cost less (callgrind, default preset).
const DIRECT_LIMIT: u64 = 2;
/// Trials up to which inversion first tests for 0 against `1 − n·p`; the
/// computed `(1−p)^n` is within `(n + 64) · 2^-52` of the exact power, below
/// [`ZERO_SHORTCUT_MARGIN`] for these `n`.
const ZERO_SHORTCUT_MAX_TRIALS: u64 = 1024;
const ZERO_SHORTCUT_MARGIN: f64 = 1e-12;
/// Expected counts from which draws use transformed rejection (the smallest
/// for which Hörmann's BTRS and PTRS are valid); below, inversion.
const REJECTION_FROM: f64 = 10.0;
/// Inversion rarely walks past this many steps; the table spares a division per step.
const RECIPROCAL_STEPS: usize = 96;
const RECIPROCALS: [f64; RECIPROCAL_STEPS] = {
    let mut table = [0.0; RECIPROCAL_STEPS];
    let mut k = 1;
    while k < RECIPROCAL_STEPS {
        table[k] = 1.0 / k as f64;
        k += 1;
    }
    table
};

fn reciprocal(k: u64) -> f64 {
    RECIPROCALS.get(k as usize).copied().unwrap_or_else(|| 1.0 / k as f64)
}

/// A binomial count; probabilities outside [0, 1] are clamped.
///
/// Small expected counts (the usual case: churn of a tier, wins of a
/// month) use sequential inversion, which costs about `n·p`
/// steps (`(1−p)^n` by repeated squaring); large ones Hörmann's BTRS. Both are exact samplers.
pub fn binomial(rng: &mut SimRng, n: u64, p: f64) -> u64 {
    if n == 0 || p.is_nan() || p <= 0.0 {
        return 0;
    }
    if p >= 1.0 {
        return n;
    }
    // Draw the rarer outcome: inversion's steps and BTRS's validity depend on p ≤ ½.
    let (p, flipped) = if p > 0.5 { (1.0 - p, true) } else { (p, false) };
    let count = binomial_at_most_half(rng, n, p);
    if flipped { n - count } else { count }
}

fn binomial_at_most_half(rng: &mut SimRng, n: u64, p: f64) -> u64 {
    if n <= DIRECT_LIMIT {
        return (0..n).map(|_| u64::from(rng.random::<f64>() < p)).sum();
    }
    let trials = n as f64;
    if trials * p >= REJECTION_FROM {
        return binomial_btrs(rng, n, p);
    }
    let mut u: f64 = rng.random();
    // No event at all is the usual outcome of a rare one (a leaver in a small
    // cohort): P(0) = (1−p)^n ≥ 1 − n·p, so a uniform below that bound, less
    // a margin wider than the power's rounding, is a 0 without the power.
    // The outcome is exactly the one the power would give.
    if n <= ZERO_SHORTCUT_MAX_TRIALS && u <= 1.0 - trials * p - ZERO_SHORTCUT_MARGIN {
        return 0;
    }
    let ratio = p / (1.0 - p);
    // n·p < 10 here with p ≤ ½, so n < 2^31 unless p is tiny; fall back to exp for huge n
    let mut probability = match u32::try_from(n) {
        Ok(power) => power_of(1.0 - p, power),
        Err(_) => (trials * (-p).ln_1p()).exp(),
    };
    let mut k = 0u64;
    while u > probability && k < n {
        u -= probability;
        k += 1;
        probability *= ratio * (trials - (k - 1) as f64) * reciprocal(k);
        if probability <= 0.0 {
            break;
        }
    }
    k
}

/// `base^exponent` by repeated squaring, in the same order of operations as
/// `powi`'s library routine (so the same bits), but inline: it starts every
/// inversion. Each bit multiplies by `base` or by exactly 1.0, chosen with
/// a bit mask rather than a branch: the bits of a count are as good as
/// random to the branch predictor.
fn power_of(mut base: f64, mut exponent: u32) -> f64 {
    let mut result = 1.0;
    loop {
        // all ones when the bit is set: picks `base`, else 1.0, by masking bits
        let mask = 0u64.wrapping_sub(u64::from(exponent & 1));
        result *= f64::from_bits((base.to_bits() & mask) | (1.0f64.to_bits() & !mask));
        exponent >>= 1;
        if exponent == 0 {
            return result;
        }
        base *= base;
    }
}

/// One aggregate draw for several cells that each lose a binomial share:
/// cell i holds `counts[i]` items, each taken with probability `probs[i]`.
///
/// The total is drawn once, `Binomial(Σ n, p̄)` with `p̄` the count-weighted
/// mean probability, and shared out in proportion to each cell's expected
/// take `nᵢ pᵢ` (systematic rounding, never more than a cell holds). Each
/// cell keeps its expected take up to rounding to whole items; the total's variance is at most slightly above
/// the sum of independent draws. One draw instead of one per cell keeps a
/// month's cost flat however many cohorts or tiers the state has.
pub fn binomial_cells(rng: &mut SimRng, counts: &[u64], probs: &[f64], taken: &mut [u64]) -> u64 {
    binomial_cells_scaled(rng, counts, probs, 1.0, taken)
}

/// [`binomial_cells`] with every probability multiplied by `scale` (then
/// clamped to [0, 1]), so callers need not build a scaled copy.
pub fn binomial_cells_scaled(rng: &mut SimRng, counts: &[u64], probs: &[f64], scale: f64, taken: &mut [u64]) -> u64 {
    let weight = |n: u64, p: f64| count_as_f64(n) * (p * scale).clamp(0.0, 1.0);
    let mut total = 0u64;
    let mut expected = 0.0;
    for (n, p) in counts.iter().zip(probs) {
        total += n;
        expected += weight(*n, *p);
    }
    let drawn = if total == 0 || expected <= 0.0 {
        0
    } else {
        binomial(rng, total, expected / count_as_f64(total))
    };
    if drawn == 0 {
        taken.fill(0);
        return 0;
    }
    // Shares `drawn` in proportion to each cell's expected take by systematic
    // rounding (one uniform: each cell gets the floor or the ceiling of its
    // share, unbiased), then moves anything above a cell's count to cells with room.
    let share_scale = count_as_f64(drawn) / expected;
    let mut cumulative: f64 = rng.random();
    let mut previous = 0i64; // the floor of the starting offset
    let (mut assigned, mut excess) = (0, 0);
    #[allow(clippy::cast_possible_wrap)]
    let limit = drawn as i64;
    for ((t, n), p) in taken.iter_mut().zip(counts).zip(probs) {
        cumulative += weight(*n, *p) * share_scale;
        // cumulative stays below drawn + 1, far inside the shortcut's range
        let upto = round_to_i64(cumulative.floor()).min(limit);
        #[allow(clippy::cast_sign_loss)]
        let share = (upto - previous).max(0) as u64;
        previous = previous.max(upto);
        *t = share.min(*n);
        excess += share - *t;
        assigned += *t;
    }
    // floating-point rounding may leave the last item unplaced
    excess += drawn.saturating_sub(assigned + excess);
    for (t, n) in taken.iter_mut().zip(counts) {
        if excess == 0 {
            break;
        }
        let more = (n - *t).min(excess);
        *t += more;
        excess -= more;
    }
    drawn
}

/// Counts are far below 2^63, and the signed conversion is one instruction
/// where the unsigned one is several.
#[allow(clippy::cast_possible_wrap, clippy::cast_precision_loss)]
fn count_as_f64(n: u64) -> f64 {
    n as i64 as f64
}

/// Gamma multipliers with mean 1 and a given coefficient of variation: the
/// over-dispersion of a gamma-Poisson (negative binomial) arrival. Built once
/// per run, since the gamma's set-up (a root and divisions) depends only on
/// the coefficient.
#[derive(Clone, Debug)]
pub struct ArrivalNoise(Option<Gamma<f64>>);

impl ArrivalNoise {
    #[must_use]
    pub fn new(cv: f64) -> Self {
        if cv.is_nan() || cv <= 1e-9 {
            return ArrivalNoise(None);
        }
        let shape = 1.0 / (cv * cv);
        ArrivalNoise(Gamma::new(shape, 1.0 / shape).ok())
    }

    /// One multiplier (exactly 1 without dispersion).
    pub fn multiplier(&self, rng: &mut SimRng) -> f64 {
        self.0.as_ref().map_or(1.0, |gamma| gamma.sample(rng))
    }

    /// A gamma-Poisson count: the monthly rate itself varies around `mean`.
    pub fn count(&self, rng: &mut SimRng, mean: f64) -> u64 {
        let rate = mean * self.multiplier(rng);
        poisson(rng, rate)
    }
}

#[must_use]
pub fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

#[must_use]
pub fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-9, 1.0 - 1e-9);
    (p / (1.0 - p)).ln()
}

/// `seed_from_u64` for tests and tools that want a plain generator.
#[must_use]
pub fn seeded(seed: u64) -> SimRng {
    SimRng::seed_from_u64(seed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::Rng;

    #[test]
    fn the_generator_gives_exactly_the_numbers_of_rand_pcgs_pcg64_mcg() {
        use rand_pcg::Pcg64Mcg;
        let mut states = seeded(0x0123_4567);
        for case in 0..2_000u32 {
            let state = u128::from(states.next_u64()) << 64 | u128::from(states.next_u64());
            let (mut ours, mut theirs) = (SimRng::new(state), Pcg64Mcg::new(state));
            assert_eq!(ours.state(), theirs.state());
            for _ in 0..50 {
                assert_eq!(ours.next_u64(), theirs.next_u64(), "state {state:#x}");
            }
            assert_eq!(ours.next_u32(), theirs.next_u32());
            assert_eq!(ours.random::<f64>().to_bits(), theirs.random::<f64>().to_bits());
            let length = case as usize % 37;
            let (mut a, mut b) = ([0u8; 37], [0u8; 37]);
            ours.fill_bytes(&mut a[..length]);
            theirs.fill_bytes(&mut b[..length]);
            assert_eq!(a, b);
            assert_eq!(ours.state(), theirs.state());
        }
        for seed in [0, 1, 7, u64::MAX] {
            let (mut ours, mut theirs) = (SimRng::seed_from_u64(seed), Pcg64Mcg::seed_from_u64(seed));
            assert_eq!((ours.state(), ours.next_u64()), (theirs.state(), theirs.next_u64()));
        }
        // the streams' states, as they were built with Pcg64Mcg::new
        let key = mix(42 ^ Mechanism::Churn as u64);
        let state = (u128::from(key) << 64) | u128::from(key.rotate_left(32) ^ 0xA076_1D64_78BD_642F);
        assert_eq!(
            mechanism_stream(42, Mechanism::Churn).state(),
            Pcg64Mcg::new(state | 1).state()
        );
    }

    /// The wide product in both forms (the WebAssembly one is tested natively too).
    #[test]
    fn wide_products_split_into_halves_are_exact() {
        let mut rng = seeded(3);
        let edges = [
            0,
            1,
            0xFFFF_FFFF,
            1 << 32,
            u64::MAX,
            u64::MAX - 1,
            MULTIPLIER_LOW,
            MULTIPLIER_HIGH,
        ];
        let pairs = edges
            .iter()
            .flat_map(|a| edges.iter().map(move |b| (*a, *b)))
            .chain((0..100_000).map(|_| (rng.next_u64(), rng.next_u64())));
        for (a, b) in pairs {
            let product = u128::from(a) * u128::from(b);
            let expected = (product as u64, (product >> 64) as u64);
            assert_eq!(wide_mul(a, b), expected, "{a:#x} × {b:#x}");
            assert_eq!(wide_mul_by_halves(a, b), expected, "{a:#x} × {b:#x}");
        }
    }

    #[test]
    fn streams_differ_by_every_coordinate_and_repeat_exactly() {
        let first = stream(1, 2, 3, Mechanism::Churn).next_u64();
        assert_eq!(first, stream(1, 2, 3, Mechanism::Churn).next_u64());
        for other in [
            stream(9, 2, 3, Mechanism::Churn),
            stream(1, 9, 3, Mechanism::Churn),
            stream(1, 2, 9, Mechanism::Churn),
            stream(1, 2, 3, Mechanism::Inbound),
        ] {
            assert_ne!(first, other.clone().next_u64());
        }
    }

    /// Correlation of the first uniforms of the stream pairs `pair(0..n)`.
    fn first_draw_correlation(n: u32, pair: impl Fn(u32) -> (SimRng, SimRng)) -> f64 {
        let mut sum = 0.0;
        for i in 0..n {
            let (mut a, mut b) = pair(i);
            sum += (a.random::<f64>() - 0.5) * (b.random::<f64>() - 0.5);
        }
        // a product of two centred uniforms has variance 1/144
        sum / f64::from(n) * 12.0
    }

    #[test]
    fn neighbouring_streams_are_uncorrelated_within_four_standard_errors() {
        let n = 20_000u32;
        let churn = |run: u32, month: u32| stream(7, u64::from(run), month, Mechanism::Churn);
        let correlations = [
            ("runs", first_draw_correlation(n, |i| (churn(i, 3), churn(i + 1, 3)))),
            ("months", first_draw_correlation(n, |i| (churn(5, i), churn(5, i + 1)))),
            (
                "mechanisms",
                first_draw_correlation(n, |i| (churn(i, 3), stream(7, u64::from(i), 3, Mechanism::Attrition))),
            ),
            (
                "consecutive draws",
                first_draw_correlation(n, |i| {
                    let rng = churn(i, 3);
                    let mut next = rng.clone();
                    next.random::<f64>();
                    (rng, next)
                }),
            ),
        ];
        for (what, correlation) in correlations {
            assert!(
                correlation.abs() < 4.0 / f64::from(n).sqrt(),
                "{what}: correlation {correlation}"
            );
        }
    }

    #[test]
    fn the_zero_shortcut_never_changes_a_draw() {
        // inversion as it is without the shortcut: the power first, then the walk
        fn reference(rng: &mut SimRng, n: u64, p: f64) -> u64 {
            let trials = n as f64;
            let ratio = p / (1.0 - p);
            let mut probability = (1.0 - p).powi(i32::try_from(n).unwrap());
            let mut u: f64 = rng.random();
            let mut k = 0u64;
            while u > probability && k < n {
                u -= probability;
                k += 1;
                probability *= ratio * (trials - (k - 1) as f64) * reciprocal(k);
            }
            k
        }
        let mut cases = seeded(21);
        for _ in 0..200_000 {
            let n = cases.random_range(3..=ZERO_SHORTCUT_MAX_TRIALS);
            // from rare events to n·p just below the inversion limit
            let p = (REJECTION_FROM * 0.999 / n as f64).min(0.5) * cases.random::<f64>().powi(3);
            let seed = cases.random::<u64>();
            assert_eq!(
                binomial_at_most_half(&mut seeded(seed), n, p),
                reference(&mut seeded(seed), n, p),
                "n {n}, p {p}"
            );
        }
    }

    #[test]
    fn inline_powers_equal_powi_bit_for_bit() {
        for base in [0.0f64, 0.5, 0.982, 0.999_999, 1.0, 1.7] {
            for exponent in [0u32, 1, 2, 3, 20, 320, 65_537, 1 << 30] {
                let expected = base.powi(i32::try_from(exponent).unwrap());
                assert_eq!(
                    power_of(base, exponent).to_bits(),
                    expected.to_bits(),
                    "{base}^{exponent}"
                );
            }
        }
    }

    #[test]
    fn count_draws_handle_degenerate_inputs_without_panicking() {
        let mut rng = seeded(3);
        assert_eq!(poisson(&mut rng, 0.0), 0);
        assert_eq!(poisson(&mut rng, f64::NAN), 0);
        assert_eq!(binomial(&mut rng, 10, 1.5), 10);
        assert_eq!(binomial(&mut rng, 10, -0.5), 0);
        assert_eq!(binomial(&mut rng, 0, 0.5), 0);
        assert!((ArrivalNoise::new(0.0).multiplier(&mut rng) - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn binomial_mean_and_variance_match_np_and_npq_within_four_standard_errors() {
        let mut rng = seeded(5);
        for (n, p) in [(20u64, 0.03), (300, 0.012), (40, 0.7), (5_000, 0.2), (7, 0.5)] {
            let draws = 20_000;
            let samples: Vec<f64> = (0..draws).map(|_| binomial(&mut rng, n, p) as f64).collect();
            let mean = samples.iter().sum::<f64>() / f64::from(draws);
            let variance = samples.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / f64::from(draws - 1);
            let expected_var = n as f64 * p * (1.0 - p);
            assert!(
                (mean - n as f64 * p).abs() < 4.0 * (expected_var / f64::from(draws)).sqrt(),
                "n {n} p {p}: mean {mean}"
            );
            // the variance of a sample variance is about 2σ⁴/N for near-normal counts
            assert!(
                (variance - expected_var).abs() < 4.0 * expected_var * (2.0 / f64::from(draws)).sqrt() + 0.01,
                "n {n} p {p}: var {variance}"
            );
            assert!(samples.iter().all(|x| *x <= n as f64));
        }
    }

    #[test]
    fn aggregate_cell_draws_keep_every_cell_mean_and_never_overdraw() {
        let mut rng = seeded(9);
        let counts = [40u64, 25, 0, 10, 3];
        let probs = [0.05, 0.3, 0.5, 0.9, 1.0];
        let draws = 20_000;
        let mut sums = [0.0; 5];
        let mut taken = [0u64; 5];
        for _ in 0..draws {
            let total = binomial_cells(&mut rng, &counts, &probs, &mut taken);
            assert_eq!(taken.iter().sum::<u64>(), total);
            for i in 0..5 {
                assert!(taken[i] <= counts[i]);
                sums[i] += taken[i] as f64;
            }
        }
        for i in 0..5 {
            let mean = sums[i] / f64::from(draws);
            let expected = counts[i] as f64 * probs[i];
            // rounding shares whole items between cells: allow half an item plus 4 binomial standard errors
            let se = (counts[i] as f64 * probs[i] * (1.0 - probs[i]) / f64::from(draws)).sqrt();
            assert!(
                (mean - expected).abs() < 0.5 + 4.0 * se,
                "cell {i}: mean {mean}, expected {expected}"
            );
        }
    }

    #[test]
    fn gamma_multiplier_has_mean_one_within_four_standard_errors() {
        let mut rng = seeded(11);
        let cv = 0.3;
        let n = 50_000;
        let noise = ArrivalNoise::new(cv);
        let mean = (0..n).map(|_| noise.multiplier(&mut rng)).sum::<f64>() / f64::from(n);
        assert!((mean - 1.0).abs() < 4.0 * cv / f64::from(n).sqrt(), "{mean}");
    }
}
