//! Running a scenario many times into a mergeable summary.
//!
//! A [`Summary`] holds, per metric and month, an exact-moment accumulator
//! with a bounded quantile sketch (see [`crate::sim::stats`]), and per-run
//! horizon figures. Summaries of chunks of runs merge; because every run's
//! randomness derives from (seed, run index) and the statistics merge
//! exactly, 10,000 runs give the identical summary however they are split
//! into chunks and in whatever order the chunks are merged.

use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::metrics::{METRIC_COUNT, Metric, MonthValues, RUN_METRIC_COUNT, RunMetric, RunValues};
use super::model::{Ledger, Prepared, simulate_run};
use super::scenario::Scenario;
use super::stats::{Accumulator, Bands};
use super::validate::{ValidationErrors, validate};

pub const MIN_RUNS: u64 = 1;
pub const MAX_RUNS: u64 = 1_000_000;
pub const DEFAULT_RUNS: u64 = 10_000;
/// Runs simulated before their months are folded into the accumulators.
/// Larger blocks reuse each sketch's cache lines over more values, smaller
/// ones keep the block itself in cache; 16 had the fewest cache misses
/// (cachegrind with a 1 MiB last level, the default preset, 2,000 runs).
const BLOCK: usize = 16;

/// Why a run request cannot be carried out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunError {
    Invalid(ValidationErrors),
    Runs {
        given: u64,
    },
    /// Summaries of different scenarios, seeds or horizons cannot merge.
    Mismatch(String),
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Invalid(errors) => write!(f, "{errors}"),
            RunError::Runs { given } => write!(f, "runs: must be between {MIN_RUNS} and {MAX_RUNS}, got {given}"),
            RunError::Mismatch(what) => write!(f, "cannot merge summaries: {what}"),
        }
    }
}

impl std::error::Error for RunError {}

/// Statistics of many runs of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub scenario: String,
    /// Hash of the scenario as run, so chunks of two different scenarios
    /// that share a name never merge.
    pub fingerprint: u64,
    pub seed: u64,
    pub months: u32,
    /// Runs summarised so far.
    pub runs: u64,
    /// `monthly[metric][month - 1]`, metrics in [`Metric::ALL`] order.
    pub monthly: Vec<Vec<Accumulator>>,
    /// `horizon[run metric]`, in [`RunMetric::ALL_RUN`] order.
    pub horizon: Vec<Accumulator>,
}

impl Summary {
    #[must_use]
    pub fn empty(scenario: &Scenario, seed: u64) -> Self {
        Summary {
            scenario: scenario.name.clone(),
            fingerprint: fingerprint(scenario),
            seed,
            months: scenario.months,
            runs: 0,
            monthly: vec![vec![Accumulator::new(); scenario.months as usize]; METRIC_COUNT],
            horizon: vec![Accumulator::new(); RUN_METRIC_COUNT],
        }
    }

    /// Folds another chunk's summary into this one.
    ///
    /// # Errors
    /// When the two summaries come from different scenarios, seeds or horizons.
    pub fn merge(&mut self, other: &Summary) -> Result<(), RunError> {
        if self.scenario != other.scenario
            || self.fingerprint != other.fingerprint
            || self.seed != other.seed
            || self.months != other.months
        {
            return Err(RunError::Mismatch(format!(
                "{} (seed {}, {} months) and {} (seed {}, {} months)",
                self.scenario, self.seed, self.months, other.scenario, other.seed, other.months
            )));
        }
        self.runs += other.runs;
        for (mine, theirs) in self.monthly.iter_mut().zip(&other.monthly) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                a.merge(b);
            }
        }
        for (a, b) in self.horizon.iter_mut().zip(&other.horizon) {
            a.merge(b);
        }
        Ok(())
    }

    #[must_use]
    pub fn month(&self, metric: Metric, month: u32) -> &Accumulator {
        &self.monthly[metric as usize][(month.max(1) - 1) as usize]
    }

    /// Bands of a metric for every month (month 1 first); `None` for months with no runs.
    #[must_use]
    pub fn bands(&self, metric: Metric) -> Vec<Option<Bands>> {
        self.monthly[metric as usize].iter().map(Accumulator::bands).collect()
    }

    #[must_use]
    pub fn horizon(&self, metric: RunMetric) -> &Accumulator {
        &self.horizon[metric as usize]
    }

    /// Mean over runs and months of a metric (capacity use, work lost).
    #[must_use]
    pub fn mean_over_months(&self, metric: Metric) -> f64 {
        let months = &self.monthly[metric as usize];
        let means: Vec<f64> = months.iter().filter_map(Accumulator::mean).collect();
        if means.is_empty() {
            0.0
        } else {
            means.iter().sum::<f64>() / means.len() as f64
        }
    }
}

