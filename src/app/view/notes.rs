//! The honest framing under the results: what the numbers include and
//! leave out, and what their bands do and do not show.

use crate::sim::scenario::Scenario;

/// True when some parameter of some scenario is a range, not a number.
#[must_use]
pub fn has_uncertain_inputs(scenarios: &[Scenario]) -> bool {
    scenarios
        .iter()
        .any(|s| s.parameter_table().iter().any(|value| !value.is_fixed()))
}

/// The sentences shown under the results of `scenarios` over `months`.
#[must_use]
pub fn framing(scenarios: &[Scenario], months: u32) -> Vec<String> {
    let mut notes = vec![format!(
        "Contribution is gross profit (recurring revenue times the gross margin, which pays for delivering and \
         supporting the product) less the costs of the sales and marketing organisation (pay, commissions and \
         their payroll taxes, managers and sales leadership, sales tools, marketing, the agency, training, hiring \
         and restructuring costs). Scenarios are judged on value created: contribution plus the change in the \
         value of the customer book, the gross profit the customers still on the books at month {months} are \
         expected to bring over the rest of their lives (at most the customer life counted, discounted at the \
         discount rate). So a structure that spends now to win customers is credited with the customers it won."
    )];
    notes.push(if has_uncertain_inputs(scenarios) {
        "Some inputs are ranges: each future draws them anew, so the bands show both the chance in the model \
         (which leads arrive, which deals close, who leaves) and the uncertainty about those inputs."
            .to_owned()
    } else {
        "Every input is a fixed number, so the bands show only the chance in the model (which leads arrive, \
         which deals close, who leaves), not uncertainty about the inputs themselves: \
         \"Which assumptions matter\" above shows how much the answer depends on them."
            .to_owned()
    });
    notes.push(
        "Each future is simulated month by month with the same luck for every scenario, so differences \
         between scenarios come from their structures, not from chance."
            .to_owned(),
    );
    notes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::params::P;
    use crate::sim::presets;
    use crate::sim::uncertain::Uncertain;

    #[test]
    fn fixed_inputs_are_said_to_show_only_the_models_chance() {
        let scenarios: Vec<Scenario> = presets::all().into_iter().map(|p| p.scenario).collect();
        let notes = framing(&scenarios, 36);
        assert!(notes[0].contains("month 36"));
        assert_eq!(
            has_uncertain_inputs(&scenarios),
            scenarios.iter().any(|s| s.parameters.values().any(|v| !v.is_fixed()))
        );
        if !has_uncertain_inputs(&scenarios) {
            assert!(notes[1].starts_with("Every input is a fixed number"));
        }
        let ranged = scenarios[0]
            .clone()
            .with(P::OpportunityToWin, Uncertain::Uniform { min: 0.18, max: 0.26 });
        assert!(has_uncertain_inputs(std::slice::from_ref(&ranged)));
        assert!(framing(&[ranged], 24)[1].starts_with("Some inputs are ranges"));
    }
}
