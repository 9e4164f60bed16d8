//! Calibration (issue 9): the funnel's benchmark rates are what specialists
//! reach with a typical training budget; a generalist converts below them by
//! the skill gap, once per conversion of a stage they do. Rates are measured
//! from the ledger over 400 runs at the presets' central values and held to
//! 3 binomial standard errors.

use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::params::P;
use salesim::sim::presets;
use salesim::sim::rng::{logistic, logit};
use salesim::sim::scenario::Scenario;
use salesim::sim::uncertain::Uncertain;

const SEED: u64 = 20_261_201;
const RUNS: u64 = 400;

/// The preset with every uncertain input at its central value.
fn central(id: &str) -> Scenario {
    let mut scenario = presets::find(id).expect("preset exists").scenario;
    for value in scenario.parameters.values_mut() {
        *value = Uncertain::from(value.central());
    }
    scenario
}

/// Won and decided opportunities summed over the runs.
fn wins_and_decisions(scenario: &Scenario) -> (f64, f64) {
    let prepared = Prepared::new(scenario);
    let mut ledger = Ledger::default();
    let (mut won, mut decided) = (0.0, 0.0);
    for run in 0..RUNS {
        simulate_run(&prepared, SEED, run, &mut ledger, |_, _| {});
        won += ledger.opportunities_won as f64;
        decided += (ledger.opportunities_won + ledger.opportunities_lost) as f64;
    }
    (won, decided)
}

fn assert_rate(label: &str, (won, decided): (f64, f64), expected: f64) {
    let rate = won / decided;
    let se = (expected * (1.0 - expected) / decided).sqrt();
    assert!(
        (rate - expected).abs() < 3.0 * se,
        "{label}: win rate {rate:.4} over {decided} decisions, expected {expected:.4} ± {:.4} (3 SE)",
        3.0 * se
    );
}

#[test]
fn account_executives_win_at_the_benchmark_rate() {
    let benchmark = P::OpportunityToWin.spec().default;
    assert_rate("specialised", wins_and_decisions(&central("specialised")), benchmark);
}

#[test]
fn generalists_win_below_the_benchmark_by_the_skill_gap_once() {
    let scenario = central("generalist");
    let gap = P::GeneralistSkill.spec().default;
    let expected = logistic(logit(P::OpportunityToWin.spec().default) + gap);
    assert_rate("generalist", wins_and_decisions(&scenario), expected);
}

#[test]
fn training_at_the_typical_budget_leaves_the_benchmark_and_more_or_less_training_moves_it() {
    let typical = central("specialised");
    let benchmark = P::OpportunityToWin.spec().default;
    let (won, decided) = wins_and_decisions(&typical.clone().with(P::TrainingSpend, 0.0));
    assert!(
        won / decided < benchmark - 3.0 * (benchmark * (1.0 - benchmark) / decided).sqrt(),
        "no training should win below the benchmark: {:.4}",
        won / decided
    );
    let (won, decided) = wins_and_decisions(&typical.with(P::TrainingSpend, 1_000.0));
    assert!(
        won / decided > benchmark + 3.0 * (benchmark * (1.0 - benchmark) / decided).sqrt(),
        "more training should win above the benchmark: {:.4}",
        won / decided
    );
}
