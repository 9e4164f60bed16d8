//! Closed-form checks: with the mechanisms that make the model interesting
//! switched off, simulated means match arithmetic an analyst can do by hand,
//! within 3 standard errors (or exactly, where nothing is random).

mod common;

use common::{estimate, window};
use salesim::sim::metrics::Metric;
use salesim::sim::model::{Ledger, Prepared, simulate_run};
use salesim::sim::params::P;
use salesim::sim::presets::{generalist_structure, specialised_structure};
use salesim::sim::scenario::{Headcount, LeadGeneration, PlannedHire, Role, Scenario, Selling, Serving, Structure};

const SEED: u64 = 7;

/// Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7).
fn phi(z: f64) -> f64 {
    let x = z.abs() / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * x);
    let poly =
        t * (0.254_829_592 + t * (-0.284_496_736 + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    let erf = 1.0 - poly * (-x * x).exp();
    if z >= 0.0 { 0.5 * (1.0 + erf) } else { 0.5 * (1.0 - erf) }
}

/// A funnel with unlimited sellers: an agency books meetings, AEs hold and
/// close them, nothing leaks, no skill or training shifts, no other channel.
fn unconstrained_funnel() -> Scenario {
    let structure = Structure {
        lead_generation: LeadGeneration::Agency,
        selling: Selling::Ae,
        serving: Serving::Am,
        headcount: Headcount {
            ae: 2_000,
            am: 2_000,
            ..Headcount::default()
        },
        account_tiers: false,
    };
    let mut scenario = Scenario::new("unconstrained funnel", structure)
        .with(P::InboundBudget, 0.0)
        .with(P::HandoffLeakage, 0.0)
        .with(P::ArrivalDispersion, 0.0)
        .with(P::TrainingEffect, 0.0)
        .with(P::AgencyQuality, 0.0)
        .with(P::OpportunityMaxAge, 36.0);
    scenario.switches.trade_shows = false;
    scenario.switches.referrals = false;
    scenario
}

#[test]
fn unconstrained_funnel_wins_lambda_times_conversions_after_the_cycle_lag() {
    let scenario = unconstrained_funnel();
    let meetings = P::AgencyMeetings.spec().default;
    let to_opportunity = P::MeetingToOpportunity.spec().default;
    let to_win = P::OpportunityToWin.spec().default;
    let created = estimate(&scenario, 400, SEED, |m, _| window(m, Metric::Opportunities, 3..=36));
    let expected_created = meetings * to_opportunity;
    assert!(
        (created.mean - expected_created).abs() < 3.0 * created.se,
        "opportunities {created:?}, expected {expected_created}"
    );
    // after 24 months every cohort that can be decided has been (P90 is 5 months)
    let won = estimate(&scenario, 400, SEED, |m, _| window(m, Metric::Deals, 25..=36));
    let expected_won = expected_created * to_win;
    assert!(
        (won.mean - expected_won).abs() < 3.0 * won.se,
        "deals {won:?}, expected {expected_won}"
    );
}

#[test]
fn open_opportunities_follow_littles_law() {
    let scenario = unconstrained_funnel();
    let mean = P::CycleMeanMonths.spec().default;
    let p90 = P::CycleP90Months.spec().default;
    let z90: f64 = 1.281_551_565_544_6;
    let sigma = z90 - (z90 * z90 - 2.0 * (p90 / mean).ln()).sqrt();
    let mu = mean.ln() - 0.5 * sigma * sigma;
    // an opportunity created in a month is half a month old at its first month-end
    let months_open: f64 = (0..200)
        .map(|k| 1.0 - phi(((f64::from(k) + 0.5).ln() - mu) / sigma))
        .sum();
    let arrivals = P::AgencyMeetings.spec().default * P::MeetingToOpportunity.spec().default;
    let open = estimate(&scenario, 400, SEED, |m, _| {
        window(m, Metric::OpenOpportunities, 25..=36)
    });
    let expected = arrivals * months_open;
    assert!(
        (open.mean - expected).abs() < 3.0 * open.se + 0.01 * expected,
        "open {open:?}, Little's law gives {expected:.2}"
    );
}

#[test]
fn a_fixed_cohort_decays_as_one_minus_churn_to_the_power_t() {
    let hazard = 0.02;
    let mut scenario = Scenario::new(
        "churn only",
        Structure {
            headcount: Headcount {
                generalist: 1_000,
                ..Headcount::default()
            },
            ..generalist_structure()
        },
    )
    .with(P::ChurnStrategic, hazard)
    .with(P::ChurnCore, hazard)
    .with(P::ChurnLongTail, hazard)
    .with(P::OpportunityToWin, 0.001)
    .with(P::MeetingToOpportunity, 0.001)
    .with(P::InboundBudget, 0.0);
    scenario.switches.trade_shows = false;
    scenario.switches.referrals = false;
    let start = P::StartAccounts.spec().default;
    for month in [12u32, 24, 36] {
        // A thousand generalists prospect enough to win about one account in
        // ten runs even at these rates, so wins to date are taken out: what
        // is left is the starting cohort, short only of won accounts that
        // churned again (below 0.05 of a customer by month 36).
        let customers = estimate(&scenario, 1_000, SEED, |m, _| {
            let won: f64 = m[..month as usize].iter().map(|values| values[Metric::Deals]).sum();
            m[(month - 1) as usize][Metric::Customers] - won
        });
        let expected = start * (1.0 - hazard).powi(month as i32);
        assert!(
            (customers.mean - expected).abs() < 3.0 * customers.se + 0.05,
            "month {month}: {customers:?}, expected {expected:.3}"
        );
    }
}

#[test]
fn new_hires_ramp_linearly_from_the_starting_share_to_full_hours() {
    // Nothing random touches SDR hours here: nobody leaves, SDRs spend every hour prospecting.
    let base = Scenario::new("ramp", specialised_structure())
        .with(P::SdrAttrition, 0.0)
        .with(P::AeAttrition, 0.0)
        .with(P::AmAttrition, 0.0)
        .with(P::HiringLagMonths, 1.0)
        .with(P::RecruitingHours, 0.0);
    let mut hiring = base.clone();
    hiring.hiring_plan.push(PlannedHire {
        month: 1,
        role: Role::Sdr,
        count: 3,
    });
    let monthly = |scenario: &Scenario| {
        let mut rows = Vec::new();
        simulate_run(&Prepared::new(scenario), SEED, 0, &mut Ledger::default(), |_, v| {
            rows.push(v[Metric::ProspectingHours])
        });
        rows
    };
    let (without, with) = (monthly(&base), monthly(&hiring));
    let hours = P::HoursPerMonth.spec().default;
    let start = P::RampStartShare.spec().default;
    let ramp = P::SdrRamp.spec().default;
    // the seats open in month 1 and are filled at its end; the hires' first month is month 2
    for month in 2..=8u32 {
        let tenure = f64::from(month - 2);
        let expected = 3.0 * hours * (start + (1.0 - start) * (tenure / ramp).min(1.0));
        let extra = with[(month - 1) as usize] - without[(month - 1) as usize];
        assert!(
            (extra - expected).abs() < 1e-6,
            "month {month}: new hires added {extra} hours, ramp gives {expected}"
        );
    }
}
