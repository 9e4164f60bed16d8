//! The sensitivity tornado: which assumptions move the horizon's value
//! created (cumulative contribution plus the change in the customer book's
//! value, what comparisons are judged on) most. Each parameter is pinned at a low and a high value in turn
//! (every other parameter as the scenario has it) and the mean outcome is
//! recomputed on the same random numbers. When a baseline is given the
//! outcome is the paired difference "scenario minus baseline", so the
//! tornado shows which assumptions the decision hinges on.
//!
//! Low and high: the scenario's own range when the parameter is uncertain;
//! otherwise ±25% of its value (±0.2 on log-odds shifts), kept inside the
//! allowed range.

use serde::{Deserialize, Serialize};

use super::compare::{JUDGED, on_horizon};
use super::model::{Ledger, Prepared, simulate_run};
use super::params::{P, Unit};
use super::run::{MAX_RUNS, MIN_RUNS, RunError};
use super::scenario::Scenario;
use super::uncertain::Uncertain;
use super::validate::validate;

/// The parameters a revenue-operations analyst would test first: every
/// assumption the presets give a range ([`crate::sim::presets::assumption_ranges`]:
/// focus, leakage and context switch lead, then outbound productivity, the
/// transition and the attrition elasticities), then the benchmarks that move
/// the comparison most: the funnel, deal size, the cost of leads, the hours
/// an opportunity takes and AE attrition.
///
/// Kept to about twenty: each bar costs two sets of runs of both scenarios.
/// Left out because they barely move a comparison of structures (under
/// $0.9M between their low and high value against the generalist team with
/// the presets' AM hiring, where the skill effects move it $6-8M): the
/// churn rates, the extra churn of an under-served account and expansion,
/// which both structures share once AMs are staffed for the book.
pub const TORNADO_PARAMETERS: [P; 22] = [
    // Specialisation: these decide "specialise or not".
    P::GeneralistSkill,
    P::HandoffLeakage,
    P::HandoffChurnUplift,
    P::ContextSwitchLoss,
    // Outbound productivity.
    P::HoursPerOutboundMeetingSdr,
    P::HoursPerOutboundMeetingGeneralist,
    // The funnel, deal size and the cost of selling.
    P::LeadToMeeting,
    P::MeetingToOpportunity,
    P::OpportunityToWin,
    P::CycleMeanMonths,
    P::AcvMedian,
    P::InboundCostPerLead,
    P::HoursPerOpportunity,
    P::AeAttrition,
    // The transition.
    P::TransitionDip,
    P::TransitionRecovery,
    P::TransitionAttrition,
    P::PipelineTransferLeakage,
    P::ReassignedChurn,
    // Attrition elasticities.
    P::SpanAttrition,
    P::LowAttainmentAttrition,
    // How far apart sellers are.
    P::SellerSpread,
];

/// Runs used for the tornado when the caller does not say.
pub const DEFAULT_TORNADO_RUNS: u64 = 400;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TornadoBar {
    pub path: String,
    pub label: String,
    pub unit: String,
    pub low: f64,
    pub high: f64,
    /// Mean outcome with the parameter at `low` and at `high`, in USD.
    pub outcome_at_low: f64,
    pub outcome_at_high: f64,
}