/// FNV-1a of the scenario's file form: stable across platforms and builds.
#[must_use]
pub fn fingerprint(scenario: &Scenario) -> u64 {
    let text = scenario.to_json().to_string();
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Runs `runs` futures of `scenario` with `seed`.
///
/// # Errors
/// An invalid scenario (every problem listed) or a run count out of range.
pub fn run(scenario: &Scenario, runs: u64, seed: u64) -> Result<Summary, RunError> {
    validate(scenario).map_err(RunError::Invalid)?;
    if !(MIN_RUNS..=MAX_RUNS).contains(&runs) {
        return Err(RunError::Runs { given: runs });
    }
    Ok(run_chunk(&Prepared::new(scenario), seed, 0..runs))
}

/// Summarises runs `range` (run indices) of a prepared, valid scenario: the
/// unit of work a Web Worker does before sending its summary back.
#[must_use]
pub fn run_chunk(prepared: &Prepared, seed: u64, range: Range<u64>) -> Summary {
    let mut builder = SummaryBuilder::new(prepared, seed);
    let mut ledger = Ledger::default();
    for run in range.clone() {
        let rows = builder.next_rows();
        let totals = simulate_run(prepared, seed, run, &mut ledger, |month, values| {
            rows[(month - 1) as usize] = *values
        });
        builder.commit(&totals);
    }
    builder.finish(range.end.saturating_sub(range.start))
}

/// Collects runs' months into a block and folds a block at a time into the
/// summary, one metric-month after another, so each sketch stays in cache.
pub(crate) struct SummaryBuilder {
    summary: Summary,
    months: usize,
    block: Vec<MonthValues>,
    horizon: Vec<[f64; RUN_METRIC_COUNT]>,
}

impl SummaryBuilder {
    pub(crate) fn new(prepared: &Prepared, seed: u64) -> Self {
        let months = prepared.scenario.months as usize;
        SummaryBuilder {
            summary: Summary::empty(&prepared.scenario, seed),
            months,
            block: vec![MonthValues::default(); months * BLOCK],
            horizon: Vec::with_capacity(BLOCK),
        }
    }

    /// The rows the next run writes its months into (month 1 first).
    pub(crate) fn next_rows(&mut self) -> &mut [MonthValues] {
        if self.horizon.len() == BLOCK {
            self.fold();
        }
        let slot = self.horizon.len();
        &mut self.block[slot * self.months..(slot + 1) * self.months]
    }

    /// Takes the run whose months were written into [`Self::next_rows`].
    pub(crate) fn commit(&mut self, totals: &RunValues) {
        self.horizon.push(totals.0);
    }

    /// The months of the run committed last.
    pub(crate) fn last_rows(&self) -> &[MonthValues] {
        let slot = self.horizon.len().saturating_sub(1);
        &self.block[slot * self.months..(slot + 1) * self.months]
    }

    pub(crate) fn finish(mut self, runs: u64) -> Summary {
        self.fold();
        self.summary.runs = runs;
        self.summary
    }

    fn fold(&mut self) {
        // A full block gets its own copy with the length known at compile
        // time, so every loop over the block's runs is unrolled.
        let runs = self.horizon.len();
        if runs == BLOCK {
            self.fold_runs(BLOCK);
        } else {
            self.fold_runs(runs);
        }
    }

    #[inline(always)]
    fn fold_runs(&mut self, runs: usize) {
        let months = self.months;
        // One month at a time: its rows in the block (one per run) are turned
        // into a column per metric, which stays in the first-level cache.
        let mut columns = [[0.0; BLOCK]; METRIC_COUNT];
        for month in 0..months {
            for (slot, row) in self.block.iter().skip(month).step_by(months).take(runs).enumerate() {
                for (column, value) in columns.iter_mut().zip(row.0) {
                    column[slot] = value;
                }
            }
            for (by_month, column) in self.summary.monthly.iter_mut().zip(&columns) {
                by_month[month].insert_all(&column[..runs]);
            }
        }
        for (metric, accumulator) in self.summary.horizon.iter_mut().enumerate() {
            for values in &self.horizon {
                accumulator.insert(values[metric]);
            }
        }
        self.horizon.clear();
    }
}
