//! Nothing vanishes at a parameter's extremes: values at the ends of their
//! catalogued ranges are valid scenarios, so the model must keep working at
//! them. (Conservation at every parameter's minimum and maximum is checked
//! with the other invariants in tests/invariants.rs.)

mod common;

use common::{paired, runs, with};
use salesim::sim::metrics::Metric;
use salesim::sim::params::P;
use salesim::sim::presets;

const SEED: u64 = 2026;

/// A hand-off delay of 0 months (the range's minimum) means the seller holds
/// the meeting in the month it is booked. It must not lose the meetings: the
/// deals are those of a one-month delay, held a month sooner.
#[test]
fn a_handoff_without_delay_wins_as_many_deals_as_a_one_month_delay() {
    const RUNS: u64 = 200;
    // A month's delay moves every meeting one month later; over the
    // horizon that is at most one month's deals out of 36 (about 3%), so
    // the totals agree within 5%.
    const RELATIVE_TOLERANCE: f64 = 0.05;
    // Paired on common random numbers, the difference in steady-state deals
    // a month is luck alone: within 4 standard errors of zero.
    const STANDARD_ERRORS: f64 = 4.0;
    let one_month = with(&presets::find("specialised").unwrap().scenario, P::HandoffDelay, 1.0);
    let same_month = with(&one_month, P::HandoffDelay, 0.0);

    let deals = |scenario| {
        runs(scenario, RUNS, SEED)
            .iter()
            .map(|(_, ledger)| ledger.accounts_won as f64)
            .sum::<f64>()
            / RUNS as f64
    };
    let (delayed, immediate) = (deals(&one_month), deals(&same_month));
    println!("deals over 36 months: delay 1 {delayed:.1}, delay 0 {immediate:.1}");
    assert!(delayed > 50.0, "the specialised preset wins deals: {delayed}");
    assert!(
        (immediate / delayed - 1.0).abs() <= RELATIVE_TOLERANCE,
        "delay 0 wins {immediate:.1} deals, delay 1 {delayed:.1}"
    );

    let steady = |months: &[salesim::sim::metrics::MonthValues]| {
        months[12..].iter().map(|m| m[Metric::Deals]).sum::<f64>() / (months.len() - 12) as f64
    };
    let difference = paired(&one_month, &same_month, RUNS, SEED, |m, _| steady(m));
    println!(
        "steady-state deals a month, delay 0 − delay 1: {:.3} ± {:.3}",
        difference.mean, difference.se
    );
    assert!(
        difference.z().abs() <= STANDARD_ERRORS,
        "steady-state deals differ by {:.3} ± {:.3} a month",
        difference.mean,
        difference.se
    );
}

/// A customer won this month has not yet had the chance to leave: even at
/// the largest churn the ranges allow (every account leaves every month),
/// the month ends with all of its new customers.
#[test]
fn new_customers_do_not_churn_in_the_month_they_are_won_even_at_maximum_churn() {
    let mut scenario = presets::find("specialised").unwrap().scenario;
    for id in [P::ChurnStrategic, P::ChurnCore, P::ChurnLongTail] {
        scenario.set(id, id.spec().max);
    }
    scenario.set(P::EarlyLifeChurn, P::EarlyLifeChurn.spec().max);
    scenario.set(P::StartAccounts, 0.0);
    let mut deals = 0.0;
    for (months, _) in runs(&scenario, 5, SEED) {
        for (index, month) in months.iter().enumerate() {
            deals += month[Metric::Deals];
            assert!(
                month[Metric::Customers] >= month[Metric::Deals],
                "month {}: {} customers at the end, {} won in it",
                index + 1,
                month[Metric::Customers],
                month[Metric::Deals]
            );
        }
    }
    assert!(deals > 0.0, "no deals to test on");
}
