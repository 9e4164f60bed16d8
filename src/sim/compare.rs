//! Comparing scenarios run for run: with common random numbers, run i of
//! every scenario sees the same luck, so the paired difference reflects the
//! structure, not chance. A scenario compared with itself differs by exactly 0.
//!
//! Per other scenario: difference bands per month, the share of runs in
//! which it is ahead of the baseline, and the payback month — the first
//! month after which it stays at or above the baseline to the horizon. Runs
//! that have not paid back by the horizon are counted as such, never dropped.
//!
//! "Ahead" and "paid back" are judged on [`JUDGED`]: value created, the
//! cumulative contribution plus the change in the value of the customer
//! book, so that a structure that spends now to win customers is credited
//! with the customers it won. The plain cumulative contribution is among
//! the reported differences.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::metrics::{Metric, MonthValues};
use super::model::{Ledger, Prepared, simulate_run};
use super::run::{MAX_RUNS, MIN_RUNS, RunError, Summary, SummaryBuilder};
use super::scenario::Scenario;
use super::stats::Accumulator;
use super::validate::validate;

/// What a comparison judges scenarios on: value created.
pub const JUDGED: Metric = Metric::ValueCreated;

/// Metrics whose paired differences are reported month by month.
pub const DIFFERENCE_METRICS: [Metric; 8] = [
    Metric::ValueCreated,
    Metric::CumulativeContribution,
    Metric::BookValue,
    Metric::Revenue,
    Metric::Costs,
    Metric::Contribution,
    Metric::NewBookings,
    Metric::Customers,
];

/// One scenario against the baseline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub scenario: String,
    /// `differences[i][month - 1]` for `DIFFERENCE_METRICS[i]`: this scenario minus the baseline.
    pub differences: Vec<Vec<Accumulator>>,
    /// Runs in which this scenario is strictly ahead on [`JUDGED`], per month.
    pub ahead: Vec<u64>,
    /// Runs whose payback month is m, at index m − 1.
    pub payback: Vec<u64>,
    /// Runs not paid back by the horizon.
    pub not_paid_back: u64,
    /// [`JUDGED`] at the horizon, this scenario minus the baseline.
    pub horizon_difference: Accumulator,
}

impl Pair {
    fn empty(name: &str, months: usize) -> Self {
        Pair {
            scenario: name.to_owned(),
            differences: vec![vec![Accumulator::new(); months]; DIFFERENCE_METRICS.len()],
            ahead: vec![0; months],
            payback: vec![0; months],
            not_paid_back: 0,
            horizon_difference: Accumulator::new(),
        }
    }

    fn merge(&mut self, other: &Pair) {
        for (mine, theirs) in self.differences.iter_mut().zip(&other.differences) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                a.merge(b);
            }
        }
        for (a, b) in self.ahead.iter_mut().zip(&other.ahead) {
            *a += b;
        }
        for (a, b) in self.payback.iter_mut().zip(&other.payback) {
            *a += b;
        }
        self.not_paid_back += other.not_paid_back;
        self.horizon_difference.merge(&other.horizon_difference);
    }

    /// Share of runs ahead of the baseline on [`JUDGED`], per month.
    #[must_use]
    pub fn chance_ahead(&self, runs: u64) -> Vec<f64> {
        self.ahead.iter().map(|a| *a as f64 / runs.max(1) as f64).collect()
    }

    /// Share of runs paid back by each month (cumulative), per month.
    #[must_use]
    pub fn chance_paid_back_by(&self, runs: u64) -> Vec<f64> {
        let mut total = 0;
        self.payback
            .iter()
            .map(|count| {
                total += count;
                total as f64 / runs.max(1) as f64
            })
            .collect()
    }

    /// Median payback month, or `None` when fewer than half the runs paid back.
    #[must_use]
    pub fn median_payback(&self, runs: u64) -> Option<u32> {
        self.chance_paid_back_by(runs)
            .iter()
            .position(|p| *p >= 0.5)
            .map(|i| i as u32 + 1)
    }
}

/// The baseline and every other scenario, run on the same random numbers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub seed: u64,
    pub months: u32,
    pub runs: u64,
    /// Each scenario's own summary, the baseline first.
    pub summaries: Vec<Summary>,
    pub pairs: Vec<Pair>,
}

impl Comparison {
    /// Folds another chunk's comparison into this one.
    ///
    /// # Errors
    /// When the comparisons differ in scenarios, seed or horizon.
    pub fn merge(&mut self, other: &Comparison) -> Result<(), RunError> {
        if self.seed != other.seed || self.months != other.months || self.pairs.len() != other.pairs.len() {
            return Err(RunError::Mismatch(
                "comparisons of different scenarios, seeds or horizons".into(),
            ));
        }
        for (a, b) in self.summaries.iter_mut().zip(&other.summaries) {
            a.merge(b)?;
        }
        for (a, b) in self.pairs.iter_mut().zip(&other.pairs) {
            a.merge(b);
        }
        self.runs += other.runs;
        Ok(())
    }
}

/// Puts scenarios on a common horizon (the baseline's) so months line up; a
/// restructuring that would fall at or after that horizon is dropped.
fn aligned(baseline: &Scenario, others: &[Scenario]) -> Vec<Prepared> {
    std::iter::once(baseline)
        .chain(others)
        .map(|s| on_horizon(s, baseline.months))
        .collect()
}

