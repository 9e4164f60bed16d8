//! Warm start (issue 9): a company with $9.5M ARR does not start with an
//! empty pipeline. Every run first runs its starting structure unreported
//! until its leads, meetings, pipeline, people and trailing bookings are in
//! their steady state, so month 1 looks like the month before it.

mod common;

use common::{estimate, runs};
use salesim::sim::metrics::Metric;
use salesim::sim::presets;
use salesim::sim::scenario::Scenario;

const SEED: u64 = 20_261_201;

fn preset(id: &str) -> Scenario {
    presets::find(id).expect("preset exists").scenario
}

#[test]
fn month_one_wins_about_as_many_deals_as_the_months_after_it() {
    for id in ["generalist", "specialised", "outsourced", "retention"] {
        let scenario = preset(id);
        let first = estimate(&scenario, 400, SEED, |m, _| m[0][Metric::Deals]);
        let next = estimate(&scenario, 400, SEED, |m, _| common::window(m, Metric::Deals, 2..=4));
        // Within 10% of the next three months' level (seasonality and a
        // growing book move them a little), well above sampling error.
        assert!(
            (first.mean - next.mean).abs() < 0.1 * next.mean,
            "{id}: month 1 wins {:.2} deals, months 2–4 {:.2} a month",
            first.mean,
            next.mean
        );
    }
}

#[test]
fn month_one_starts_with_the_pipeline_of_a_running_company() {
    for id in ["generalist", "specialised"] {
        let scenario = preset(id);
        let all = runs(&scenario, 200, SEED);
        let started: f64 = all.iter().map(|(_, l)| l.opportunities_start as f64).sum::<f64>() / 200.0;
        let month_three: f64 = all.iter().map(|(m, _)| m[2][Metric::OpenOpportunities]).sum::<f64>() / 200.0;
        assert!(
            started > 0.8 * month_three && started < 1.25 * month_three,
            "{id}: {started:.1} opportunities open at the start, {month_three:.1} at the end of month 3"
        );
    }
}

#[test]
fn the_behind_plan_policy_does_not_fire_because_the_pipeline_starts_empty() {
    let scenario = preset("under-pressure");
    let cut_share = |month: usize| estimate(&scenario, 1_000, SEED, move |m, _| m[month][Metric::MarketingCut]).mean;
    // With an empty start the trailing bookings of months 1–3 sat far below
    // plan, and the cut fired in month 4 in most runs at once.
    let (third, fourth) = (cut_share(2), cut_share(3));
    assert!(
        fourth - third < 0.05,
        "marketing cut in {:.1}% of runs in month 3 and {:.1}% in month 4",
        100.0 * third,
        100.0 * fourth
    );
}
