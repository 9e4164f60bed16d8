//! Helpers shared by the engine's statistical tests.
#![allow(dead_code)]

use std::ops::RangeInclusive;

use salesim::sim::metrics::{Metric, MonthValues};
use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::params::P;
use salesim::sim::scenario::Scenario;

/// Mean and standard error of a per-run quantity over `runs` runs.
#[derive(Clone, Copy, Debug)]
pub struct Estimate {
    pub mean: f64,
    pub se: f64,
}

impl Estimate {
    fn of(values: &[f64]) -> Self {
        let n = values.len() as f64;
        let mean = values.iter().sum::<f64>() / n;
        let var = values.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0).max(1.0);
        Estimate {
            mean,
            se: (var / n).sqrt(),
        }
    }

    /// How many standard errors the mean lies above zero.
    pub fn z(&self) -> f64 {
        if self.se > 0.0 {
            self.mean / self.se
        } else if self.mean > 0.0 {
            f64::INFINITY
        } else if self.mean < 0.0 {
            f64::NEG_INFINITY
        } else {
            0.0
        }
    }
}

/// Runs `scenario` and returns every run's months and ledger.
pub fn runs(scenario: &Scenario, runs: u64, seed: u64) -> Vec<(Vec<MonthValues>, Ledger)> {
    let prepared = Prepared::new(scenario);
    (0..runs)
        .map(|run| {
            let mut ledger = Ledger::default();
            let mut months = Vec::with_capacity(scenario.months as usize);
            simulate_run(&prepared, seed, run, &mut ledger, |_, v| months.push(*v));
            (months, ledger)
        })
        .collect()
}

/// Per-run mean of a metric over a window of months (1-based, inclusive).
pub fn window(months: &[MonthValues], metric: Metric, window: RangeInclusive<u32>) -> f64 {
    let values: Vec<f64> = window.clone().map(|m| months[(m - 1) as usize][metric]).collect();
    values.iter().sum::<f64>() / values.len() as f64
}

/// Estimate of a per-run quantity.
pub fn estimate(scenario: &Scenario, n: u64, seed: u64, quantity: impl Fn(&[MonthValues], &Ledger) -> f64) -> Estimate {
    let values: Vec<f64> = runs(scenario, n, seed).iter().map(|(m, l)| quantity(m, l)).collect();
    Estimate::of(&values)
}

/// Paired difference `b − a` of a per-run quantity, on common random numbers.
pub fn paired(
    a: &Scenario,
    b: &Scenario,
    n: u64,
    seed: u64,
    quantity: impl Fn(&[MonthValues], &Ledger) -> f64,
) -> Estimate {
    let first = runs(a, n, seed);
    let second = runs(b, n, seed);
    let diffs: Vec<f64> = first
        .iter()
        .zip(&second)
        .map(|((ma, la), (mb, lb))| quantity(mb, lb) - quantity(ma, la))
        .collect();
    Estimate::of(&diffs)
}

/// A copy of `scenario` with one parameter changed.
pub fn with(scenario: &Scenario, id: P, value: f64) -> Scenario {
    scenario.clone().with(id, value)
}