/// `scenario` run over `months` months (see [`Scenario::on_horizon`]).
pub(crate) fn on_horizon(scenario: &Scenario, months: u32) -> Prepared {
    Prepared::new(&scenario.on_horizon(months))
}

/// Compares `others` with `baseline` over `runs` paired runs.
///
/// # Errors
/// Any invalid scenario (every problem listed, prefixed by its name) or a
/// run count out of range.
pub fn compare(baseline: &Scenario, others: &[Scenario], runs: u64, seed: u64) -> Result<Comparison, RunError> {
    for scenario in std::iter::once(baseline).chain(others) {
        validate(scenario).map_err(RunError::Invalid)?;
    }
    if !(MIN_RUNS..=MAX_RUNS).contains(&runs) {
        return Err(RunError::Runs { given: runs });
    }
    Ok(compare_chunk(&aligned(baseline, others), seed, 0..runs))
}

/// Prepares scenarios for [`compare_chunk`] (the baseline first).
#[must_use]
pub fn prepare_comparison(baseline: &Scenario, others: &[Scenario]) -> Vec<Prepared> {
    aligned(baseline, others)
}

/// Compares runs `range` of prepared scenarios (baseline first).
#[must_use]
pub fn compare_chunk(prepared: &[Prepared], seed: u64, range: Range<u64>) -> Comparison {
    let mut runner = ComparisonRunner::new(prepared, seed, range);
    runner.advance(u64::MAX);
    runner.finish()
}

/// A [`compare_chunk`] that can be carried out a few runs at a time, so a
/// Web Worker can answer a cancel or report progress between steps. Steps
/// of any size give the identical comparison: the runs are simulated in the
/// same order either way.
pub struct ComparisonRunner<'a> {
    prepared: &'a [Prepared],
    seed: u64,
    next_run: u64,
    end: u64,
    runs: u64,
    pairs: Vec<Pair>,
    builders: Vec<SummaryBuilder>,
    ledger: Ledger,
}

impl<'a> ComparisonRunner<'a> {
    #[must_use]
    pub fn new(prepared: &'a [Prepared], seed: u64, range: Range<u64>) -> Self {
        let months = prepared.first().map_or(0, |p| p.scenario.months) as usize;
        ComparisonRunner {
            prepared,
            seed,
            next_run: range.start,
            end: range.end.max(range.start),
            runs: range.end.saturating_sub(range.start),
            pairs: prepared
                .iter()
                .skip(1)
                .map(|p| Pair::empty(&p.scenario.name, months))
                .collect(),
            builders: prepared.iter().map(|p| SummaryBuilder::new(p, seed)).collect(),
            ledger: Ledger::default(),
        }
    }

    /// Simulates up to `runs` more runs; returns how many are done so far.
    pub fn advance(&mut self, runs: u64) -> u64 {
        let stop = self.next_run.saturating_add(runs).min(self.end);
        for run in self.next_run..stop {
            // Each scenario is simulated once per run: the same months feed
            // its own summary and its paired difference with the baseline.
            for (scenario, builder) in self.prepared.iter().zip(self.builders.iter_mut()) {
                let rows = builder.next_rows();
                let totals = simulate_run(scenario, self.seed, run, &mut self.ledger, |m, v| {
                    rows[(m - 1) as usize] = *v;
                });
                builder.commit(&totals);
            }
            if let Some((base, others)) = self.builders.split_first() {
                for (pair, other) in self.pairs.iter_mut().zip(others) {
                    record_pair(pair, base.last_rows(), other.last_rows());
                }
            }
        }
        self.next_run = stop;
        self.done()
    }

    /// Runs simulated so far.
    #[must_use]
    pub fn done(&self) -> u64 {
        self.runs - (self.end - self.next_run)
    }

    #[must_use]
    pub fn is_finished(&self) -> bool {
        self.next_run >= self.end
    }

    /// The comparison of every run in the range. Runs not yet simulated are
    /// simulated first, so the answer never depends on the steps taken.
    #[must_use]
    pub fn finish(mut self) -> Comparison {
        self.advance(u64::MAX);
        let months = self.prepared.first().map_or(0, |p| p.scenario.months);
        let runs = self.runs;
        Comparison {
            seed: self.seed,
            months,
            runs,
            summaries: self.builders.into_iter().map(|b| b.finish(runs)).collect(),
            pairs: self.pairs,
        }
    }
}

fn record_pair(pair: &mut Pair, base: &[MonthValues], other: &[MonthValues]) {
    let mut last_behind: Option<usize> = None;
    let mut first_different: Option<usize> = None;
    for (month, (a, b)) in base.iter().zip(other).enumerate() {
        for (i, metric) in DIFFERENCE_METRICS.iter().enumerate() {
            pair.differences[i][month].insert(b[*metric] - a[*metric]);
        }
        let gap = b[JUDGED] - a[JUDGED];
        if gap > 0.0 {
            pair.ahead[month] += 1;
        }
        if gap < 0.0 {
            last_behind = Some(month);
        }
        if gap != 0.0 && first_different.is_none() {
            first_different = Some(month);
        }
    }
    let months = base.len();
    match last_behind {
        Some(m) if m + 1 >= months => pair.not_paid_back += 1,
        Some(m) => pair.payback[m + 1] += 1,
        // never behind: paid back from the first month it differs (or at once)
        None => pair.payback[first_different.unwrap_or(0)] += 1,
    }
    if let (Some(a), Some(b)) = (base.last(), other.last()) {
        pair.horizon_difference.insert(b[JUDGED] - a[JUDGED]);
    }
}
