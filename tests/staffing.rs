//! Presets staff account management for the book it will carry (issue 9).
//!
//! A sales leader who serves customers with account managers hires AMs as
//! the book grows; a preset that left six AMs to serve a book that grows by
//! two thirds in three years would blame the structure for an
//! understaffing nobody would choose. Every preset whose structure (or
//! whose restructuring's target) serves with AMs carries a hiring plan, and
//! its AMs stay within their hours in most months.

use salesim::sim::metrics::Metric;
use salesim::sim::presets::{self, Preset};
use salesim::sim::run::run;
use salesim::sim::scenario::{Role, Scenario, Serving};

const SEED: u64 = 20_261_209;
const RUNS: u64 = 1_000;
/// Mean capacity use above which a month counts as short of AM hours.
const SHORT_MONTH: f64 = 1.05;
/// Months of 36 that may be short: the first months, before planned hires
/// are in their seats (a restructuring's switch month and its dip among them).
const SHORT_MONTHS_ALLOWED: usize = 6;

fn serves_with_account_managers(scenario: &Scenario) -> bool {
    scenario.structure.serving == Serving::Am
        || scenario
            .restructuring
            .as_ref()
            .is_some_and(|r| r.to.serving == Serving::Am)
}

fn am_presets() -> Vec<Preset> {
    presets::all()
        .into_iter()
        .filter(|p| serves_with_account_managers(&p.scenario))
        .collect()
}

#[test]
fn the_presets_that_serve_with_account_managers_are_the_three_stage_ones_and_the_restructurings() {
    let ids: Vec<&str> = am_presets().iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        [
            "specialised",
            "outsourced",
            "retention",
            "restructure",
            "restructure-with-owner"
        ]
    );
}

#[test]
fn every_preset_serving_with_account_managers_hires_them_as_the_book_grows() {
    for preset in presets::all() {
        let scenario = &preset.scenario;
        if !serves_with_account_managers(scenario) {
            assert!(scenario.hiring_plan.is_empty(), "{}: hires without AMs", preset.id);
            continue;
        }
        let plan = &scenario.hiring_plan;
        let hires: u32 = plan.iter().map(|h| h.count).sum();
        assert!(
            hires >= 3,
            "{}: {hires} AM hires over {} months",
            preset.id,
            scenario.months
        );
        assert!(plan.iter().all(|h| h.role == Role::Am), "{}: {plan:?}", preset.id);
        // hires spread over the horizon as the book grows, not all at once
        let months: Vec<u32> = plan.iter().map(|h| h.month).collect();
        assert!(months.windows(2).all(|w| w[0] < w[1]), "{}: {months:?}", preset.id);
        assert!(
            months.last().is_some_and(|m| *m > scenario.months / 2),
            "{}: {months:?}",
            preset.id
        );
        if let Some(change) = &scenario.restructuring {
            assert!(
                months.iter().all(|m| *m > change.month),
                "{}: hires {months:?} before or at the switch in month {}",
                preset.id,
                change.month
            );
        }
        let description = &scenario.description;
        assert!(
            description.contains("as the book grows") && (description.contains("hir")),
            "{}: the description does not say it hires AMs as the book grows: {description}",
            preset.id
        );
    }
}

/// Per month, the mean over runs of AM capacity use (committed service
/// hours ÷ hours available), and whether the month had AM seats.
fn am_use_by_month(scenario: &Scenario) -> Vec<(f64, bool)> {
    let summary = run(scenario, RUNS, SEED).expect("presets are valid");
    (1..=scenario.months)
        .map(|month| {
            let mean = |metric| summary.month(metric, month).mean().unwrap_or(0.0);
            (mean(Metric::UtilisationAm), mean(Metric::HeadcountAm) > 0.0)
        })
        .collect()
}

#[test]
fn account_managers_stay_within_their_hours_in_most_months() {
    let mut problems = Vec::new();
    for preset in am_presets() {
        let by_month = am_use_by_month(&preset.scenario);
        assert_eq!(by_month.len(), 36, "{}", preset.id);
        // Before a restructuring's switch there are no AMs and nothing to
        // serve with them: those months are not short, and they stay out of
        // the mean so that they cannot pull it down.
        let staffed: Vec<f64> = by_month.iter().filter(|(_, seats)| *seats).map(|(u, _)| *u).collect();
        let short: Vec<usize> = by_month
            .iter()
            .enumerate()
            .filter(|(_, (used, _))| *used > SHORT_MONTH)
            .map(|(i, _)| i + 1)
            .collect();
        let mean = staffed.iter().sum::<f64>() / staffed.len().max(1) as f64;
        let shown: Vec<String> = by_month.iter().map(|(u, _)| format!("{u:.2}")).collect();
        if short.len() > SHORT_MONTHS_ALLOWED {
            problems.push(format!(
                "{}: AMs use more than {SHORT_MONTH} of their hours on average in {} of 36 months ({short:?}): {}",
                preset.id,
                short.len(),
                shown.join(" ")
            ));
        }
        if mean > 1.0 {
            problems.push(format!(
                "{}: AMs use {mean:.3} of their hours on average over the months with AMs: {}",
                preset.id,
                shown.join(" ")
            ));
        }
        // and not staffed for a book twice the size either
        if mean < 0.8 {
            problems.push(format!(
                "{}: AMs use only {mean:.3} of their hours on average: {}",
                preset.id,
                shown.join(" ")
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
