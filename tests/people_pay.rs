//! People and pay as a sales leader knows them (issue 9): the numbers that
//! were hidden in the pay and people code are catalogued, and each moves the
//! outcome when changed within its range.

use salesim::sim::metrics::{Metric, MonthValues};
use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::params::P;
use salesim::sim::presets;
use salesim::sim::scenario::Scenario;

const SEED: u64 = 2_026_121;
const RUNS: u64 = 4;

/// Costs, revenue and headcount of every month of `RUNS` runs.
fn trace(scenario: &Scenario) -> Vec<[f64; 3]> {
    let prepared = Prepared::new(scenario);
    let mut months = Vec::new();
    for run in 0..RUNS {
        let mut ledger = Ledger::default();
        simulate_run(&prepared, SEED, run, &mut ledger, |_, m: &MonthValues| {
            let people = [
                Metric::HeadcountGeneralist,
                Metric::HeadcountSdr,
                Metric::HeadcountAe,
                Metric::HeadcountAm,
                Metric::HeadcountRetention,
            ]
            .iter()
            .map(|metric| m[*metric])
            .sum();
            months.push([m[Metric::Costs], m[Metric::Revenue], people]);
        });
    }
    months
}

fn preset(id: &str) -> Scenario {
    presets::find(id).expect("preset").scenario
}

#[test]
fn each_newly_catalogued_people_and_pay_number_moves_the_outcome() {
    let generalist_far_below_quota = preset("generalist")
        .with(P::LowAttainmentEffort, 1.0)
        .with(P::AttainmentFloor, 1.0)
        .with(P::GeneralistQuota, 4.0 * P::GeneralistQuota.spec().default);
    let specialised_with_team_bonus = preset("specialised").with(P::TeamBonusShare, 0.3);
    let wide_spans = preset("generalist")
        .with(P::SpanOfControl, 25.0)
        .with(P::SpanProductivity, 1.0);
    let cases: [(P, f64, Scenario); 12] = [
        (P::SpanReference, 5.0, preset("generalist")),
        (P::SpanProductivityFloor, 0.8, wide_spans),
        (P::TeamPoolFullShare, 0.6, specialised_with_team_bonus.clone()),
        (P::TeamPoolCap, 1.0, specialised_with_team_bonus),
        (P::AmRetentionTarget, 0.95, preset("specialised")),
        (P::RetentionBonusCap, 1.0, preset("retention")),
        (P::EffortFloor, 0.8, generalist_far_below_quota),
        (P::AttritionHazardCap, 0.05, preset("restructure")),
        (P::ReroledTenure, 0.0, preset("restructure")),
        (P::ProcessOwnerCost, 0.0, preset("restructure-with-owner")),
        (P::SellerSpread, 1.0, preset("specialised")),
        (P::ExpansionCredit, 0.5, preset("generalist")),
    ];
    for (id, changed, scenario) in cases {
        let spec = id.spec();
        assert!(
            (spec.min..=spec.max).contains(&changed) && changed != spec.default,
            "{}",
            spec.path
        );
        let at_default = trace(&scenario.clone().with(id, spec.default));
        let moved = trace(&scenario.with(id, changed));
        assert_ne!(at_default, moved, "{} at {changed} changes nothing", spec.path);
    }
}

#[test]
fn a_steeper_commission_plan_makes_a_missed_quota_drive_more_account_executives_out() {
    // A quota nobody reaches, so every AE is below the attainment floor;
    // with 80% of pay at risk instead of 50% a miss costs more of their pay.
    let base = salesim::sim::presets::find("specialised")
        .expect("preset")
        .scenario
        .with(salesim::sim::params::P::AeQuota, 5_000_000.0);
    let steeper = base.clone().with(salesim::sim::params::P::AeVariableShare, 0.8);
    let runs = 300;
    let leavers = |scenario: &salesim::sim::scenario::Scenario| -> Vec<f64> {
        let prepared = salesim::sim::model::Prepared::new(scenario);
        (0..runs)
            .map(|run| {
                let mut ledger = salesim::sim::model::Ledger::default();
                salesim::sim::model::simulate_run(&prepared, 20_261_201, run, &mut ledger, |_, _| {});
                ledger.leavers as f64
            })
            .collect()
    };
    let diffs: Vec<f64> = leavers(&steeper)
        .iter()
        .zip(leavers(&base))
        .map(|(a, b)| a - b)
        .collect();
    let n = diffs.len() as f64;
    let mean = diffs.iter().sum::<f64>() / n;
    let se = (diffs.iter().map(|d| (d - mean).powi(2)).sum::<f64>() / (n - 1.0) / n).sqrt();
    assert!(
        mean > 3.0 * se,
        "more leavers with the steeper plan: {mean:.2} ± {se:.2}"
    );
}