impl TornadoBar {
    #[must_use]
    pub fn swing(&self) -> f64 {
        (self.outcome_at_high - self.outcome_at_low).abs()
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tornado {
    /// What the outcome is, in words.
    pub outcome: String,
    pub runs: u64,
    /// Mean outcome with every parameter as the scenario has it.
    pub base: f64,
    /// Bars, largest swing first.
    pub bars: Vec<TornadoBar>,
}

/// The low and high value tested for a parameter.
#[must_use]
pub fn test_range(id: P, shape: &Uncertain) -> (f64, f64) {
    let spec = id.spec();
    let (low, high) = if shape.is_fixed() {
        let centre = shape.central();
        if spec.unit == Unit::LogOdds {
            (centre - 0.2, centre + 0.2)
        } else {
            (centre * 0.75, centre * 1.25)
        }
    } else {
        shape.span()
    };
    let clamp = |x: f64| {
        if spec.integer {
            x.round().clamp(spec.min, spec.max)
        } else {
            x.clamp(spec.min, spec.max)
        }
    };
    (clamp(low.min(high)), clamp(high.max(low)))
}

/// Builds the tornado for `scenario`, against `baseline` when given.
///
/// # Errors
/// Invalid scenarios or a run count out of range.
pub fn tornado(baseline: Option<&Scenario>, scenario: &Scenario, runs: u64, seed: u64) -> Result<Tornado, RunError> {
    let mut runner = TornadoRunner::new(baseline, scenario, runs, seed)?;
    while runner.step() {}
    Ok(runner.finish())
}

/// A [`tornado`] computed one bar at a time, so a Web Worker can report
/// progress and answer a cancel between bars. The answer does not depend on
/// how it is stepped: each bar is its own set of runs on the same seed.
pub struct TornadoRunner {
    subject: Prepared,
    reference: Option<Prepared>,
    runs: u64,
    seed: u64,
    outcome: String,
    base: Option<f64>,
    bars: Vec<TornadoBar>,
}

impl TornadoRunner {
    /// # Errors
    /// Invalid scenarios or a run count out of range.
    pub fn new(baseline: Option<&Scenario>, scenario: &Scenario, runs: u64, seed: u64) -> Result<Self, RunError> {
        validate(scenario).map_err(RunError::Invalid)?;
        if let Some(b) = baseline {
            validate(b).map_err(RunError::Invalid)?;
        }
        if !(MIN_RUNS..=MAX_RUNS).contains(&runs) {
            return Err(RunError::Runs { given: runs });
        }
        let months = baseline.map_or(scenario.months, |b| b.months);
        let outcome = match baseline {
            Some(b) => format!("Value created by month {months}: {} minus {}", scenario.name, b.name),
            None => format!("Value created by month {months}: {}", scenario.name),
        };
        Ok(TornadoRunner {
            subject: on_horizon(scenario, months),
            reference: baseline.map(|b| on_horizon(b, months)),
            runs,
            seed,
            outcome,
            base: None,
            bars: Vec::with_capacity(TORNADO_PARAMETERS.len()),
        })
    }

    /// Steps in all: the base outcome, then one per parameter.
    #[must_use]
    pub fn steps(&self) -> usize {
        TORNADO_PARAMETERS.len() + 1
    }

    /// Steps done so far.
    #[must_use]
    pub fn done(&self) -> usize {
        usize::from(self.base.is_some()) + self.bars.len()
    }

    /// Computes the next step; false when there is none left.
    pub fn step(&mut self) -> bool {
        if self.base.is_none() {
            self.base = Some(mean_outcome(
                self.reference.as_ref(),
                &self.subject,
                self.runs,
                self.seed,
            ));
            return true;
        }
        let Some(id) = TORNADO_PARAMETERS.get(self.bars.len()).copied() else {
            return false;
        };
        let (low, high) = test_range(id, &self.subject.table()[id as usize]);
        let at = |value: f64| {
            let pinned_subject = self.subject.pinned(id, value);
            let pinned_reference = self.reference.as_ref().map(|r| r.pinned(id, value));
            mean_outcome(pinned_reference.as_ref(), &pinned_subject, self.runs, self.seed)
        };
        let spec = id.spec();
        let bar = TornadoBar {
            path: spec.path.to_owned(),
            label: spec.label.to_owned(),
            unit: spec.unit.label().to_owned(),
            low,
            high,
            outcome_at_low: at(low),
            outcome_at_high: at(high),
        };
        self.bars.push(bar);
        true
    }

    /// The tornado, largest swing first (steps not yet taken are taken first).
    #[must_use]
    pub fn finish(mut self) -> Tornado {
        while self.step() {}
        let mut bars = self.bars;
        bars.sort_by(|a, b| b.swing().total_cmp(&a.swing()));
        Tornado {
            outcome: self.outcome,
            runs: self.runs,
            base: self.base.unwrap_or_default(),
            bars,
        }
    }
}

fn mean_outcome(reference: Option<&Prepared>, subject: &Prepared, runs: u64, seed: u64) -> f64 {
    let mut ledger = Ledger::default();
    let mut total = 0.0;
    for run in 0..runs {
        let mut subject_value = 0.0;
        simulate_run(subject, seed, run, &mut ledger, |_, v| subject_value = v[JUDGED]);
        let mut reference_value = 0.0;
        if let Some(r) = reference {
            simulate_run(r, seed, run, &mut ledger, |_, v| reference_value = v[JUDGED]);
        }
        total += subject_value - reference_value;
    }
    total / runs.max(1) as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::presets::assumption_ranges;

    #[test]
    fn every_assumption_the_presets_give_a_range_is_in_the_tornado() {
        let missing: Vec<&str> = assumption_ranges()
            .iter()
            .filter(|(id, _)| !TORNADO_PARAMETERS.contains(id))
            .map(|(id, _)| id.spec().path)
            .collect();
        assert!(missing.is_empty(), "not in TORNADO_PARAMETERS: {missing:?}");
        for (i, id) in TORNADO_PARAMETERS.iter().enumerate() {
            assert!(
                !TORNADO_PARAMETERS[..i].contains(id),
                "{} is listed twice",
                id.spec().path
            );
        }
        // focused: a bar costs two sets of runs of both scenarios
        assert!((15..=24).contains(&TORNADO_PARAMETERS.len()));
    }
}
